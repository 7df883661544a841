package io.gridside.site.outage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long one meter was out in an outage.
 *
 * @param meterId the meter
 * @param from when it lost power or comms
 * @param to when it had them back, or the window's end when it was still out then
 * @param supplyLost whether its customer lost supply (power), not only its messages (comms)
 * @param restored whether it was back before the window ended
 */
public record MeterSpan(String meterId, Instant from, Instant to, boolean supplyLost, boolean restored) {

    public MeterSpan {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a span must not end before it starts: " + from + " to " + to);
        }
    }

    public Duration duration() {
        return Duration.between(from, to);
    }
}
