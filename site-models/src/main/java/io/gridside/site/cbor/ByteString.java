package io.gridside.site.cbor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable run of bytes, compared by content: a key, a signature or a nonce inside a record, where a bare
 * {@code byte[]} would compare by identity and could be changed by whoever holds it. It is a CBOR byte string
 * both here and, through Jackson, on the wire.
 *
 * <p>It may be a run within a larger array that nobody changes, such as one chunk of a firmware image or the data
 * inside a message's payload, so that large runs are handed along without copies ({@link #adopt(byte[], int, int)},
 * {@link #slice}).
 */
public final class ByteString {

    private static final ByteString EMPTY = new ByteString(new byte[0]);

    private final byte[] bytes;
    private final int offset;
    private final int length;

    private ByteString(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private ByteString(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /** A copy of {@code bytes}; later changes to the array do not reach it. */
    @JsonCreator
    public static ByteString of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new ByteString(bytes.clone());
    }

    /**
     * Takes {@code bytes} as they are, without the copy {@link #of} makes: for an array just made that nobody else
     * holds, such as a decoder's output or a chunk read for sending, where a copy of a large run only costs time.
     * Whoever hands an array over must not change it afterwards.
     */
    public static ByteString adopt(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new ByteString(bytes);
    }

    /**
     * Takes the {@code length} bytes of {@code bytes} from {@code offset} as they are, without a copy, as
     * {@link #adopt(byte[])} takes a whole array: for a run inside an array that nobody changes any more, such as
     * the data inside a message's payload just read. Whoever hands the array over must not change that run
     * afterwards.
     *
     * @throws IndexOutOfBoundsException when the run is not inside the array
     */
    public static ByteString adopt(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return length == 0 ? EMPTY : new ByteString(bytes, offset, length);
    }

    /**
     * The bytes from {@code from} up to {@code to}, without a copy: both share bytes that never change.
     *
     * @throws IndexOutOfBoundsException when the range is not inside this byte string
     */
    public ByteString slice(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        if (from == 0 && to == length) {
            return this;
        }
        return to == from ? EMPTY : new ByteString(bytes, offset + from, to - from);
    }

    public static ByteString fromHex(String hex) {
        return new ByteString(HexFormat.of().parseHex(hex));
    }

    /**
     * Reads standard base64 (RFC 4648, with padding).
     *
     * @throws IllegalArgumentException when the text is not base64
     */
    public static ByteString fromBase64(String base64) {
        return new ByteString(Base64.getDecoder().decode(base64));
    }

    /** A copy of the bytes. */
    @JsonValue
    public byte[] toByteArray() {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** Copies the bytes into {@code target} from {@code at}, which must have room for {@link #size()}. */
    public void copyTo(byte[] target, int at) {
        System.arraycopy(bytes, offset, target, at, length);
    }

    /** Feeds the bytes to {@code digest}, without a copy of them. */
    public void updateDigest(MessageDigest digest) {
        digest.update(bytes, offset, length);
    }

    /** The bytes as a buffer that cannot change them, without a copy; for writing them out. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes, offset, length).slice().asReadOnlyBuffer();
    }

    public int size() {
        return length;
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes, offset, offset + length);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(whole());
    }

    /** Compares in constant time, for secrets and signatures. */
    public boolean sameAs(ByteString other) {
        return MessageDigest.isEqual(whole(), other.whole());
    }

    /** The bytes as an array of their own length: the array held when it is one, else a copy; never handed out. */
    private byte[] whole() {
        return offset == 0 && length == bytes.length ? bytes : toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteString that && Arrays.equals(bytes, offset, offset + length, that.bytes,
                that.offset, that.offset + that.length);
    }

    /** The hash of the same bytes in an array of their own ({@link Arrays#hashCode(byte[])}), slice or not. */
    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    @Override
    public String toString() {
        return "h'" + hex() + "'";
    }
}
