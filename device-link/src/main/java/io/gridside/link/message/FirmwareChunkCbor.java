package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a {@link FirmwareChunk} as the message codec's CBOR does, byte for byte, without going through a generic
 * encoder: the chunk's data is copied once, straight into the payload, or not at all when the link takes the
 * payload in pieces. Reads a payload of exactly that form back, the data a copy or, when the payload is taken over,
 * a run of it; any other form of the same message is left to the generic decoder.
 *
 * <pre>
 *  BF                       map of indefinite length
 *  6B "imageSha256" 5x ...  the image's SHA-256, a byte string
 *  65 "index"       0x ...  the chunk's index, an unsigned integer
 *  64 "data"        5x ...  the chunk's bytes, a byte string
 *  FF                       end of the map
 * </pre>
 */
final class FirmwareChunkCbor {

    private static final int MAJOR_UNSIGNED = 0x00;
    private static final int MAJOR_BYTES = 0x40;
    private static final int MAP_INDEFINITE = 0xBF;
    private static final int BREAK = 0xFF;
    private static final byte[] IMAGE_SHA256 = key("imageSha256");
    private static final byte[] INDEX = key("index");
    private static final byte[] DATA = key("data");
    private static final ByteString END = ByteString.of(new byte[] {(byte) BREAK});

    private FirmwareChunkCbor() {
    }

    private static byte[] key(String name) {
        byte[] text = name.getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[text.length + 1];
        key[0] = (byte) (0x60 + text.length);
        System.arraycopy(text, 0, key, 1, text.length);
        return key;
    }

    static byte[] encode(FirmwareChunk chunk) {
        ByteString data = chunk.data();
        byte[] fields = fieldsBeforeData(chunk);
        byte[] out = new byte[fields.length + data.size() + 1];
        System.arraycopy(fields, 0, out, 0, fields.length);
        data.copyTo(out, fields.length);
        out[out.length - 1] = (byte) BREAK;
        return out;
    }

    /**
     * What {@link #encode} writes, in three pieces that are not joined: the fields up to the data's head, the data as
     * the chunk holds it (no copy), and the end of the map.
     */
    static List<ByteString> encodeInPieces(FirmwareChunk chunk) {
        return List.of(ByteString.adopt(fieldsBeforeData(chunk)), chunk.data(), END);
    }

    /** The map's head, the image's SHA-256, the index, and the data's key and head: all before the data's bytes. */
    private static byte[] fieldsBeforeData(FirmwareChunk chunk) {
        ByteString sha = chunk.imageSha256();
        int dataSize = chunk.data().size();
        int length = 1 + IMAGE_SHA256.length + headLength(sha.size()) + sha.size() + INDEX.length
                + headLength(chunk.index()) + DATA.length + headLength(dataSize);
        byte[] out = new byte[length];
        int at = 0;
        out[at++] = (byte) MAP_INDEFINITE;
        at = put(out, at, IMAGE_SHA256);
        at = head(out, at, MAJOR_BYTES, sha.size());
        sha.copyTo(out, at);
        at = put(out, at + sha.size(), INDEX);
        at = head(out, at, MAJOR_UNSIGNED, chunk.index());
        at = put(out, at, DATA);
        head(out, at, MAJOR_BYTES, dataSize);
        return out;
    }

    /** The chunk a payload of exactly the form {@link #encode} writes holds, its data copied; null for any other. */
    static FirmwareChunk decodeOrNull(byte[] payload) {
        return decodeOrNull(payload, false);
    }

    /**
     * The chunk a payload of exactly the form {@link #encode} writes holds; null for any other payload. Taking the
     * payload over, the chunk's data is a run of it rather than a copy.
     */
    static FirmwareChunk decodeOrNull(byte[] payload, boolean takeOver) {
        Reader in = new Reader(payload);
        if (!in.take(MAP_INDEFINITE) || !in.key(IMAGE_SHA256)) {
            return null;
        }
        byte[] sha = in.bytes();
        if (sha == null || !in.key(INDEX)) {
            return null;
        }
        long index = in.head(MAJOR_UNSIGNED);
        if (index < 0 || index > Integer.MAX_VALUE || !in.key(DATA)) {
            return null;
        }
        int dataLength = in.bytesLength();
        if (dataLength < 0) {
            return null;
        }
        int dataAt = in.skip(dataLength);
        if (!in.take(BREAK) || !in.atEnd()) {
            return null;
        }
        ByteString data = takeOver ? ByteString.adopt(payload, dataAt, dataLength)
                : ByteString.adopt(Arrays.copyOfRange(payload, dataAt, dataAt + dataLength));
        // The hash was just copied out of the payload and is held by nobody else.
        return new FirmwareChunk(ByteString.adopt(sha), (int) index, data);
    }

    /** How many bytes the head of an item of {@code value} takes, in its shortest form as the codec writes it. */
    private static int headLength(long value) {
        if (value < 24) {
            return 1;
        }
        return value <= 0xFF ? 2 : value <= 0xFFFF ? 3 : value <= 0xFFFF_FFFFL ? 5 : 9;
    }

    private static int head(byte[] out, int at, int major, long value) {
        int length = headLength(value);
        if (length == 1) {
            out[at] = (byte) (major + value);
            return at + 1;
        }
        int extra = length - 1;
        out[at] = (byte) (major + (extra == 1 ? 24 : extra == 2 ? 25 : extra == 4 ? 26 : 27));
        for (int i = 0; i < extra; i++) {
            out[at + 1 + i] = (byte) (value >>> (8 * (extra - 1 - i)));
        }
        return at + length;
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    /** Reads the form {@link #encode} writes; each step says whether it found what it expected. */
    private static final class Reader {

        private final byte[] in;
        private int at;

        Reader(byte[] in) {
            this.in = in;
        }

        boolean take(int expected) {
            if (at < in.length && (in[at] & 0xFF) == expected) {
                at++;
                return true;
            }
            return false;
        }

        boolean key(byte[] key) {
            if (in.length - at < key.length || !Arrays.equals(in, at, at + key.length, key, 0, key.length)) {
                return false;
            }
            at += key.length;
            return true;
        }

        /** The argument of an item of {@code major} type in its shortest form; -1 for anything else. */
        long head(int major) {
            if (at >= in.length || (in[at] & 0xE0) != major) {
                return -1;
            }
            int info = in[at] & 0x1F;
            int extra = info < 24 ? 0 : info == 24 ? 1 : info == 25 ? 2 : info == 26 ? 4 : -1;
            if (extra < 0 || in.length - at - 1 < extra) {
                return -1;
            }
            long value = info < 24 ? info : 0;
            for (int i = 0; i < extra; i++) {
                value = value << 8 | (in[at + 1 + i] & 0xFF);
            }
            if (headLength(value) != 1 + extra) {
                return -1;
            }
            at += 1 + extra;
            return value;
        }

        byte[] bytes() {
            int length = bytesLength();
            if (length < 0) {
                return null;
            }
            return Arrays.copyOfRange(in, skip(length), at);
        }

        /** The length of a byte string whose head is next and whose bytes are all there; -1 for anything else. */
        int bytesLength() {
            long length = head(MAJOR_BYTES);
            return length < 0 || length > in.length - at ? -1 : (int) length;
        }

        /** Moves past {@code length} bytes; returns where they began. */
        int skip(int length) {
            int from = at;
            at += length;
            return from;
        }

        boolean atEnd() {
            return at == in.length;
        }
    }
}
