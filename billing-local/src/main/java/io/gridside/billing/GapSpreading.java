package io.gridside.billing;

import io.gridside.billing.vee.ActualInterval;
import io.gridside.billing.vee.CustomerProfile;
import io.gridside.billing.vee.GapEstimator;
import io.gridside.site.Reading;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a reading that closes a gap in a meter's readings into VEE's estimate of the gap: the reading's energy is
 * the register's exact rise since the last reading billed, and VEE's {@link GapEstimator} spreads it over every
 * quarter hour from that reading's end to this one's, evenly for a short gap and by the customer's own profile
 * for a long one, so that each quarter hour can be rated at its own time-of-use price and block.
 *
 * <p>The profile is built from the meter's readings in the {@linkplain CustomerProfile#LOOKBACK weeks} before the
 * gap, a reading counting as an actual quarter hour when the reading before it ended where it starts: a reading
 * that closed an earlier gap carries more than its own quarter hour and is left out.
 *
 * <p>Shortcoming: the times a meter was without supply are not passed to VEE here (the engine does not read the
 * event log), so a gap over a power cut is spread over the cut's quarter hours too. The total is exact; only the
 * time-of-use split can be off.
 */
public final class GapSpreading {

    private final GapEstimator estimator;

    /** Spreads gaps by profiles in the site's time zone {@code zone}. */
    public GapSpreading(ZoneId zone) {
        this.estimator = new GapEstimator(zone);
    }

    /**
     * The estimate of the gap that {@code closing} ends, when the meter's last reading billed before it ended more
     * than a quarter hour before the closing interval's end, and no earlier than {@code notBefore}; empty when the
     * reading follows on from the one before, or the history knows none before it.
     *
     * @param notBefore the earliest a gap may start: a gap reaching back before the account opened is not the
     *     account's to spread
     */
    public Optional<GapEstimate> gapClosedBy(Reading closing, Instant notBefore, ReadingHistory history) {
        Optional<Instant> lastEnd = history.lastReadingEnd(closing.meterId(), closing.intervalStart());
        if (lastEnd.isEmpty() || !lastEnd.get().isBefore(closing.intervalStart())
                || lastEnd.get().isBefore(notBefore)) {
            return Optional.empty();
        }
        Instant gapStart = lastEnd.get();
        long openingRegister = Math.subtractExact(closing.registerWh(), closing.energyWh());
        RawRead opening = new RawRead(closing.meterId(), gapStart, openingRegister);
        RawRead closingRead = new RawRead(closing.meterId(), closing.intervalEnd(), closing.registerWh());
        List<Reading> before = history.readings(closing.meterId(),
                gapStart.minus(CustomerProfile.LOOKBACK).minus(Reading.INTERVAL), gapStart);
        return Optional.of(estimator.estimate(opening, closingRead, actualIntervals(before)));
    }

    /**
     * The readings of one meter, in time order, that measured their own quarter hour alone: each whose reading
     * before it in the list ended where it starts. The first has no reading before it and is left out.
     */
    public static List<ActualInterval> actualIntervals(List<Reading> meterReadings) {
        List<ActualInterval> actual = new ArrayList<>();
        for (int i = 1; i < meterReadings.size(); i++) {
            Reading reading = meterReadings.get(i);
            if (meterReadings.get(i - 1).intervalEnd().equals(reading.intervalStart())) {
                actual.add(new ActualInterval(reading.intervalStart(), reading.energyWh()));
            }
        }
        return actual;
    }

    /**
     * The quarter hours of an estimate as readings, their registers running up from the register before the gap
     * to the closing one: what the engine rates in place of the closing reading.
     */
    public static List<Reading> readingsOf(GapEstimate gap) {
        List<Reading> readings = new ArrayList<>(gap.intervals());
        long register = gap.openingRegisterWh();
        for (int i = 0; i < gap.intervals(); i++) {
            long energy = gap.energiesWh().get(i);
            register = Math.addExact(register, energy);
            readings.add(new Reading(gap.meterId(), gap.gapStart().plus(Reading.INTERVAL.multipliedBy(i)), energy,
                    register));
        }
        return readings;
    }
}
