package io.gridside.site;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One 15-minute interval reading of a meter: its energy, and what the meter measured of the supply and the load
 * during the interval when it measured that.
 *
 * <p>A reading without {@link Quality} is one whose meter did not report it: an older gateway, or a reading stored
 * before the quality was kept. Nothing stands in for a missing measurement; whoever shows or uses the quality must
 * say that it is unknown.
 *
 * @param intervalStart the start of the interval, on the quarter hour, UTC
 * @param energyWh energy consumed during the interval
 * @param registerWh the cumulative energy register at the end of the interval
 * @param quality the interval's voltage and peak power, or null when the meter did not report them
 */
public record Reading(String meterId, Instant intervalStart, long energyWh, long registerWh, Quality quality) {

    /** The length of every interval. */
    public static final Duration INTERVAL = Duration.ofMinutes(15);

    private static final long INTERVALS_PER_HOUR = Duration.ofHours(1).dividedBy(INTERVAL);

    public Reading {
        Validate.id("meterId", meterId);
        Objects.requireNonNull(intervalStart, "intervalStart");
        if (intervalStart.getEpochSecond() % INTERVAL.toSeconds() != 0 || intervalStart.getNano() != 0) {
            throw new IllegalArgumentException("intervalStart must fall on a quarter hour, was " + intervalStart);
        }
        if (energyWh < 0 || registerWh < energyWh) {
            throw new IllegalArgumentException(
                    "energyWh must be between 0 and registerWh, was " + energyWh + " of " + registerWh);
        }
        if (quality != null && quality.peakWatts() < INTERVALS_PER_HOUR * (energyWh - 1)) {
            // The register counts whole watt-hours, so the interval's energy may read up to 1 Wh above what flowed.
            throw new IllegalArgumentException("peakWatts must be at least the interval's mean power less the "
                    + "register's 1 Wh, " + INTERVALS_PER_HOUR * (energyWh - 1) + " W, was " + quality.peakWatts());
        }
    }

    /** A reading whose meter reported its energy alone. */
    public Reading(String meterId, Instant intervalStart, long energyWh, long registerWh) {
        this(meterId, intervalStart, energyWh, registerWh, null);
    }

    /** The start of the interval that holds {@code at}. */
    public static Instant intervalStartOf(Instant at) {
        long seconds = INTERVAL.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    /** The end of the interval, when the reading was taken. */
    public Instant intervalEnd() {
        return intervalStart.plus(INTERVAL);
    }

    /** The same reading with {@code quality} in place of its own. */
    public Reading withQuality(Quality quality) {
        return new Reading(meterId, intervalStart, energyWh, registerWh, quality);
    }

    /**
     * What a meter measured of one interval besides its energy: the voltage at its terminals, which shows
     * brown-outs, and the highest power it drew, which shows overloads and motor starts. Voltage is in decivolts
     * (230.0 V is 2300) so that the record holds integers only.
     *
     * @param minDecivolts the lowest RMS voltage of the interval; 0 when the supply was lost during it
     * @param averageDecivolts the interval's average RMS voltage
     * @param maxDecivolts the highest RMS voltage of the interval
     * @param peakWatts the highest power drawn over the meter's measuring window (a second or so)
     */
    public record Quality(int minDecivolts, int averageDecivolts, int maxDecivolts, int peakWatts) {

        /** Far above any low-voltage supply a prepaid meter is built for: a reading above it is corrupt. */
        public static final int MAX_DECIVOLTS = 5_000;

        public Quality {
            if (minDecivolts < 0 || minDecivolts > averageDecivolts || averageDecivolts > maxDecivolts
                    || maxDecivolts > MAX_DECIVOLTS) {
                throw new IllegalArgumentException("voltages must satisfy 0 <= minDecivolts <= averageDecivolts "
                        + "<= maxDecivolts <= " + MAX_DECIVOLTS + ", were " + minDecivolts + ", " + averageDecivolts
                        + ", " + maxDecivolts);
            }
            if (peakWatts < 0) {
                throw new IllegalArgumentException("peakWatts must not be negative, was " + peakWatts);
            }
        }

        /** The average voltage in volts, for display. */
        public double averageVolts() {
            return averageDecivolts / 10.0;
        }

        /** The lowest voltage in volts, for display. */
        public double minVolts() {
            return minDecivolts / 10.0;
        }

        /** The highest voltage in volts, for display. */
        public double maxVolts() {
            return maxDecivolts / 10.0;
        }
    }
}
