package io.gridside.billing.rerate;

import io.gridside.billing.GapSpreading;
import io.gridside.billing.ReadingHistory;
import io.gridside.site.Reading;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One interval that rating charges for: a reading the meter sent, or an estimate that stands in for one until it
 * does. Both rate alike; an estimate carries how it was made, so that re-rating can say why a charge moved.
 *
 * @param estimate how the interval's energy was estimated, or null for a reading the meter sent
 * @param billedAt the tick that billed it, whose site day its charges belong to: its own end, or for the estimate
 *     of a gap the gateway closed, the end of the reading that closed the gap
 */
public record RatedInterval(Reading reading, EstimateMethod estimate, Instant billedAt) {

    public RatedInterval {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(billedAt, "billedAt");
        if (billedAt.isBefore(reading.intervalEnd())) {
            throw new IllegalArgumentException("An interval is billed at its end or later; the one of meter "
                    + reading.meterId() + " ending " + reading.intervalEnd() + " is said billed at " + billedAt + ".");
        }
    }

    /** An interval billed at its own end. */
    public RatedInterval(Reading reading, EstimateMethod estimate) {
        this(reading, estimate, reading.intervalEnd());
    }

    /** A reading the meter sent. */
    public static RatedInterval actual(Reading reading) {
        return new RatedInterval(reading, null);
    }

    /**
     * The intervals of a gap as VEE spread it, each an estimate flagged with the gap's method, their registers
     * running up from the read before the gap to the read after it.
     */
    public static List<RatedInterval> of(GapEstimate gap) {
        return GapSpreading.readingsOf(gap).stream().map(reading -> new RatedInterval(reading, gap.method())).toList();
    }

    /**
     * One meter's intervals as a gateway that {@linkplain io.gridside.billing.BillingEngine#spreadingGaps spreads
     * gaps} billed them from {@code meterReadings}, the readings it keeps: each reading that followed on from the one
     * before as it is, and each that closed a gap as the gap's estimate, billed at the closing reading's end.
     *
     * @param meterReadings every reading of one meter the gateway billed, from the account's opening on
     * @param notBefore the start of the quarter hour the account opened in; no gap reaches back before it
     */
    public static List<RatedInterval> asBilled(List<Reading> meterReadings, GapSpreading spreading,
            Instant notBefore) {
        return asBilled(meterReadings, spreading, notBefore, Map.of());
    }

    /**
     * As {@link #asBilled(List, GapSpreading, Instant)}, with the gaps whose quarter hours the meter sent at last
     * (a backfill) rated by what it sent, as actuals billed where the gap closed.
     *
     * @param actuals the energies the meter sent for each gap it filled, by the gap's start; each list must sum to
     *     the gap's rise, since the register alone is the fact
     * @throws IllegalArgumentException when a gap's actuals do not fit the gap
     */
    public static List<RatedInterval> asBilled(List<Reading> meterReadings, GapSpreading spreading,
            Instant notBefore, Map<Instant, List<Long>> actuals) {
        ReadingHistory history = ReadingHistory.of(meterReadings);
        List<RatedInterval> intervals = new ArrayList<>(meterReadings.size());
        for (Reading reading : meterReadings) {
            Optional<GapEstimate> gap = spreading.gapClosedBy(reading, notBefore, history);
            if (gap.isEmpty()) {
                intervals.add(actual(reading));
                continue;
            }
            List<Long> sent = actuals.get(gap.get().gapStart());
            GapEstimate billed = sent == null ? gap.get() : filled(gap.get(), sent);
            EstimateMethod method = sent == null ? billed.method() : null;
            GapSpreading.readingsOf(billed).forEach(quarter ->
                    intervals.add(new RatedInterval(quarter, method, reading.intervalEnd())));
        }
        return intervals;
    }

    /** The gap with the energies its meter sent in place of the spread. */
    private static GapEstimate filled(GapEstimate gap, List<Long> sent) {
        if (sent.size() != gap.intervals()) {
            throw new IllegalArgumentException("The gap of meter " + gap.meterId() + " from " + gap.gapStart()
                    + " has " + gap.intervals() + " quarter hours, and " + sent.size() + " actuals were sent for it.");
        }
        return new GapEstimate(gap.meterId(), gap.gapStart(), gap.openingRegisterWh(), gap.closingRegisterWh(),
                gap.method(), gap.status(), sent);
    }

    public boolean estimated() {
        return estimate != null;
    }
}
