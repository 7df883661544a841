package io.gridside.site;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One 15-minute interval reading of a meter.
 *
 * @param intervalStart the start of the interval, on the quarter hour, UTC
 * @param energyWh energy consumed during the interval
 * @param registerWh the cumulative energy register at the end of the interval
 */
public record Reading(String meterId, Instant intervalStart, long energyWh, long registerWh) {

    /** The length of every interval. */
    public static final Duration INTERVAL = Duration.ofMinutes(15);

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
}
