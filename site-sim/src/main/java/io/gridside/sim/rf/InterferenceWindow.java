package io.gridside.sim.rf;

import java.time.Instant;
import java.util.Objects;

/**
 * A time when something near a cluster (a microwave oven, a vacuum cleaner, a faulty inverter) raises the noise
 * floor of every radio within a radius of it.
 *
 * @param extraDb how far the floor rises at the radios inside the radius
 * @param from when it starts, inclusive
 * @param to when it stops, exclusive
 */
public record InterferenceWindow(GeoPoint centre, double radiusMetres, double extraDb, Instant from, Instant to) {

    public InterferenceWindow {
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!(radiusMetres > 0) || !(extraDb > 0) || extraDb > 80) {
            throw new IllegalArgumentException("An interference window needs a positive radius and a rise of the "
                    + "noise floor between 0 and 80 dB, not " + radiusMetres + " m and " + extraDb + " dB.");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("An interference window must end after it starts: " + from + " to "
                    + to + ".");
        }
    }

    boolean activeAt(long epochSecond) {
        return from.getEpochSecond() <= epochSecond && epochSecond < to.getEpochSecond();
    }
}
