package io.gridside.link.frame;

import java.util.Arrays;
import java.util.Objects;

/**
 * One link frame, as it is before COBS encoding:
 *
 * <pre>
 *  0         1         2              4              6                     10             12         12+n
 *  +---------+---------+--------------+--------------+---------------------+--------------+----------+--------+
 *  | version |  type   |     seq      |     ack      |      requestId      |   length n   | payload  | crc32c |
 *  |   u8    |   u8    |  u16 (BE)    |  u16 (BE)    |      u32 (BE)       |   u16 (BE)   | n bytes  |  u32   |
 *  +---------+---------+--------------+--------------+---------------------+--------------+----------+--------+
 * </pre>
 *
 * <p>The CRC-32C covers every byte before it. The encoded frame is followed by one 0x00 delimiter.
 *
 * @param type the message's wire code from the catalogue
 * @param seq the sender's frame counter, wrapping at 2^16
 * @param ack the last seq the sender received from its peer
 * @param requestId the request this frame opens or answers; 0 for frames outside any request
 * @param payload the message, CBOR-encoded
 */
public record Frame(int type, int seq, int ack, long requestId, byte[] payload) {

    /** The protocol version this build speaks. */
    public static final int VERSION = 1;
    /** Bytes before the payload. */
    public static final int HEADER_LENGTH = 12;
    /** Bytes of checksum after the payload. */
    public static final int TRAILER_LENGTH = 4;
    /** The largest payload a frame may carry. */
    public static final int MAX_PAYLOAD = 16 * 1024;

    public Frame {
        check(type, 0xFF, "type");
        check(seq, 0xFFFF, "seq");
        check(ack, 0xFFFF, "ack");
        if (requestId < 0 || requestId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("requestId must fit in 32 bits, was " + requestId);
        }
        Objects.requireNonNull(payload, "payload");
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException(
                    "payload must be at most " + MAX_PAYLOAD + " bytes, was " + payload.length);
        }
    }

    private static void check(int value, int max, String field) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be between 0 and " + max + ", was " + value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame f && f.type == type && f.seq == seq && f.ack == ack
                && f.requestId == requestId && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, seq, ack, requestId, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return String.format("Frame[type=0x%02x, seq=%d, ack=%d, requestId=%d, %d payload bytes]",
                type, seq, ack, requestId, payload.length);
    }
}
