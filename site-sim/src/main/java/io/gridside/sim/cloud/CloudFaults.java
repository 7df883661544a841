package io.gridside.sim.cloud;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What goes wrong in the simulated cloud, on purpose: seeded random faults per request, faults forced on the
 * next request to a path, and scheduled backups, restores and ledger corruption. Switchable while the cloud
 * runs; every method is thread-safe. The text form is the one {@code gridside sim --cloud-faults} takes
 * (docs/sync.md, section 9).
 */
public final class CloudFaults {

    /** A fault of one request; at most one applies to a request, drawn in this order. */
    public enum Kind {
        /** Cut the connection without answering and without applying. */
        DROP_BEFORE,
        /** Apply the request, then cut the connection without answering. */
        DROP_AFTER,
        /** Answer 500 {@code internal} with Retry-After, applying nothing. */
        ERROR_500,
        /** Answer 503 {@code unavailable} with Retry-After, applying nothing. */
        ERROR_503,
        /**
         * Wait before answering. KNOWN SHORTCOMING: the wait comes before the answer, whole; an answer trickled
         * byte by byte, which tests a client's read time-out inside a body, is not simulated.
         */
        SLOW,
        /** Apply the request twice and answer the first answer. */
        DUPLICATE,
        /**
         * Apply the request, but answer the answer given last to the same method and path (none yet: its own), as
         * a confused proxy might.
         */
        REPLAY
    }

    /** What the cloud does about one request. */
    record Decision(long request, Kind fault, boolean backup, boolean restore, LocalDate corruptFrom) {
    }

    private record Forced(Kind kind, String pathPart) {
    }

    private final Random random;
    private final Map<Kind, Double> chances = new EnumMap<>(Kind.class);
    private final Map<Kind, Integer> injected = new EnumMap<>(Kind.class);
    private final Deque<Forced> forced = new ArrayDeque<>();
    private int retryAfterSeconds = 1;
    private long slowMillis = 2_000;
    private long backupEvery;
    private long restoreAt;
    private long corruptAt;
    private LocalDate corruptFrom;
    private long requests;

    private CloudFaults(long seed) {
        random = new Random(seed);
    }

    /** No faults (any may be switched on later). */
    public static CloudFaults none() {
        return new CloudFaults(1);
    }

    /** No faults yet, with random draws from {@code seed}. */
    public static CloudFaults seeded(long seed) {
        return new CloudFaults(seed);
    }

    /**
     * Reads a fault list such as {@code seed=7,drop-after=0.05,error503=0.1,backup-every=50,restore-at=200}.
     *
     * @throws IllegalArgumentException naming the part that is not a fault
     */
    public static CloudFaults parse(String spec) {
        CloudFaults faults = new CloudFaults(seedOf(spec));
        for (String part : spec.split(",")) {
            String trimmed = part.strip();
            if (!trimmed.isEmpty()) {
                faults.apply(trimmed);
            }
        }
        return faults;
    }

    private static long seedOf(String spec) {
        for (String part : spec.split(",")) {
            if (part.strip().startsWith("seed=")) {
                return Long.parseLong(part.strip().substring("seed=".length()));
            }
        }
        return 1;
    }

    private void apply(String part) {
        int equals = part.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("'" + part + "' is not name=value");
        }
        String name = part.substring(0, equals).toLowerCase(Locale.ROOT);
        String value = part.substring(equals + 1);
        try {
            switch (name) {
                case "seed" -> { }
                case "drop-before" -> set(Kind.DROP_BEFORE, Double.parseDouble(value));
                case "drop-after" -> set(Kind.DROP_AFTER, Double.parseDouble(value));
                case "error500" -> set(Kind.ERROR_500, Double.parseDouble(value));
                case "error503" -> set(Kind.ERROR_503, Double.parseDouble(value));
                case "slow" -> set(Kind.SLOW, Double.parseDouble(value));
                case "duplicate" -> set(Kind.DUPLICATE, Double.parseDouble(value));
                case "replay" -> set(Kind.REPLAY, Double.parseDouble(value));
                case "retry-after" -> retryAfterSeconds(Integer.parseInt(value));
                case "slow-ms" -> slowMillis(Long.parseLong(value));
                case "backup-every" -> backupEvery(Long.parseLong(value));
                case "restore-at" -> restoreAt(Long.parseLong(value));
                case "corrupt-ledger" -> corruptLedger(value);
                default -> throw new IllegalArgumentException("'" + name + "' is not a cloud fault; the faults are "
                        + "seed, drop-before, drop-after, error500, error503, retry-after, slow, slow-ms, duplicate, "
                        + "replay, backup-every, restore-at and corrupt-ledger");
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + part + "' does not have a value of the right kind", e);
        }
    }

    private void corruptLedger(String value) {
        int at = value.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("corrupt-ledger is DAY@N, such as 2026-06-03@40, not " + value);
        }
        corruptLedgerAt(LocalDate.parse(value.substring(0, at)), Long.parseLong(value.substring(at + 1)));
    }

    /** Gives {@code kind} the chance {@code probability} (0 to 1) on each request. */
    public synchronized CloudFaults set(Kind kind, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a chance is between 0 and 1, was " + probability);
        }
        chances.put(kind, probability);
        return this;
    }

    /**
     * Forces {@code kind} on the next request whose method and path ({@code "PUT /v1/sites/..."}) contain
     * {@code pathPart} (queued behind others).
     */
    public synchronized CloudFaults once(Kind kind, String pathPart) {
        forced.add(new Forced(kind, pathPart));
        return this;
    }

    /** Switches every random and forced fault off, and every schedule. */
    public synchronized CloudFaults off() {
        chances.clear();
        forced.clear();
        backupEvery = 0;
        restoreAt = 0;
        corruptAt = 0;
        return this;
    }

    public synchronized CloudFaults retryAfterSeconds(int seconds) {
        retryAfterSeconds = Math.max(0, seconds);
        return this;
    }

    public synchronized CloudFaults slowMillis(long millis) {
        slowMillis = Math.max(0, millis);
        return this;
    }

    /** Takes a backup of the store before every {@code n}th request (0: never). */
    public synchronized CloudFaults backupEvery(long n) {
        backupEvery = Math.max(0, n);
        return this;
    }

    /** Restores the latest backup before the {@code n}th request (counted from the start; 0: never). */
    public synchronized CloudFaults restoreAt(long n) {
        restoreAt = Math.max(0, n);
        return this;
    }

    /** Alters every site's stored ledger from {@code day} on, before the {@code n}th request. */
    public synchronized CloudFaults corruptLedgerAt(LocalDate day, long n) {
        corruptFrom = day;
        corruptAt = Math.max(0, n);
        return this;
    }

    synchronized int retryAfter() {
        return retryAfterSeconds;
    }

    synchronized long slow() {
        return slowMillis;
    }

    /** How many times each fault was injected so far. */
    public synchronized Map<Kind, Integer> injected() {
        return Map.copyOf(injected);
    }

    /** How many requests were decided so far. */
    public synchronized long requests() {
        return requests;
    }

    /** Decides the fate of the next request, {@code path} being its method and path ({@code "GET /v1/..."}). */
    synchronized Decision next(String path) {
        requests++;
        boolean backup = backupEvery > 0 && requests % backupEvery == 0;
        boolean restore = restoreAt > 0 && requests == restoreAt;
        LocalDate corrupt = corruptAt > 0 && requests == corruptAt ? corruptFrom : null;
        Kind fault = forcedFor(path);
        if (fault == null) {
            fault = drawn();
        }
        if (fault != null) {
            injected.merge(fault, 1, Integer::sum);
        }
        return new Decision(requests, fault, backup, restore, corrupt);
    }

    private Kind forcedFor(String path) {
        for (Forced each : forced) {
            if (path.contains(each.pathPart())) {
                forced.remove(each);
                return each.kind();
            }
        }
        return null;
    }

    private Kind drawn() {
        for (Kind kind : Kind.values()) {
            double chance = chances.getOrDefault(kind, 0.0);
            if (chance > 0 && random.nextDouble() < chance) {
                return kind;
            }
        }
        return null;
    }
}
