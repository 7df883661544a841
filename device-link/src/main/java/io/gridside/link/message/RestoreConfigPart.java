package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One part of a billing configuration too large for the BeginRestore's frame (section 6.39): consecutive pieces of
 * the compressed document, cut as {@link MeshDayBatch#chunksOf} cuts it. The parts in index order, their pieces
 * joined, are the compressed document whose SHA-256 the begin names in {@code configDigest}. A part held already
 * is answered as held and not kept twice.
 *
 * <pre>
 *   BeginRestore { ..., configParts: 3, configDigest: SHA-256 of the document }
 *   RestoreConfigPart { index: 0, pieces: [p0, p1, p2] }
 *   RestoreConfigPart { index: 1, pieces: [p3, p4, p5] }
 *   RestoreConfigPart { index: 2, pieces: [p6] }
 *   document = inflate(p0 || p1 || ... || p6)
 * </pre>
 *
 * @param index the part's place, from 0 to the begin's {@code configParts} less one
 * @param pieces the part's pieces of the compressed document, at least one
 */
public record RestoreConfigPart(String restoreId, int index, List<ByteString> pieces) implements Message {

    /** How many pieces of {@link MeshDayBatch#CHUNK_BYTES} one part carries, which keeps it inside one frame. */
    public static final int PIECES_PER_PART = 3;

    public RestoreConfigPart {
        Objects.requireNonNull(restoreId, "restoreId");
        pieces = List.copyOf(pieces);
        if (index < 0 || pieces.isEmpty()) {
            throw new IllegalArgumentException("a configuration part has an index of 0 or more and a piece, not "
                    + index + " and " + pieces.size());
        }
    }

    /** The parts that carry {@code pieces}, {@link #PIECES_PER_PART} to a part, in order. */
    public static List<RestoreConfigPart> partsOf(String restoreId, List<ByteString> pieces) {
        int count = (pieces.size() + PIECES_PER_PART - 1) / PIECES_PER_PART;
        return IntStream.range(0, count)
                .mapToObj(i -> new RestoreConfigPart(restoreId, i, pieces.subList(i * PIECES_PER_PART,
                        Math.min(pieces.size(), (i + 1) * PIECES_PER_PART))))
                .toList();
    }
}
