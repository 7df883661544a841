package io.gridside.site.vee;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The estimated spread of one gap in a meter's reads: the register delta between the reads on either side is the
 * exact energy of the gap, and only its split over the gap's 15-minute intervals is estimated.
 *
 * @param gapStart the start of the gap's first interval: the time of the read before the gap, on the quarter hour
 * @param openingRegisterWh the register read before the gap
 * @param closingRegisterWh the register read after the gap
 * @param method how the energy was spread
 * @param status whether a technician accepted or overrode it
 * @param energiesWh the energy of each interval of the gap, in time order
 */
public record GapEstimate(String meterId, Instant gapStart, long openingRegisterWh, long closingRegisterWh,
        EstimateMethod method, EstimateStatus status, List<Long> energiesWh) {

    /** The length of every interval, as {@code Reading.INTERVAL}. */
    public static final Duration INTERVAL = Duration.ofMinutes(15);

    public GapEstimate {
        VeeChecks.meterId(meterId);
        Objects.requireNonNull(gapStart, "gapStart");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        energiesWh = List.copyOf(energiesWh);
        if (closingRegisterWh < openingRegisterWh) {
            throw new IllegalArgumentException("closingRegisterWh must not be below openingRegisterWh, was "
                    + closingRegisterWh + " after " + openingRegisterWh);
        }
        if (energiesWh.size() < 2) {
            throw new IllegalArgumentException("a gap spans at least 2 intervals, this one " + energiesWh.size());
        }
        if (energiesWh.stream().anyMatch(e -> e < 0)) {
            throw new IllegalArgumentException("energiesWh must not be negative, were " + energiesWh);
        }
        if (status != EstimateStatus.OVERRIDDEN && total(energiesWh) != closingRegisterWh - openingRegisterWh) {
            throw new IllegalArgumentException("energiesWh must sum to the register delta "
                    + (closingRegisterWh - openingRegisterWh) + " Wh, summed " + total(energiesWh));
        }
    }

    /** The exact energy of the gap: the register delta. */
    public long deltaWh() {
        return closingRegisterWh - openingRegisterWh;
    }

    public int intervals() {
        return energiesWh.size();
    }

    /** The end of the gap's last interval: the time of the read after the gap. */
    public Instant gapEnd() {
        return gapStart.plus(INTERVAL.multipliedBy(energiesWh.size()));
    }

    /** The same gap with other values, method and status, as an edit leaves it. */
    public GapEstimate edited(EstimateMethod newMethod, EstimateStatus newStatus, List<Long> newEnergiesWh) {
        return new GapEstimate(meterId, gapStart, openingRegisterWh, closingRegisterWh, newMethod, newStatus,
                newEnergiesWh);
    }

    public static long total(List<Long> energiesWh) {
        long sum = 0;
        for (long e : energiesWh) {
            sum = Math.addExact(sum, e);
        }
        return sum;
    }
}
