package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One batch of a mesh-day stream: consecutive pieces of the day's mesh history document compressed, which the
 * receiver joins in order, decompresses and checks against the day's digest. Every batch names the day it belongs to.
 *
 * @param day the site day
 * @param chunks consecutive pieces of the document
 * @param total how many pieces the whole stream holds
 */
public record MeshDayBatch(LocalDate day, List<ByteString> chunks, long total) implements Message {

    /** The bytes of each piece but the last. */
    public static final int CHUNK_BYTES = 4000;
    /** More than a day of any mesh the console can show; a stream that unpacks to more is refused. */
    public static final int MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

    public MeshDayBatch {
        Objects.requireNonNull(day, "day");
        chunks = List.copyOf(chunks);
    }

    /**
     * The document compressed with DEFLATE (RFC 1951, raw) and cut into pieces of {@link #CHUNK_BYTES}, as the
     * gateway sends it. The digest is of the document itself, not of what travels.
     */
    public static List<ByteString> chunksOf(byte[] document) {
        byte[] packed = deflate(document);
        int count = Math.max(1, (packed.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        return IntStream.range(0, count)
                .mapToObj(i -> ByteString.of(Arrays.copyOfRange(packed, i * CHUNK_BYTES,
                        Math.min(packed.length, (i + 1) * CHUNK_BYTES))))
                .toList();
    }

    /**
     * The document the pieces carry, decompressed.
     *
     * @throws MalformedMessageException when the pieces are not DEFLATE data, or hold more than
     *     {@link #MAX_DOCUMENT_BYTES}
     */
    public static byte[] documentOf(byte[] packed) {
        Inflater inflater = new Inflater(true);
        inflater.setInput(packed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 3);
        byte[] buffer = new byte[64 * 1024];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MalformedMessageException("a mesh history that ends before its compressed data does");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_DOCUMENT_BYTES) {
                    throw new MalformedMessageException("a mesh history of more than " + MAX_DOCUMENT_BYTES
                            + " bytes");
                }
            }
        } catch (DataFormatException e) {
            throw new MalformedMessageException("a mesh history that is not DEFLATE data: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] document) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(document);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(document.length / 2 + 64);
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
