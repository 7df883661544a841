package io.gridside.billing.vee;

import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One pass of VEE over raw reads of any meters: each meter's reads are checked ({@link ReadValidator}), two good
 * reads a quarter hour apart make an actual interval, and two further apart make a gap whose energy is spread
 * ({@link GapEstimator}). A gap covers every quarter hour between its two reads, the last one included: only the
 * register is trusted, so the energy of the quarter hour before the closing read is part of the delta.
 */
public final class Vee {

    private final ZoneId zone;
    private final Instant gatewayClock;
    private final Function<String, MeterRating> ratingOf;
    private final Map<String, List<PowerOff>> powerOffs;

    /**
     * @param zone the site's time zone, which a profile's time of day and day type are in
     * @param gatewayClock the gateway's clock, which no read may be ahead of
     * @param ratingOf each meter's rating, by meter id
     */
    public Vee(ZoneId zone, Instant gatewayClock, Function<String, MeterRating> ratingOf) {
        this(zone, gatewayClock, ratingOf, Map.of());
    }

    /**
     * @param powerOffs each meter's times without supply ({@link PowerOff#byMeter}), to which no estimate gives
     *     energy
     */
    public Vee(ZoneId zone, Instant gatewayClock, Function<String, MeterRating> ratingOf,
            Map<String, List<PowerOff>> powerOffs) {
        this.zone = zone;
        this.gatewayClock = gatewayClock;
        this.ratingOf = ratingOf;
        this.powerOffs = Map.copyOf(powerOffs);
    }

    /**
     * What a pass found.
     *
     * @param exceptions the reads that broke a rule, by meter and then time
     * @param estimates the gaps' estimates, by meter and then time
     * @param actualIntervals how many quarter hours good reads measured outright
     */
    public record Result(List<ReadException> exceptions, List<GapEstimate> estimates, long actualIntervals) {

        public Result {
            exceptions = List.copyOf(exceptions);
            estimates = List.copyOf(estimates);
        }
    }

    /** Runs VEE over {@code reads}, in any order. */
    public Result run(List<RawRead> reads) {
        Map<String, List<RawRead>> byMeter = new TreeMap<>();
        for (RawRead read : reads) {
            byMeter.computeIfAbsent(read.meterId(), id -> new ArrayList<>()).add(read);
        }
        List<ReadException> exceptions = new ArrayList<>();
        List<GapEstimate> estimates = new ArrayList<>();
        long actual = 0;
        GapEstimator estimator = new GapEstimator(zone);
        for (Map.Entry<String, List<RawRead>> meter : byMeter.entrySet()) {
            List<RawRead> series = new ArrayList<>(meter.getValue());
            series.sort(Comparator.comparing(RawRead::at));
            ReadValidator.Checked checked = new ReadValidator(ratingOf.apply(meter.getKey()), gatewayClock)
                    .check(series);
            exceptions.addAll(checked.exceptions());
            List<ActualInterval> intervals = actualIntervals(checked.accepted());
            actual += intervals.size();
            estimates.addAll(gaps(checked.accepted(), intervals, estimator,
                    powerOffs.getOrDefault(meter.getKey(), List.of())));
        }
        return new Result(exceptions, estimates, actual);
    }

    private static List<ActualInterval> actualIntervals(List<RawRead> accepted) {
        List<ActualInterval> intervals = new ArrayList<>();
        for (int i = 1; i < accepted.size(); i++) {
            RawRead opening = accepted.get(i - 1);
            RawRead closing = accepted.get(i);
            if (Duration.between(opening.at(), closing.at()).equals(GapEstimate.INTERVAL)) {
                intervals.add(new ActualInterval(opening.at(), closing.registerWh() - opening.registerWh()));
            }
        }
        return intervals;
    }

    private static List<GapEstimate> gaps(List<RawRead> accepted, List<ActualInterval> actual,
            GapEstimator estimator, List<PowerOff> meterPowerOffs) {
        List<GapEstimate> gaps = new ArrayList<>();
        for (int i = 1; i < accepted.size(); i++) {
            RawRead opening = accepted.get(i - 1);
            RawRead closing = accepted.get(i);
            if (Duration.between(opening.at(), closing.at()).compareTo(GapEstimate.INTERVAL) > 0) {
                gaps.add(estimator.estimate(opening, closing, actual, meterPowerOffs));
            }
        }
        return gaps;
    }
}
