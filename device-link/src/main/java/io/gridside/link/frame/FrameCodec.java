package io.gridside.link.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/** Turns frames into delimited wire bytes and back, enforcing every framing rule on the way in. */
public final class FrameCodec {

    /** The byte that ends every frame on the wire. */
    public static final byte DELIMITER = 0;
    /** The longest encoded frame a receiver accepts before it gives up on it, delimiter excluded. */
    public static final int MAX_ENCODED_LENGTH =
            Cobs.maxEncodedLength(Frame.HEADER_LENGTH + Frame.MAX_PAYLOAD + Frame.TRAILER_LENGTH);
    /** The longest frame in the plain form a stream carries once it switched (protocol section 6.37). */
    public static final int MAX_PLAIN_LENGTH = Frame.HEADER_LENGTH + Frame.MAX_PAYLOAD + Frame.TRAILER_LENGTH;
    /** Where a frame's header holds the payload's length, a u16. */
    private static final int PAYLOAD_LENGTH_AT = 20;

    private FrameCodec() {
    }

    /** The frame's wire bytes: COBS-encoded header, payload and checksum, then the delimiter. */
    public static byte[] encode(Frame frame) {
        byte[] wire = new byte[Cobs.maxEncodedLength(Frame.HEADER_LENGTH + frame.body().length()
                + Frame.TRAILER_LENGTH) + 1];
        return Arrays.copyOf(wire, encodeInto(frame, wire, 0));
    }

    /**
     * Encodes the frame's wire bytes into {@code out} from {@code offset}, which must have room for
     * {@link #MAX_ENCODED_LENGTH} and the delimiter; returns where they end. The payload is read once, by the
     * checksum, and copied once, by COBS; a slice of a message is first joined into an array of its own, a copy that
     * costs nothing beside a serial line's time for the same bytes.
     *
     * <p>Serial lines and peers that do not offer the plain form keep COBS; a TCP stream whose peer offers it
     * switches to {@link #encodePlainInto} (protocol section 6.37).
     */
    public static int encodeInto(Frame frame, byte[] out, int offset) {
        byte[] header = header(frame);
        byte[] payload = frame.payload();
        CRC32C crc = new CRC32C();
        crc.update(header);
        crc.update(payload);
        byte[] trailer = ByteBuffer.allocate(Frame.TRAILER_LENGTH).putInt((int) crc.getValue()).array();
        int end = Cobs.encodeInto(out, offset, header, payload, trailer);
        out[end] = DELIMITER;
        return end + 1;
    }

    /**
     * Encodes the frame as a stream that needs no resynchronising carries it (protocol section 6.37): header,
     * payload and checksum as they are, without COBS and without a delimiter, since the header's length field
     * says where the frame ends. {@code out} must have room for {@link #MAX_PLAIN_LENGTH} from {@code offset};
     * returns where the frame ends. The payload, a slice of its message, is copied once, straight into {@code out}.
     */
    public static int encodePlainInto(Frame frame, byte[] out, int offset) {
        byte[] header = header(frame);
        Payload payload = frame.body();
        System.arraycopy(header, 0, out, offset, header.length);
        payload.copyTo(out, offset + header.length);
        int checksumAt = offset + header.length + payload.length();
        CRC32C crc = new CRC32C();
        crc.update(out, offset, checksumAt - offset);
        ByteBuffer.wrap(out).putInt(checksumAt, (int) crc.getValue());
        return checksumAt + Frame.TRAILER_LENGTH;
    }

    /**
     * Decodes one frame of the plain form {@link #encodePlainInto} writes, {@code length} bytes from
     * {@code offset}, checked as a COBS frame is once unstuffed.
     *
     * @throws FrameException naming the rule the bytes broke
     */
    public static Frame decodePlain(byte[] plain, int offset, int length) {
        if (length > MAX_PLAIN_LENGTH) {
            throw new FrameException(FrameException.Rule.TOO_LONG, "longer than the largest allowed frame");
        }
        return decodeRaw(plain, offset, length);
    }

    /** The payload length a plain frame's header states, from its first {@link Frame#HEADER_LENGTH} bytes. */
    public static int plainPayloadLength(byte[] header, int offset) {
        return (header[offset + PAYLOAD_LENGTH_AT] & 0xFF) << 8 | header[offset + PAYLOAD_LENGTH_AT + 1] & 0xFF;
    }

    private static byte[] header(Frame frame) {
        return ByteBuffer.allocate(Frame.HEADER_LENGTH)
                .put((byte) Frame.VERSION)
                .put((byte) frame.type())
                .put((byte) frame.flags())
                .put((byte) frame.channel())
                .putShort((short) frame.epoch())
                .putShort((short) frame.seq())
                .putShort((short) frame.ack())
                .putShort((short) frame.window())
                .putInt((int) frame.sack())
                .putInt((int) frame.requestId())
                .putShort((short) frame.body().length())
                .array();
    }

    /**
     * Decodes the bytes between two delimiters.
     *
     * @throws FrameException naming the rule the bytes broke
     */
    public static Frame decode(byte[] encoded, int offset, int length) {
        return decode(encoded, offset, length, null);
    }

    /**
     * Decodes the bytes a reader found between two delimiters, so holding no zero, into {@code scratch} (room for
     * {@link #MAX_ENCODED_LENGTH} bytes) rather than into arrays of its own: only the payload is copied out.
     *
     * @throws FrameException naming the rule the bytes broke
     */
    static Frame decodeDelimited(byte[] encoded, int offset, int length, byte[] scratch) {
        return decode(encoded, offset, length, scratch);
    }

    private static Frame decode(byte[] encoded, int offset, int length, byte[] scratch) {
        if (length > MAX_ENCODED_LENGTH) {
            throw new FrameException(FrameException.Rule.TOO_LONG, "longer than the largest allowed frame");
        }
        byte[] raw = scratch != null ? scratch : new byte[length];
        int rawLength = Cobs.decodeInto(encoded, offset, length, raw, scratch != null);
        return decodeRaw(raw, 0, rawLength);
    }

    /** Checks and reads a frame's header, payload and checksum, as they are before COBS. */
    private static Frame decodeRaw(byte[] bytes, int offset, int rawLength) {
        if (rawLength < Frame.HEADER_LENGTH + Frame.TRAILER_LENGTH) {
            throw new FrameException(FrameException.Rule.TOO_SHORT,
                    "only " + rawLength + " bytes, shorter than a header and checksum");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, rawLength).slice();
        int checksumAt = rawLength - Frame.TRAILER_LENGTH;
        if (buffer.getInt(checksumAt) != (int) crc(bytes, offset, checksumAt)) {
            throw new FrameException(FrameException.Rule.CHECKSUM, "its CRC-32C does not match its contents");
        }
        int version = buffer.get() & 0xFF;
        if (version != Frame.VERSION) {
            throw FrameException.foreignVersion(version);
        }
        return readFields(buffer, checksumAt);
    }

    private static Frame readFields(ByteBuffer buffer, int checksumAt) {
        int type = buffer.get() & 0xFF;
        int flags = buffer.get() & 0xFF;
        int channel = buffer.get() & 0xFF;
        if (flags > 0x07 || channel >= Frame.CHANNELS) {
            throw new FrameException(FrameException.Rule.HEADER,
                    "its flags (" + flags + ") or channel (" + channel + ") are outside the protocol");
        }
        int epoch = buffer.getShort() & 0xFFFF;
        int seq = buffer.getShort() & 0xFFFF;
        int ack = buffer.getShort() & 0xFFFF;
        int window = buffer.getShort() & 0xFFFF;
        long sack = buffer.getInt() & 0xFFFF_FFFFL;
        long requestId = buffer.getInt() & 0xFFFF_FFFFL;
        int payloadLength = buffer.getShort() & 0xFFFF;
        if (payloadLength != checksumAt - Frame.HEADER_LENGTH || payloadLength > Frame.MAX_PAYLOAD) {
            throw new FrameException(FrameException.Rule.LENGTH, "its length field says " + payloadLength
                    + " payload bytes but it carries " + (checksumAt - Frame.HEADER_LENGTH));
        }
        byte[] payload = new byte[payloadLength];
        buffer.get(payload);
        return new Frame(type, flags, channel, epoch, seq, ack, window, sack, requestId, payload);
    }

    private static long crc(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return crc.getValue();
    }
}
