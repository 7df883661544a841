package io.gridside.link.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Builds frames byte by byte, independently of {@link FrameCodec}, so tests can write frames that break one
 * rule at a time while keeping every other one (a bad version under a correct checksum, for instance).
 */
final class RawFrames {

    /**
     * Every header field as the frame diagram lays it out, each free to hold a value the codec would refuse.
     * The version and the flags default to those of a whole message in one frame of the current version.
     */
    record Header(int version, int type, int flags, int channel, int epoch, int seq, int ack, int window, long sack,
            long requestId) {

        static Header of(int type, int seq, int ack, long requestId) {
            return new Header(Frame.VERSION, type, Frame.FIRST | Frame.LAST, 0, 0, seq, ack, 0, 0, requestId);
        }

        Header withVersion(int newVersion) {
            return new Header(newVersion, type, flags, channel, epoch, seq, ack, window, sack, requestId);
        }

        Header withFlags(int newFlags) {
            return new Header(version, type, newFlags, channel, epoch, seq, ack, window, sack, requestId);
        }

        Header withChannel(int newChannel) {
            return new Header(version, type, flags, newChannel, epoch, seq, ack, window, sack, requestId);
        }
    }

    private RawFrames() {
    }

    /** Header, payload and checksum as the frame diagram lays them out; {@code lengthField} may lie. */
    static byte[] raw(Header header, int lengthField, byte[] payload) {
        ByteBuffer raw = ByteBuffer.allocate(Frame.HEADER_LENGTH + payload.length + Frame.TRAILER_LENGTH);
        raw.put((byte) header.version())
                .put((byte) header.type())
                .put((byte) header.flags())
                .put((byte) header.channel())
                .putShort((short) header.epoch())
                .putShort((short) header.seq())
                .putShort((short) header.ack())
                .putShort((short) header.window())
                .putInt((int) header.sack())
                .putInt((int) header.requestId())
                .putShort((short) lengthField)
                .put(payload);
        raw.putInt(crc(raw.array(), raw.position()));
        return raw.array();
    }

    /** A raw frame holding a whole message, with the given version and a length field that may lie. */
    static byte[] raw(int version, int type, int seq, int ack, long requestId, int lengthField, byte[] payload) {
        return raw(Header.of(type, seq, ack, requestId).withVersion(version), lengthField, payload);
    }

    /** A well-formed raw frame holding a whole message. */
    static byte[] raw(int type, int seq, int ack, long requestId, byte[] payload) {
        return raw(Frame.VERSION, type, seq, ack, requestId, payload.length, payload);
    }

    /** COBS-encodes a raw frame and appends the delimiter. */
    static byte[] wire(byte[] raw) {
        byte[] encoded = Cobs.encode(raw, 0, raw.length);
        byte[] wire = Arrays.copyOf(encoded, encoded.length + 1);
        wire[encoded.length] = FrameCodec.DELIMITER;
        return wire;
    }

    /** The encoded bytes of a wire frame, without its delimiter. */
    static byte[] block(byte[] wire) {
        return Arrays.copyOf(wire, wire.length - 1);
    }

    static int crc(byte[] data, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, length);
        return (int) crc.getValue();
    }

    /** Concatenates chunks of wire bytes into one stream. */
    static byte[] concat(byte[]... chunks) {
        int length = Arrays.stream(chunks).mapToInt(chunk -> chunk.length).sum();
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] chunk : chunks) {
            all.put(chunk);
        }
        return all.array();
    }
}
