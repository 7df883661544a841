package io.gridside.link.session;

import java.time.Duration;

/**
 * The retransmission timeout from measured round trips, in the manner of TCP (RFC 6298): a smoothed round trip
 * plus four times its variation, kept between a floor and a ceiling. Only frames sent once are measured, so a
 * retransmission's ambiguous timing never skews it, and a timeout backs the timer off until the next
 * measurement (Karn's algorithm). Not thread-safe; the link guards it.
 */
final class RttEstimator {

    private final long minNanos;
    private final long maxNanos;
    private long smoothedNanos = -1;
    private long variationNanos;
    private long timeoutNanos;

    RttEstimator(Duration initial, Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.timeoutNanos = clamp(initial.toNanos());
    }

    void sample(long roundTripNanos) {
        if (smoothedNanos < 0) {
            smoothedNanos = roundTripNanos;
            variationNanos = roundTripNanos / 2;
        } else {
            variationNanos = (3 * variationNanos + Math.abs(smoothedNanos - roundTripNanos)) / 4;
            smoothedNanos = (7 * smoothedNanos + roundTripNanos) / 8;
        }
        timeoutNanos = clamp(smoothedNanos + 4 * variationNanos);
    }

    /**
     * Doubles the timeout, up to the ceiling, after the oldest frame in flight timed out (RFC 6298, 5.5). The
     * doubled timeout stays for every frame sent after it until a frame sent once is measured: a round trip that
     * grew past the timeout would otherwise have every frame resent, and Karn's rule would then leave no frame
     * to measure it by.
     */
    void backOff() {
        timeoutNanos = clamp(2 * timeoutNanos);
    }

    /** The timeout for a frame's {@code transmission}-th sending: doubled at each retry, up to the ceiling. */
    long timeoutNanos(int transmission) {
        long timeout = timeoutNanos;
        for (int i = 1; i < transmission && timeout < maxNanos; i++) {
            timeout *= 2;
        }
        return clamp(timeout);
    }

    /** The smoothed round trip, or -1 before the first measurement. */
    long smoothedNanos() {
        return smoothedNanos;
    }

    private long clamp(long nanos) {
        return Math.max(minNanos, Math.min(maxNanos, nanos));
    }
}
