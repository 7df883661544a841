package io.gridside.console.service;

import io.gridside.billing.vee.MeterRating;
import io.gridside.billing.vee.PowerOff;
import io.gridside.billing.vee.Vee;
import io.gridside.site.InvalidValueException;
import io.gridside.site.Meter;
import io.gridside.site.QueuedRead;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.RawReadsStored;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.ExceptionDecision;
import io.gridside.site.vee.ExceptionOutcome;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VEE over a site database, as {@code gridside bill vee} and the console's exceptions screen run it: the readings a
 * pull stored become raw reads, VEE judges them and estimates the gaps, and the exceptions queue and the estimates
 * are kept in the store with the technicians' decisions on them.
 */
public final class VeeQueue {

    /** Later than any reading a site database holds. */
    public static final Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");
    /** How far either side of an exception's read the reads involved are shown. */
    static final Duration AROUND = Duration.ofMinutes(45);

    /**
     * What a run of VEE found.
     *
     * @param clock the clock reads from the future were judged by
     * @param gatewayClock whether that is the gateway's at the last pull, rather than this computer's
     */
    public record Run(Instant clock, boolean gatewayClock, RawReadsStored rawReads, long actualIntervals,
            List<ReadException> exceptions, List<GapEstimate> estimates) {

        public Run {
            exceptions = List.copyOf(exceptions);
            estimates = List.copyOf(estimates);
        }
    }

    /**
     * One entry of the exceptions queue as the console shows it.
     *
     * @param customerId the customer the meter serves, or null when the roster does not name one
     * @param decision the decision that holds, or null while the exception is open
     * @param reads the meter's raw reads around the exception's, in time order
     */
    public record Item(ReadException exception, String customerId, ExceptionDecision decision, List<RawRead> reads) {

        public Item {
            reads = List.copyOf(reads);
        }

        public boolean open() {
            return decision == null;
        }
    }

    private VeeQueue() {
    }

    /**
     * Runs VEE over everything {@code store} holds, queues what it finds and keeps the estimates (never replacing
     * an edited one). Reads from the future are judged by the gateway's clock at the last pull, or {@code now}.
     *
     * <p>Shortcoming: the whole site's readings are held in memory at once, fine for a site visit's days; a month
     * of a large site needs VEE to walk the store meter by meter.
     */
    public static Run run(SiteStore store, SiteInfo site, Instant now) {
        // Each pulled reading tells the register at its interval's end; held ones are ignored as duplicates.
        List<RawRead> fromReadings = quarterHourEnds(store.readings(Instant.EPOCH, END_OF_TIME)).stream()
                .map(RawRead::endOf).toList();
        RawReadsStored stored = store.insertRawReads(fromReadings);
        Optional<Instant> pulled = store.pulledGatewayClock();
        Instant clock = pulled.orElse(now);
        Vee.Result result = new Vee(site.zone(), clock, id -> MeterRating.DEFAULT,
                PowerOff.byMeter(store.events(Instant.EPOCH, END_OF_TIME)))
                .run(store.rawReads(Instant.EPOCH, END_OF_TIME));
        store.queueExceptions(result.exceptions());
        store.saveEstimates(result.estimates());
        return new Run(clock, pulled.isPresent(), stored, result.actualIntervals(), store.exceptions(),
                store.estimates());
    }

    /**
     * Of each meter's quarter hour, the last reading billed: a quarter hour a meter changed hands in holds two
     * (decision 0040), the move-out's final reading, whose register is the one at the move-out, and the rest,
     * whose register is the quarter hour's end. The readings come in the order billed.
     */
    private static Collection<Reading> quarterHourEnds(List<Reading> readings) {
        record MeterQuarterHour(String meterId, Instant start) {
        }
        Map<MeterQuarterHour, Reading> last = new LinkedHashMap<>();
        readings.forEach(r -> last.put(new MeterQuarterHour(r.meterId(), r.intervalStart()), r));
        return last.values();
    }

    /** The exceptions queue, oldest first, each with its customer, its decision if any, and the reads involved. */
    public static List<Item> items(SiteStore store) {
        Map<String, String> customerOf = new HashMap<>();
        for (Meter meter : store.meters()) {
            customerOf.put(meter.meterId(), meter.customerId());
        }
        List<ExceptionDecision> decisions = store.exceptionDecisions();
        List<Item> items = new ArrayList<>();
        for (ReadException exception : store.exceptions()) {
            ExceptionDecision holding = null;
            for (ExceptionDecision decision : decisions) {
                if (decision.decides(exception)) {
                    holding = decision;
                }
            }
            List<RawRead> reads = store.rawReads(exception.at().minus(AROUND), exception.at().plus(AROUND)
                    .plusSeconds(1)).stream().filter(r -> r.meterId().equals(exception.meterId())).toList();
            items.add(new Item(exception, customerOf.get(exception.meterId()), holding, reads));
        }
        return items;
    }

    /**
     * Records {@code decision} on the queued exception it names, and queues the read it decides for the gateway's
     * billing (the read as it came when accepted, the register given when overridden), which {@code connect ...
     * push} sends: the gateway fills a gap with it, corrects the register it billed, or says why not.
     */
    public static void decide(SiteStore store, ExceptionDecision decision) {
        String origin = decision.outcome() == ExceptionOutcome.OVERRIDDEN ? "OVERRIDDEN" : "ACCEPTED";
        QueuedRead read = QueuedRead.pending(decision.meterId(), decision.readAt(), decision.registerWh(), origin,
                "decision:" + decision.meterId() + "@" + decision.readAt() + "#" + decision.decidedAt()
                        .getEpochSecond(), decision.why() + " (" + decision.by() + ")");
        store.recordDecision(decision, read, Instant.now());
    }

    /** How many reads the outbox holds for the gateway's billing that no push has sent yet. */
    public static int readsWaiting(SiteStore store) {
        return store.pendingReads().size();
    }

    /**
     * Records a technician's edit of a gap's estimate, as {@code gridside bill vee accept|override} does.
     *
     * @throws IllegalArgumentException when no estimate of the edit's gap is held
     */
    public static void edit(SiteStore store, EstimateEdit edit) {
        if (store.estimate(edit.meterId(), edit.gapStart()).isEmpty()) {
            throw new InvalidValueException("estimate.none", "No estimate of meter " + edit.meterId() + " starts at "
                    + edit.gapStart() + ".", edit.meterId(), edit.gapStart());
        }
        store.recordEdit(edit);
    }
}
