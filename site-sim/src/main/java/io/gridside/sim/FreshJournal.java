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
import java.time.Instant;
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
    }

    /**
     * The spec and clock a fresh gateway starts again with on the journal in {@code directory}: {@code requested}
     * and its own time when there is none; else the spec it was begun with, its clock at the last step it took.
     *
     * @throws JournalException when the journal there was begun for another site
     */
    public static Resumed resumed(Path directory, SiteSpec requested) {
        try (FreshJournal journal = open(directory, requested)) {
            SiteSpec spec = new SiteSpec(requested.meters(), requested.seed(), 0,
                    journal.inputs.site().orElseThrow().now(), requested.billing());
            Instant last = journal.lastStepAt();
            return new Resumed(spec, last != null && last.isAfter(spec.now()) ? last : spec.now());
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

    /** The simulation's clock, held at a step's time while the step is taken again. */
    static final class PinnedClock implements SimClock {

        private final SimClock clock;
        private volatile Instant pinned;

        PinnedClock(SimClock clock) {
            this.clock = clock;
        }

        @Override
        public Instant now() {
            Instant held = pinned;
            return held != null ? held : clock.now();
        }

        void pin(Instant at) {
            pinned = at;
        }

        void unpin() {
            pinned = null;
        }
    }
}
