package io.gridside.site.vee;

import io.gridside.site.Reading;
import java.time.Instant;
import java.util.Objects;

/**
 * One cumulative energy register read of a meter, as the meter timed it: the fact that VEE starts from.
 *
 * @param at when the meter read its register, by the meter's own clock, UTC, whole seconds
 * @param registerWh the register, in whole watt-hours
 */
public record RawRead(String meterId, Instant at, long registerWh) {

    public RawRead {
        VeeChecks.meterId(meterId);
        Objects.requireNonNull(at, "at");
        if (at.getNano() != 0) {
            throw new IllegalArgumentException("at must be a whole second, was " + at);
        }
        if (registerWh < 0) {
            throw new IllegalArgumentException("registerWh must not be negative, was " + registerWh);
        }
    }

    /** The register a reading carries, read at its interval's end: what a pulled reading tells of the register. */
    public static RawRead endOf(Reading reading) {
        return new RawRead(reading.meterId(), reading.intervalEnd(), reading.registerWh());
    }
}
