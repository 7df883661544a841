package io.gridside.site.sync.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The JSON of the sync protocol: UTF-8, instants as ISO 8601 text in UTC, dates as ISO days, unknown fields
 * ignored (a newer peer may add some), and the gzip a batch travels in.
 */
public final class SyncJson {

    /** The content type of every JSON body. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** The content type of a chunk's body. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final long MAX_INFLATED = 64L * 1024 * 1024;

    private SyncJson() {
    }

    /** The configured mapper (shared; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as UTF-8 JSON. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("A " + value.getClass().getSimpleName() + " could not be written as "
                    + "JSON.", e);
        }
    }

    /**
     * Reads a body.
     *
     * @throws IllegalArgumentException when the bytes are not JSON of that shape
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("The body is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** An item record as the JSON object a batch or page carries. */
    public static Map<String, Object> item(Object itemRecord) {
        return MAPPER.convertValue(itemRecord, OBJECT);
    }

    /**
     * An item of a batch or page as the record of its shape.
     *
     * @throws IllegalArgumentException when the object does not have that shape
     */
    public static <T> T item(Map<String, Object> item, Class<T> type) {
        return MAPPER.convertValue(item, type);
    }

    /** A copy of {@code map} without its null values (an absent map is empty), as the records keep their maps. */
    static <K, V> Map<K, V> present(Map<K, V> map) {
        if (map == null) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (key != null && value != null) {
                copy.put(key, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** {@code bytes} gzip-compressed. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("memory streams do not fail", e);
        }
        return out.toByteArray();
    }

    /**
     * A batch's bytes decompressed, up to 64 MiB: xz in batch format 3, gzip in formats 1 and 2, told apart by the
     * bytes each begins with.
     *
     * @throws IllegalArgumentException when the bytes are neither, or decompress past the limit
     */
    public static byte[] decompress(byte[] compressed) {
        return Xz.isXz(compressed) ? Xz.decompress(compressed, (int) MAX_INFLATED) : gunzip(compressed);
    }

    /**
     * {@code compressed} inflated, up to 64 MiB.
     *
     * @throws IllegalArgumentException when the bytes are not gzip or inflate past the limit
     */
    public static byte[] gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4 + 64);
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new IllegalArgumentException("The batch inflates past " + MAX_INFLATED + " bytes.");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("The bytes are not gzip: " + e.getMessage(), e);
        }
    }
}
