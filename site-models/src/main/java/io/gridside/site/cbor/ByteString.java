package io.gridside.site.cbor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An immutable run of bytes, compared by content: a key, a signature or a nonce inside a record, where a bare
 * {@code byte[]} would compare by identity and could be changed by whoever holds it. It is a CBOR byte string
 * both here and, through Jackson, on the wire.
 */
public final class ByteString {

    private static final ByteString EMPTY = new ByteString(new byte[0]);

    private final byte[] bytes;

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
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
        return bytes.clone();
    }

    /** Copies the bytes into {@code target} from {@code offset}, which must have room for {@link #size()}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    /** Feeds the bytes to {@code digest}, without a copy of them. */
    public void updateDigest(MessageDigest digest) {
        digest.update(bytes);
    }

    /** The bytes as a buffer that cannot change them, without a copy; for writing them out. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    public int size() {
        return bytes.length;
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Compares in constant time, for secrets and signatures. */
    public boolean sameAs(ByteString other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteString that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "h'" + hex() + "'";
    }
}
