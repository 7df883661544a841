package io.gridside.sim.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * What one direction of an emulated wire does to the bytes sent along it.
 *
 * @param bitsPerSecond the line rate in bits per second, start and stop bits included; 0 for no limit
 * @param bitsPerByte the bits a byte takes on the line: 10 for 8N1 (a start bit, 8 data bits, a stop bit)
 * @param latency how long after it has left the sender a byte reaches the receiver
 * @param corruption the chance that a byte is replaced by a random different one, each byte on its own
 * @param frameLoss the chance that a frame (the bytes up to and including a 0x00 delimiter) is lost whole
 * @param cutAfterBytes the wire is cut once this many bytes have crossed it this way; {@link Long#MAX_VALUE}
 *     for never
 * @param bufferBytes how many bytes the sender may hand over before they are on the line; a writer that
 *     finds the buffer full waits, as it would for a UART's transmit buffer
 */
public record LineProfile(long bitsPerSecond, int bitsPerByte, Duration latency, double corruption,
        double frameLoss, long cutAfterBytes, int bufferBytes) {

    /** A start bit, eight data bits, no parity, one stop bit. */
    public static final int BITS_8N1 = 10;
    /** A UART driver's usual transmit buffer. */
    public static final int DEFAULT_BUFFER_BYTES = 4096;
    /** A line without a rate limit, delay or faults. */
    public static final LineProfile UNLIMITED =
            new LineProfile(0, BITS_8N1, Duration.ZERO, 0, 0, Long.MAX_VALUE, DEFAULT_BUFFER_BYTES);

    public LineProfile {
        if (bitsPerSecond < 0) {
            throw new IllegalArgumentException("bitsPerSecond must not be negative, was " + bitsPerSecond);
        }
        if (bitsPerByte < 8) {
            throw new IllegalArgumentException("bitsPerByte must be at least 8, was " + bitsPerByte);
        }
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        checkChance(corruption, "corruption");
        checkChance(frameLoss, "frameLoss");
        if (cutAfterBytes < 1) {
            throw new IllegalArgumentException("cutAfterBytes must be positive, was " + cutAfterBytes);
        }
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("bufferBytes must be positive, was " + bufferBytes);
        }
    }

    private static void checkChance(double chance, String name) {
        if (!(chance >= 0 && chance <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + chance);
        }
    }

    /** A clean UART line at {@code baud}, 8N1. */
    public static LineProfile uart(long baud) {
        return UNLIMITED.withBitsPerSecond(baud);
    }

    /** The line rate in payload bytes per second; infinite without a limit. */
    public double bytesPerSecond() {
        return bitsPerSecond == 0 ? Double.POSITIVE_INFINITY : (double) bitsPerSecond / bitsPerByte;
    }

    public LineProfile withBitsPerSecond(long value) {
        return new LineProfile(value, bitsPerByte, latency, corruption, frameLoss, cutAfterBytes, bufferBytes);
    }

    public LineProfile withLatency(Duration value) {
        return new LineProfile(bitsPerSecond, bitsPerByte, value, corruption, frameLoss, cutAfterBytes, bufferBytes);
    }

    public LineProfile withCorruption(double value) {
        return new LineProfile(bitsPerSecond, bitsPerByte, latency, value, frameLoss, cutAfterBytes, bufferBytes);
    }

    public LineProfile withFrameLoss(double value) {
        return new LineProfile(bitsPerSecond, bitsPerByte, latency, corruption, value, cutAfterBytes, bufferBytes);
    }

    public LineProfile withCutAfterBytes(long value) {
        return new LineProfile(bitsPerSecond, bitsPerByte, latency, corruption, frameLoss, value, bufferBytes);
    }

    public LineProfile withBufferBytes(int value) {
        return new LineProfile(bitsPerSecond, bitsPerByte, latency, corruption, frameLoss, cutAfterBytes, value);
    }
}
