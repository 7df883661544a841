package io.gridside.link.frame;

import io.gridside.site.cbor.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The bytes a frame carries, or a message before it is cut into frames: either one array taken over whole (a frame
 * read off the wire, a control frame) or pieces that are never changed (a message's encoded fields and the bytes it
 * carries, such as a firmware chunk's data as a view of its image). A fragment of a message is a slice of it, not a
 * copy, so the bytes of a large message are copied once on their way out, into the writer's buffer.
 */
public final class Payload {

    private static final Payload EMPTY = new Payload(new byte[0], null, 0);

    /** The array this payload is, when it was taken over whole; else null and {@link #pieces} holds it. */
    private final byte[] array;
    private final ByteString[] pieces;
    private final int length;

    private Payload(byte[] array, ByteString[] pieces, int length) {
        this.array = array;
        this.pieces = pieces;
        this.length = length;
    }

    /** Takes {@code bytes} over as they are, without a copy; whoever hands them over must not change them. */
    public static Payload of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Payload(bytes, null, bytes.length);
    }

    /** The pieces one after another, without a copy. */
    public static Payload of(List<ByteString> pieces) {
        ByteString[] held = pieces.stream().filter(piece -> piece.size() > 0).toArray(ByteString[]::new);
        int length = 0;
        for (ByteString piece : held) {
            length = Math.addExact(length, piece.size());
        }
        return length == 0 ? EMPTY : new Payload(null, held, length);
    }

    public int length() {
        return length;
    }

    /**
     * The bytes from {@code from} up to {@code to}, sharing this payload's bytes.
     *
     * @throws IndexOutOfBoundsException when the range is not inside the payload
     */
    public Payload slice(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        if (from == 0 && to == length) {
            return this;
        }
        if (array != null) {
            return of(List.of(ByteString.adopt(array, from, to - from)));
        }
        List<ByteString> slice = new ArrayList<>();
        int start = 0;
        for (ByteString piece : pieces) {
            int end = start + piece.size();
            if (end > from && start < to) {
                slice.add(piece.slice(Math.max(from, start) - start, Math.min(to, end) - start));
            }
            start = end;
        }
        return of(slice);
    }

    /** Copies the bytes into {@code target} from {@code at}, which must have room for {@link #length()}. */
    public void copyTo(byte[] target, int at) {
        if (array != null) {
            System.arraycopy(array, 0, target, at, length);
            return;
        }
        int offset = at;
        for (ByteString piece : pieces) {
            piece.copyTo(target, offset);
            offset += piece.size();
        }
    }

    /** The bytes as one array: the array taken over when it was one, else a new copy of the pieces. */
    public byte[] toArray() {
        if (array != null) {
            return array;
        }
        byte[] whole = new byte[length];
        copyTo(whole, 0);
        return whole;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that && that.length == length && Arrays.equals(that.toArray(), toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toArray());
    }

    @Override
    public String toString() {
        return "Payload[" + length + " bytes]";
    }
}
