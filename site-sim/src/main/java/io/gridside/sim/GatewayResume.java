package io.gridside.sim;

import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.SetClock;
import io.gridside.sim.journal.GatewayInputs;
import io.gridside.sim.journal.GatewayJournal;
import io.gridside.sim.journal.JournalDirectory;
import io.gridside.sim.journal.JournalException;
import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a simulated gateway opens its journal and resumes from one it kept. Its history (readings, ledger, running
 * charges, events, relay commands) is a pure function of its site's seed, its cash book and the commands consoles
 * gave it; so a gateway started again on a kept journal rebuilds that history from the seed, replays the commands
 * at the clock each came at ({@link GatewayInputs}), posts its cash again from its book, and continues from the
 * last quarter hour it had billed. What it rebuilt must hold the ledger it had written entry for entry: the head of
 * the kept chain, verified on opening, must be a link of the rebuilt chain, or it refuses to start.
 *
 * <p>The kept journal waits in a subdirectory while the history is rebuilt, so a gateway killed while rebuilding
 * still finds it, and leaves when the rebuilt ledger is found to hold it. See decision 0031.
 *
 * <p>Shortcoming: only what a console asks over the link is replayed. A test's or the command line's hooks
 * ({@code flood}, {@code interfere}, {@code silenceRadio}, {@code misrate}) are not kept, so a gateway given them
 * cannot be resumed: its rebuilt ledger differs, and it refuses to start on that journal.
 */
public final class GatewayResume {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayResume.class);
    /** Where the kept journal waits while its history is rebuilt. */
    private static final String KEPT = "kept-journal";

    private final Path directory;
    private final GatewayJournal journal;
    private final GatewayInputs.Site site;
    /** The gateway's clock while a command runs or is replayed, or null. */
    private volatile Instant pinnedClock;
    /** Whether it is replaying the kept commands, which it then does not keep again. */
    private boolean replaying;

    private GatewayResume(Path directory, GatewayJournal journal, GatewayInputs.Site site) {
        this.directory = directory;
        this.journal = journal;
        this.site = site;
    }

    /**
     * Opens the journal of a gateway of {@code spec}: a new one in a temporary directory, or the journal kept in a
     * given one, whose ledger chain it verifies, or a new one there.
     *
     * @throws JournalException when a kept journal belongs to another site, or its chain does not verify
     */
    static GatewayResume open(JournalDirectory where, SiteSpec spec, byte[] billingDocument, List<String> meters) {
        Path directory = where.path();
        if (where.temporary()) {
            return new GatewayResume(null, GatewayJournal.create(directory, meters, false), null);
        }
        GatewayInputs.Site site = settle(directory, siteKey(spec, billingDocument), spec.now());
        return new GatewayResume(directory, GatewayJournal.create(directory, meters, true), site);
    }

    /**
     * The spec and clock to start a gateway with on the journal in {@code directory}: {@code requested} and its own
     * time when it holds none; else the spec it was begun with, and the simulation's time at which the kept gateway
     * had got furthest.
     *
     * @throws JournalException when the journal belongs to a site other than {@code requested}'s, or its chain does
     *     not verify
     */
    public static Resumed resumed(Path directory, SiteSpec requested) {
        if (!Files.exists(directory.resolve(GatewayInputs.FILE_NAME))) {
            return new Resumed(requested, requested.now());
        }
        byte[] billing = BillingConfigDocument.encode(billingOf(requested,
                SiteGenerator.generate(requested)));
        GatewayInputs.Site site = settle(directory, siteKey(requested, billing), null);
        if (site == null) {
            return new Resumed(requested, requested.now());
        }
        SiteSpec spec = new SiteSpec(requested.meters(), requested.seed(), requested.historyDays(), site.now(),
                requested.billing());
        return new Resumed(spec, simulationTime(directory, site));
    }

    /**
     * Checks the site, verifies the kept journal and records how far it got, and sets it aside for the rebuild.
     *
     * @param now the start of a journal begun now, or null not to begin one
     * @return the site the journal was begun for, or null when none was and {@code now} is null
     */
    private static GatewayInputs.Site settle(Path directory, String siteKey, Instant now) {
        try (GatewayInputs inputs = GatewayInputs.open(directory)) {
            Optional<GatewayInputs.Site> site = inputs.site();
            if (site.isEmpty()) {
                if (now == null) {
                    return null;
                }
                inputs.recordSite(siteKey, now);
                return inputs.site().orElseThrow();
            }
            if (!site.get().siteKey().equals(siteKey)) {
                throw new JournalException("The journal in " + directory + " was kept by another site ("
                        + site.get().siteKey() + ", not " + siteKey + "); start the same site on it, or give "
                        + "another directory.");
            }
            if (now != null && !now.equals(site.get().now())) {
                throw new JournalException("The journal in " + directory + " was begun at " + site.get().now()
                        + ", and a gateway resuming it must start its history there too, not at " + now + ".");
            }
            setAside(directory);
            verifyKept(directory, inputs);
            return inputs.site().orElseThrow();
        }
    }

    /** Moves the journal into the kept directory, unless one is kept already (a rebuild was cut short). */
    private static void setAside(Path directory) {
        Path kept = directory.resolve(KEPT);
        try {
            if (Files.exists(kept.resolve(GatewayJournal.FILE_NAME))) {
                deleteJournalFiles(directory);
                return;
            }
            Files.createDirectories(kept);
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path file = directory.resolve(GatewayJournal.FILE_NAME + suffix);
                if (Files.exists(file)) {
                    Files.move(file, kept.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway's journal in " + directory + " could not be set aside.", e);
        }
    }

    /** Verifies the kept journal's hash chain, and records its last tick and head. */
    private static void verifyKept(Path directory, GatewayInputs inputs) {
        Path kept = directory.resolve(KEPT);
        if (!Files.exists(kept.resolve(GatewayJournal.FILE_NAME))) {
            return;
        }
        try (GatewayJournal journal = GatewayJournal.open(kept, List.of())) {
            byte[] link = LedgerChain.genesis();
            long seq = 0;
            for (LedgerEntry entry : journal.ledgerAfter(0)) {
                link = LedgerChain.link(link, entry);
                seq++;
                Optional<byte[]> written = journal.ledgerHash(entry.seq());
                if (entry.seq() != seq || written.isEmpty() || !Arrays.equals(written.get(), link)) {
                    throw new JournalException("The ledger of the journal in " + directory + " does not verify at "
                            + "entry " + entry.seq() + "; it is kept in " + kept + " for inspection.");
                }
            }
            Optional<Instant> tick = journal.billingTick();
            if (tick.isPresent()) {
                inputs.reached(tick.get(), seq, link);
            }
            LOG.info("The kept journal in {} verifies: {} ledger entries up to {}.", directory, seq, tick);
        }
    }

    private static void deleteJournalFiles(Path directory) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(directory.resolve(GatewayJournal.FILE_NAME + suffix));
        }
    }

    /** The simulation's time when the kept gateway had got furthest: its clock then, less what was set on it. */
    private static Instant simulationTime(Path directory, GatewayInputs.Site site) {
        Instant furthest = site.reached() == null ? site.now() : site.reached();
        Duration offset = Duration.ZERO;
        try (GatewayInputs inputs = GatewayInputs.open(directory)) {
            for (GatewayInputs.Input input : inputs.inputs()) {
                furthest = input.clock().isAfter(furthest) ? input.clock() : furthest;
                if (MessageCodec.decode(input.code(), input.payload()) instanceof SetClock set) {
                    Duration change = Duration.between(input.clock(), set.clock());
                    offset = change.abs().compareTo(SimulatedGateway.MAX_CLOCK_CHANGE) > 0 ? offset
                            : offset.plus(change);
                }
            }
        }
        return furthest.minus(offset);
    }

    GatewayJournal journal() {
        return journal;
    }

    /** The gateway's clock while a command runs or is replayed, or null when its own clock runs. */
    Instant pinnedClock() {
        return pinnedClock;
    }

    /**
     * Runs a command a console gave, with the gateway's clock held at one reading of {@code clock} throughout, as
     * its replay holds it; keeps the command first, synced, with that reading.
     */
    <T, E extends Exception> T command(Message command, String actor, Supplier<Instant> clock, Body<T, E> body)
            throws E {
        if (pinnedClock != null) {
            return body.run();
        }
        Instant at = clock.get();
        record(command, actor, at);
        pinnedClock = at;
        try {
            return body.run();
        } finally {
            pinnedClock = null;
        }
    }

    /** Keeps a command a console gave at the gateway's {@code clock}, synced, before the gateway acts on it. */
    void record(Message command, String actor, Instant clock) {
        if (directory == null || replaying) {
            return;
        }
        try (GatewayInputs inputs = GatewayInputs.open(directory)) {
            inputs.append(new GatewayInputs.Input(clock, MessageCatalogue.codeOf(command), actor,
                    MessageCodec.encode(command)));
        }
    }

    /**
     * Rebuilds the kept gateway's history on {@code gateway}, whose accounts are open at its history's start:
     * replays every command at its clock, brings the site to the last quarter hour the kept journal billed, and
     * checks that the rebuilt ledger holds the kept one.
     *
     * @throws JournalException when it does not, as when the site was given hooks that are not replayed
     */
    void replay(SimulatedGateway gateway) {
        if (directory == null) {
            return;
        }
        List<GatewayInputs.Input> inputs;
        try (GatewayInputs kept = GatewayInputs.open(directory)) {
            inputs = kept.inputs();
        }
        replaying = true;
        try {
            for (GatewayInputs.Input input : inputs) {
                pinnedClock = input.clock();
                apply(gateway, MessageCodec.decode(input.code(), input.payload()), input.actor());
            }
            pinnedClock = site.reached() == null ? site.now() : site.reached();
            gateway.advance();
        } finally {
            pinnedClock = null;
            replaying = false;
        }
        checkRebuilt();
        LOG.info("Resumed the journal in {} with {} commands replayed, from {}.", directory, inputs.size(),
                site.reached());
    }

    private static void apply(SimulatedGateway gateway, Message command, String actor) {
        try {
            if (command instanceof PostPayments payments) {
                gateway.postPayments(payments);
            } else if (command instanceof ExchangeMeter exchange) {
                gateway.exchangeMeter(exchange, actor);
            } else if (command instanceof MoveOut moveOut) {
                gateway.moveOut(moveOut, actor);
            } else if (command instanceof MoveIn moveIn) {
                gateway.moveIn(moveIn, actor);
            } else if (command instanceof PostAdjustments adjustments) {
                gateway.postAdjustments(adjustments, actor);
            } else if (command instanceof PushTariff push) {
                gateway.pushTariff(push, actor);
            } else if (command instanceof PostReadings reads) {
                gateway.postReadings(reads, actor);
            } else if (command instanceof SetClock set) {
                gateway.setClock(set.clock());
            } else {
                throw new JournalException("The gateway's inputs hold a " + command.getClass().getSimpleName()
                        + ", which it does not replay.");
            }
        } catch (JournalException e) {
            throw e;
        } catch (Exception e) {
            // Refused then as now: the refusal changed nothing, and the console was told of it then.
            LOG.debug("A replayed {} was refused again: {}", command.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** Checks that the rebuilt ledger holds the kept one's head, and lets the kept journal go. */
    private void checkRebuilt() {
        if (site.headSeq() > 0) {
            Optional<byte[]> rebuilt = journal.ledgerHash(site.headSeq());
            if (rebuilt.isEmpty() || !Arrays.equals(rebuilt.get(), site.headHash())) {
                throw new JournalException("The journal in " + directory + " did not rebuild to the ledger it kept "
                        + "(entry " + site.headSeq() + " differs); it was kept by a different scenario or with "
                        + "hooks that are not replayed. The kept journal stays in " + directory.resolve(KEPT) + ".");
            }
        }
        if (Files.exists(directory.resolve(KEPT))) {
            GatewayJournal.deleteTree(directory.resolve(KEPT));
        }
    }

    /** What a journal's site is built from, but its start: a resumed journal must be of the same site. */
    static String siteKey(SiteSpec spec, byte[] billingDocument) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(billingDocument);
            return "meters=" + spec.meters() + " seed=" + spec.seed() + " days=" + spec.historyDays() + " billing="
                    + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    /** The work of a command. */
    @FunctionalInterface
    interface Body<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Where a gateway resumes.
     *
     * @param spec the site, started when its journal was begun
     * @param clock the simulation's time to start its clock at
     */
    public record Resumed(SiteSpec spec, Instant clock) {

        /**
         * Where to start a clock that follows real time, as the command line's does: at {@code realNow} when the
         * kept gateway had not got that far, so that it reads the quarter hours it was stopped as a gateway switched
         * off and on again does, and at the time it got to otherwise (a fast clock ran ahead of real time).
         *
         * <p>KNOWN SHORTCOMING: the gap is read as though the gateway had run through it: its readings arrive on
         * time and a meter campaign moves on at each of its quarter hours, where a gateway really off would fetch
         * the meters' stored readings late and move its campaign on only once it is back.
         */
        public Resumed notBefore(Instant realNow) {
            return clock.isBefore(realNow) ? new Resumed(spec, realNow) : this;
        }
    }

    /** What a gateway of {@code spec} bills with: the flat tariff under plain terms unless its spec asks otherwise. */
    static BillingConfig billingOf(SiteSpec spec, SiteLayout layout) {
        return spec.billing().realistic()
                ? RealisticBilling.of(layout.tariff(), layout.customers(), spec.billing())
                : spec.billing().plainConfig(layout.tariff());
    }
}
