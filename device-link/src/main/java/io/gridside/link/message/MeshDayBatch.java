package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One batch of a mesh-day stream: consecutive pieces of the day's mesh history document, which the receiver joins
 * in order and checks against the day's digest. Every batch names the day it belongs to.
 *
 * @param day the site day
 * @param chunks consecutive pieces of the document
 * @param total how many pieces the whole stream holds
 */
public record MeshDayBatch(LocalDate day, List<ByteString> chunks, long total) implements Message {

    /** The bytes of each piece but the last. */
    public static final int CHUNK_BYTES = 4000;

    public MeshDayBatch {
        Objects.requireNonNull(day, "day");
        chunks = List.copyOf(chunks);
    }

    /** The document cut into pieces of {@link #CHUNK_BYTES}; an empty document is one empty piece. */
    public static List<ByteString> chunksOf(byte[] document) {
        if (document.length == 0) {
            return List.of(ByteString.of(document));
        }
        int count = (document.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        return IntStream.range(0, count)
                .mapToObj(i -> ByteString.of(Arrays.copyOfRange(document, i * CHUNK_BYTES,
                        Math.min(document.length, (i + 1) * CHUNK_BYTES))))
                .toList();
    }
}
