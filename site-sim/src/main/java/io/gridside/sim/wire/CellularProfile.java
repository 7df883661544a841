package io.gridside.sim.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * What an emulated cellular link does to a TCP byte stream, each direction at its own rate: a one-way delay, and
 * segments lost as TCP loses them, each lost segment sent again after a retransmission timeout.
 *
 * @param upBitsPerSecond the rate from the console towards the cloud, in bits per second; 0 for no limit
 * @param downBitsPerSecond the rate from the cloud towards the console, in bits per second; 0 for no limit
 * @param delay how long after it has left the sender a byte reaches the receiver, each way
 * @param segmentLoss the chance that a segment is lost on one attempt, each attempt on its own
 * @param segmentBytes the largest segment: the stream is cut into segments of this size at fixed offsets
 * @param retransmissionTimeout how long a sender waits before it sends a lost segment again; the line carries
 *     nothing of that direction meanwhile, as a sender whose window waits on the lost segment sends nothing
 * @param seed the seed every loss is drawn from
 */
public record CellularProfile(long upBitsPerSecond, long downBitsPerSecond, Duration delay, double segmentLoss,
        int segmentBytes, Duration retransmissionTimeout, long seed) {

    /** A TCP segment's payload on a path with a 1500-byte MTU, less IP and TCP headers with options. */
    public static final int DEFAULT_SEGMENT_BYTES = 1_400;

    public CellularProfile {
        if (upBitsPerSecond < 0 || downBitsPerSecond < 0) {
            throw new IllegalArgumentException("rates must not be negative, were " + upBitsPerSecond + " and "
                    + downBitsPerSecond);
        }
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(retransmissionTimeout, "retransmissionTimeout");
        if (delay.isNegative() || retransmissionTimeout.isNegative()) {
            throw new IllegalArgumentException("delay and retransmissionTimeout must not be negative");
        }
        if (!(segmentLoss >= 0 && segmentLoss < 1)) {
            throw new IllegalArgumentException("segmentLoss must be at least 0 and below 1, was " + segmentLoss);
        }
        if (segmentBytes < 1) {
            throw new IllegalArgumentException("segmentBytes must be positive, was " + segmentBytes);
        }
    }

    /**
     * A rural cellular data link: 256 kbit/s up, 1 Mbit/s down, 150 ms each way, 1% of segments lost, each lost one
     * sent again after 500 ms (the 300 ms round trip and the 200 ms least timeout of common TCP stacks).
     */
    public static CellularProfile rural(long seed) {
        return new CellularProfile(256_000, 1_000_000, Duration.ofMillis(150), 0.01, DEFAULT_SEGMENT_BYTES,
                Duration.ofMillis(500), seed);
    }

    /** A link with no rate limit, delay or loss: it only counts. */
    public static CellularProfile unlimited() {
        return new CellularProfile(0, 0, Duration.ZERO, 0, DEFAULT_SEGMENT_BYTES, Duration.ZERO, 0);
    }

    /** The rate of {@code direction}, in bits per second; 0 for no limit. */
    public long bitsPerSecond(Way direction) {
        return direction == Way.UP ? upBitsPerSecond : downBitsPerSecond;
    }

    /** The rate of {@code direction} in bytes per second; infinite without a limit. */
    public double bytesPerSecond(Way direction) {
        long bits = bitsPerSecond(direction);
        return bits == 0 ? Double.POSITIVE_INFINITY : bits / 8.0;
    }

    public CellularProfile withSegmentLoss(double value) {
        return new CellularProfile(upBitsPerSecond, downBitsPerSecond, delay, value, segmentBytes,
                retransmissionTimeout, seed);
    }

    public CellularProfile withDelay(Duration value) {
        return new CellularProfile(upBitsPerSecond, downBitsPerSecond, value, segmentLoss, segmentBytes,
                retransmissionTimeout, seed);
    }

    public CellularProfile withSeed(long value) {
        return new CellularProfile(upBitsPerSecond, downBitsPerSecond, delay, segmentLoss, segmentBytes,
                retransmissionTimeout, value);
    }

    /** Which way bytes cross a cellular link. */
    public enum Way {
        /** From the console (the client) to the cloud (the server). */
        UP,
        /** From the cloud to the console. */
        DOWN
    }
}
