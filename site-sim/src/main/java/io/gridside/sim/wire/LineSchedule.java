package io.gridside.sim.wire;

import java.math.BigInteger;

/**
 * When each byte of one direction is on the line: the arithmetic of a line rate, with no clock and no threads
 * of its own, so that it is exact on a virtual clock and free of drift on the real one.
 *
 * <p>Bytes go out back to back while there are any, and the line is idle otherwise. Each run of back-to-back
 * bytes (a busy period) is timed from its own start in whole bits, so rounding never accumulates: the k-th byte
 * of a period that starts at s has left the sender at s + ceil(k * bitsPerByte * 10^9 / bitsPerSecond) ns.
 * Without a rate limit every byte leaves as it arrives.
 */
final class LineSchedule {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Where a byte is in the schedule: its busy period's start and its 1-based number within that period. */
    record Position(long periodStart, long index) {
    }

    private final long bitsPerSecond;
    private final long bitNanos;
    private long periodStart;
    private long periodBytes;

    LineSchedule(long bitsPerSecond, int bitsPerByte) {
        this.bitsPerSecond = bitsPerSecond;
        this.bitNanos = bitsPerByte * NANOS_PER_SECOND;
    }

    /** Places {@code count} bytes that arrive at {@code now} behind every byte placed before; returns the first. */
    Position place(long now, long count) {
        if (periodBytes == 0 || now >= freeAt()) {
            periodStart = now;
            periodBytes = 0;
        }
        Position first = new Position(periodStart, periodBytes + 1);
        periodBytes += count;
        return first;
    }

    /** When the {@code index}-th byte of the period that started at {@code start} has left the sender. */
    long sentAt(long start, long index) {
        return bitsPerSecond == 0 ? start : start + mulDivCeil(index, bitNanos, bitsPerSecond);
    }

    /** How many bytes of the period that started at {@code start} have left the sender by {@code at}. */
    long sentBy(long start, long at) {
        if (at < start) {
            return 0;
        }
        return bitsPerSecond == 0 ? Long.MAX_VALUE : mulDivFloor(at - start, bitsPerSecond, bitNanos);
    }

    /** When the line has sent every byte placed so far. */
    long freeAt() {
        return sentAt(periodStart, periodBytes);
    }

    /** How many placed bytes are still waiting to leave at {@code now}. */
    long unsentAt(long now) {
        if (periodBytes == 0) {
            return 0;
        }
        return periodBytes - Math.min(periodBytes, sentBy(periodStart, now));
    }

    /** When at most {@code count} placed bytes will still be waiting to leave. */
    long whenUnsentAtMost(long count) {
        return count >= periodBytes ? Long.MIN_VALUE : sentAt(periodStart, periodBytes - count);
    }

    /** a * b / c rounded down, for non-negative a and b and positive c, exact beyond 64-bit products. */
    static long mulDivFloor(long a, long b, long c) {
        long product = a * b;
        if (Math.multiplyHigh(a, b) == 0 && product >= 0) {
            return product / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    /** a * b / c rounded up, for non-negative a and b and positive c, exact beyond 64-bit products. */
    static long mulDivCeil(long a, long b, long c) {
        long product = a * b;
        if (Math.multiplyHigh(a, b) == 0 && product >= 0) {
            return -Math.floorDiv(-product, c);
        }
        BigInteger[] quotient = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .divideAndRemainder(BigInteger.valueOf(c));
        return quotient[0].longValueExact() + (quotient[1].signum() == 0 ? 0 : 1);
    }
}
