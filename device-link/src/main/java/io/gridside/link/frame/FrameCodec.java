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

    private FrameCodec() {
    }

    /** The frame's wire bytes: COBS-encoded header, payload and checksum, then the delimiter. */
    public static byte[] encode(Frame frame) {
        byte[] wire = new byte[Cobs.maxEncodedLength(Frame.HEADER_LENGTH + frame.payload().length
                + Frame.TRAILER_LENGTH) + 1];
        return Arrays.copyOf(wire, encodeInto(frame, wire, 0));
    }

    /**
     * Encodes the frame's wire bytes into {@code out} from {@code offset}, which must have room for
     * {@link #MAX_ENCODED_LENGTH} and the delimiter; returns where they end. The payload is read once, by the
     * checksum, and copied once, by COBS.
     *
     * <p>KNOWN SHORTCOMING: COBS runs on TCP too, where the stream needs no stuffing; it costs a scan of every byte
     * on each side, kept so that every transport carries the same frames (bench/README.md, firmware).
     */
    public static int encodeInto(Frame frame, byte[] out, int offset) {
        byte[] header = ByteBuffer.allocate(Frame.HEADER_LENGTH)
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
                .putShort((short) frame.payload().length)
                .array();
        CRC32C crc = new CRC32C();
        crc.update(header);
        crc.update(frame.payload());
        byte[] trailer = ByteBuffer.allocate(Frame.TRAILER_LENGTH).putInt((int) crc.getValue()).array();
        int end = Cobs.encodeInto(out, offset, header, frame.payload(), trailer);
        out[end] = DELIMITER;
        return end + 1;
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
        if (rawLength < Frame.HEADER_LENGTH + Frame.TRAILER_LENGTH) {
            throw new FrameException(FrameException.Rule.TOO_SHORT,
                    "only " + rawLength + " bytes, shorter than a header and checksum");
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw, 0, rawLength);
        int checksumAt = rawLength - Frame.TRAILER_LENGTH;
        if (buffer.getInt(checksumAt) != (int) crc(raw, checksumAt)) {
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

    private static long crc(byte[] data, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, length);
        return crc.getValue();
    }
}
