import io.gridside.console.service.StoredReplay;
import io.gridside.sim.month.MonthSpec;
import io.gridside.sim.month.SiteMonth;
import io.gridside.site.replay.Replay;
import io.gridside.site.replay.SiteState;
import io.gridside.site.store.SiteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Seeks a month of 5,000 meters' stormy events to random instants, against scanning them from the month's start.
 *
 * <p>The site's events come from {@code SiteMonth} with the {@code month-of-storms} scenario, a month of them by
 * default; generating it takes long the first time and is cached after ({@code --days D} generates fewer days, in a
 * window of a month all the same); {@code --every K} sets the events between checkpoints.
 */
public final class ReplayBench {

    private static final long SEED = 7;
    private static final String SCENARIO = "month-of-storms";
    private static final int RUNS = 3;
    private static final int SEEKS = 1_000;
    private static final int SCANS = 100;
    private static final int WARM_UP = 1_000;
    /** About ten bytes a meter in every checkpoint: two flags and two references, with compressed references. */
    private static final int CHECKPOINT_BYTES_PER_METER = 10;

    private ReplayBench() {
    }

    public static void main(String[] args) {
        int meters = intArg(args, "--meters", 5_000);
        int days = intArg(args, "--days", MonthSpec.DEFAULT_DAYS);
        int runs = Math.max(1, intArg(args, "--runs", RUNS));
        int every = intArg(args, "--every", Replay.DEFAULT_CHECKPOINT_EVERY);
        MonthSpec spec = new MonthSpec(meters, SEED, SCENARIO, days);
        boolean cached = Files.isRegularFile(SiteMonth.fileIn(SiteMonth.defaultCache(), spec));
        long started = System.nanoTime();
        Path file = SiteMonth.obtain(spec);
        double obtainSeconds = (System.nanoTime() - started) / 1e9;
        Instant from = SiteMonth.START;
        Instant to = from.plus(Duration.ofDays(MonthSpec.DEFAULT_DAYS));

        List<Double> loads = new ArrayList<>();
        // Each run's median seek and scan.
        List<Double> scans = new ArrayList<>();
        List<Double> seeks = new ArrayList<>();
        Replay replay = null;
        long checksum = 0;
        for (int run = 0; run < runs; run++) {
            long loadStarted = System.nanoTime();
            try (SiteStore store = SiteStore.openExisting(file)) {
                replay = StoredReplay.load(store, from, to, every).replay();
            }
            loads.add((System.nanoTime() - loadStarted) / 1e6);
            List<Instant> instants = randomInstants(new Random(SEED + run), from, to, SEEKS);
            checksum += seekAll(replay, randomInstants(new Random(-1 - run), from, to, WARM_UP), new ArrayList<>());
            List<Double> runSeeks = new ArrayList<>();
            List<Double> runScans = new ArrayList<>();
            checksum += seekAll(replay, instants, runSeeks);
            checksum += scanAll(replay, instants.subList(0, SCANS), runScans);
            seeks.add(median(runSeeks));
            scans.add(median(runScans));
        }

        double seekMs = median(seeks);
        double scanMs = median(scans);
        print("meters", meters);
        print("event_days", days);
        print("window_days", MonthSpec.DEFAULT_DAYS);
        print(cached ? "month_cache_hit_s" : "month_generate_s", obtainSeconds);
        print("checkpoint_every", every);
        print("checkpoints_mb", (replay.events().size() / every + 1.0) * meters * CHECKPOINT_BYTES_PER_METER / 1e6);
        print("checksum", checksum);
        print("events", replay.events().size());
        print("load_ms", median(loads));
        print("scan_ms", scanMs);
        print("seek_ms", seekMs);
        print("seek_speedup_vs_scan", scanMs / seekMs);
    }

    /** Seeks to each instant, adding each seek's milliseconds; returns what the states say, so none is skipped. */
    private static long seekAll(Replay replay, List<Instant> instants, List<Double> times) {
        long checksum = 0;
        for (Instant at : instants) {
            long started = System.nanoTime();
            SiteState state = replay.at(at);
            times.add((System.nanoTime() - started) / 1e6);
            checksum += state.poweredCount() + state.lastEventId();
        }
        return checksum;
    }

    /** Scans to each instant from the start; checks the scan and the seek agree, which the tests also prove. */
    private static long scanAll(Replay replay, List<Instant> instants, List<Double> times) {
        long checksum = 0;
        for (Instant at : instants) {
            long started = System.nanoTime();
            SiteState state = replay.scanTo(at);
            times.add((System.nanoTime() - started) / 1e6);
            if (!state.sameAs(replay.at(at))) {
                throw new IllegalStateException("The seek and the scan to " + at + " disagree.");
            }
            checksum += state.poweredCount() + state.lastEventId();
        }
        return checksum;
    }

    private static List<Instant> randomInstants(Random random, Instant from, Instant to, int count) {
        long span = Duration.between(from, to).toMillis();
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            instants.add(from.plusMillis((long) (random.nextDouble() * span)));
        }
        return instants;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, "%.3f", value));
    }

    private static void print(String key, long value) {
        System.out.println(key + "=" + value);
    }
}
