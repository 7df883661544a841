package io.gridside.sim;

import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.message.CommissionMeter;
import io.gridside.link.message.GoLive;
import io.gridside.link.message.Message;
import io.gridside.link.message.MessageCatalogue;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.SetUpSite;
import io.gridside.link.server.CommissionRefusedException;
import io.gridside.sim.journal.GatewayInputs;
import io.gridside.sim.journal.JournalException;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A factory-fresh gateway's journal, as a real gateway keeps its setup on flash: the commissioning steps it took
 * (setup, each customer commissioned, go-live), each with the simulation's time it came at, written before the
 * gateway answers. A gateway started again on it takes the same steps again at the same times, answering nothing,
 * so its setup, customers and go-live survive a power cut and none is taken twice; once live, the billing site
 * keeps its own journal beside it ({@link GatewayResume}). The journal is of one site: the meters and seed it was
 * begun with.
 */
public final class FreshJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FreshJournal.class);
    /** Where the billing site the gateway became at go-live keeps its own journal, inside this one's directory. */
    private static final String LIVE = "live";
    /** The file that keeps the furthest time the gateway answered on its joined meters at. */
    private static final String REACHED = "clock-reached";

    private final Path directory;
    private final GatewayInputs inputs;

    private FreshJournal(Path directory, GatewayInputs inputs) {
        this.directory = directory;
        this.inputs = inputs;
    }

    /**
     * Opens the journal in {@code directory}, or begins one there for the fresh gateway of {@code spec}.
     *
     * @throws JournalException when the journal there was begun for another site
     */
    static FreshJournal open(Path directory, SiteSpec spec) {
        GatewayInputs inputs = GatewayInputs.open(directory);
        String siteKey = siteKey(spec);
        if (inputs.site().isEmpty()) {
            inputs.recordSite(siteKey, spec.now());
        } else if (!inputs.site().get().siteKey().equals(siteKey)) {
            String kept = inputs.site().get().siteKey();
            inputs.close();
            throw new JournalException("The journal in " + directory + " was kept by the fresh gateway of another "
                    + "site (" + kept + ", not " + siteKey + "); start the same site on it, or give another "
                    + "directory.");
        }
        return new FreshJournal(directory, inputs);
    }

    /** How a fresh gateway starts again on a journal: the spec it was begun with, and where its clock starts. */
    public record Resumed(SiteSpec spec, Instant clockStart) {

        /**
         * Where to start a clock that follows real time, as the command line's does: at {@code realNow} when the
         * gateway had not got that far, since a real gateway's clock runs on its battery through a power cut, and
         * at the time it got to otherwise (a fast clock ran ahead of real time).
         */
        public Resumed notBefore(Instant realNow) {
            return clockStart.isBefore(realNow) ? new Resumed(spec, realNow) : this;
        }
    }

    /**
     * The spec and clock a fresh gateway starts again with on the journal in {@code directory}: {@code requested}
     * and its own time when there is none; else the spec it was begun with, its clock at the furthest time it had
     * reached: its last step, or its last answer on the meters that joined (so that every meter it listed as
     * joined is still joined after the restart, as the meters of a real mesh join again within minutes).
     *
     * @throws JournalException when the journal there was begun for another site
     */
    public static Resumed resumed(Path directory, SiteSpec requested) {
        try (FreshJournal journal = open(directory, requested)) {
            SiteSpec spec = new SiteSpec(requested.meters(), requested.seed(), 0,
                    journal.inputs.site().orElseThrow().now(), requested.billing());
            Instant furthest = spec.now();
            for (Instant reached : new Instant[] {journal.lastStepAt(), journal.reached()}) {
                furthest = reached != null && reached.isAfter(furthest) ? reached : furthest;
            }
            return new Resumed(spec, furthest);
        }
    }

    /**
     * Keeps {@code at}, the simulation's time of an answer on the meters that joined, as the furthest the gateway's
     * clock reached (a real gateway's battery-backed clock keeps it across a power cut); an earlier time is not kept.
     */
    synchronized void reached(Instant at) {
        Instant kept = reached();
        if (kept != null && !at.isAfter(kept)) {
            return;
        }
        Path file = directory.resolve(REACHED);
        Path written = directory.resolve(REACHED + ".new");
        try {
            Files.writeString(written, at.toString());
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            JournalException failed = new JournalException("Could not keep the gateway's clock in " + file + ": "
                    + e.getMessage() + "; check that the journal's directory is writable.");
            failed.initCause(e);
            throw failed;
        }
    }

    /** The furthest time {@link #reached(Instant)} kept, or null when it kept none. */
    private Instant reached() {
        Path file = directory.resolve(REACHED);
        try {
            return Files.exists(file) ? Instant.parse(Files.readString(file).strip()) : null;
        } catch (IOException | DateTimeParseException e) {
            LOG.warn("The gateway's clock kept in {} could not be read, so it resumes at its last step.", file, e);
            return null;
        }
    }

    /** The simulation's time of the last step taken, or null when none was. */
    Instant lastStepAt() {
        List<GatewayInputs.Input> taken = inputs.inputs();
        return taken.isEmpty() ? null : taken.get(taken.size() - 1).clock();
    }

    private static String siteKey(SiteSpec spec) {
        return String.format(Locale.ROOT, "fresh:%d:%d", spec.meters(), spec.seed());
    }

    /** Where the billing site keeps its journal once live. */
    Path liveDirectory() {
        return directory.resolve(LIVE);
    }

    /**
     * When the billing site the gateway became at go-live began its own journal, if it did: the instant a restart
     * goes live at again, whatever the clock reads while the steps are taken again (a fast simulation's clock runs
     * on between two looks at it, so the same step taken again may read another second).
     */
    Optional<Instant> liveSince() {
        Path live = liveDirectory();
        if (!Files.exists(live.resolve(GatewayInputs.FILE_NAME))) {
            return Optional.empty();
        }
        try (GatewayInputs kept = GatewayInputs.open(live)) {
            return kept.site().map(GatewayInputs.Site::now);
        }
    }

    /** Writes a step the gateway took at the simulation's {@code at}, before it answers. */
    void took(Message step, Instant at, String by) {
        inputs.append(new GatewayInputs.Input(at, MessageCatalogue.codeOf(step), by, MessageCodec.encode(step)));
    }

    /** The steps to take again on {@code gateway}, in order, each at its own simulation time. */
    void replay(FreshGateway gateway, PinnedClock clock) {
        List<GatewayInputs.Input> taken = inputs.inputs();
        for (GatewayInputs.Input input : taken) {
            clock.pin(input.clock());
            try {
                takeAgain(gateway, MessageCodec.decode(input.code(), input.payload()), input.actor());
            } catch (CommissionRefusedException | IOException e) {
                JournalException refused = new JournalException("A step the journal in " + directory + " kept was "
                        + "refused when taken again (" + e.getMessage() + "); start the gateway on another directory.");
                refused.initCause(e);
                throw refused;
            } finally {
                clock.unpin();
            }
        }
        if (!taken.isEmpty()) {
            LOG.info("The factory-fresh gateway took the {} commissioning steps of its journal again.", taken.size());
        }
    }

    private static void takeAgain(FreshGateway gateway, Message step, String by)
            throws CommissionRefusedException, IOException {
        if (step instanceof SetUpSite setUp) {
            SignedCommissioningPack pack = SignedCommissioningPack.of(setUp.pack(), setUp.packSignature());
            List<TariffSchedule> tariffs = new ArrayList<>();
            for (String file : pack.pack().tariffFiles()) {
                tariffs.add(TariffFile.parse(file).validated());
            }
            SitePlan plan = setUp.plan();
            gateway.setUp(plan, setUp.clock(), pack, tariffs, by);
        } else if (step instanceof CommissionMeter commission) {
            gateway.commission(commission, by);
        } else if (step instanceof GoLive) {
            gateway.goLive(by);
        }
    }

    @Override
    public void close() {
        inputs.close();
    }

    /**
     * The simulation's clock, held at a step's time while the step is taken again: a fresh gateway's, and a
     * replacement gateway's ({@link io.gridside.sim.replace.ReplacementJournal}).
     */
    public static final class PinnedClock implements SimClock {

        private final SimClock clock;
        private volatile Instant pinned;

        public PinnedClock(SimClock clock) {
            this.clock = clock;
        }

        @Override
        public Instant now() {
            Instant held = pinned;
            return held != null ? held : clock.now();
        }

        public void pin(Instant at) {
            pinned = at;
        }

        public void unpin() {
            pinned = null;
        }
    }
}
