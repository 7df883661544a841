package io.gridside.link.frame;

import java.nio.ByteBuffer;
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

    /**
     * The frame's wire bytes: COBS-encoded header, payload and checksum, then the delimiter.
     *
     * <p>KNOWN SHORTCOMING: the payload is copied three times on its way (into the raw frame, by COBS, and into the
     * wire array), and COBS runs on TCP too, where the stream needs no stuffing; on loopback that, with the
     * decoding side's copies, is most of what a firmware upload costs beyond hashing (bench/README.md, firmware).
     */
    public static byte[] encode(Frame frame) {
        int length = Frame.HEADER_LENGTH + frame.payload().length + Frame.TRAILER_LENGTH;
        ByteBuffer raw = ByteBuffer.allocate(length);
        raw.put((byte) Frame.VERSION)
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
                .put(frame.payload());
        raw.putInt((int) crc(raw.array(), length - Frame.TRAILER_LENGTH));
        byte[] encoded = Cobs.encode(raw.array(), 0, length);
        byte[] wire = new byte[encoded.length + 1];
        System.arraycopy(encoded, 0, wire, 0, encoded.length);
        wire[encoded.length] = DELIMITER;
        return wire;
    }

    /**
     * Decodes the bytes between two delimiters.
     *
     * @throws FrameException naming the rule the bytes broke
     */
    public static Frame decode(byte[] encoded, int offset, int length) {
        if (length > MAX_ENCODED_LENGTH) {
            throw new FrameException(FrameException.Rule.TOO_LONG, "longer than the largest allowed frame");
        }
        byte[] raw = Cobs.decode(encoded, offset, length);
        if (raw.length < Frame.HEADER_LENGTH + Frame.TRAILER_LENGTH) {
            throw new FrameException(FrameException.Rule.TOO_SHORT,
                    "only " + raw.length + " bytes, shorter than a header and checksum");
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        int checksumAt = raw.length - Frame.TRAILER_LENGTH;
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
