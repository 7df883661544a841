package io.gridside.site.firmware;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.CborException;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a firmware image is and how to check it, as its maker states it; the manifest's deterministic CBOR
 * ({@link #encode}) is what the maker's key signs (see {@code io.gridside.link.firmware.SignedManifest}).
 *
 * @param product what the image runs on
 * @param hardwareIds the hardware revisions it runs on, at least one, such as {@code mtr-r2}
 * @param version the version, 1 to 32 printable ASCII characters, such as {@code mtr-3.3.0}
 * @param securityCounter a count that only rises: a device refuses an image whose counter is below the one it runs
 * @param imageSize the image's length in bytes, at least 1
 * @param imageSha256 the SHA-256 of the whole image
 * @param chunkSize the length of every chunk but the last: a power of two from 512 bytes to 64 KiB
 * @param chunkSha256 the SHA-256 of each chunk, in order; as many as the image has chunks
 * @param releaseNotes what changed, for the technician, at most {@link #MAX_NOTES} characters
 * @param built when the maker built it
 */
public record FirmwareManifest(FirmwareProduct product, List<String> hardwareIds, String version,
        long securityCounter, long imageSize, ByteString imageSha256, int chunkSize, List<ByteString> chunkSha256,
        String releaseNotes, Instant built) {

    public static final int MAX_NOTES = 4_000;
    public static final int MIN_CHUNK = 512;
    public static final int MAX_CHUNK = 64 * 1024;
    /** The largest image a manifest may describe: 64 MiB. */
    public static final long MAX_IMAGE = 64L * 1024 * 1024;

    /**
     * @throws IllegalArgumentException when a field breaks its rule, with a sentence that names it
     */
    public FirmwareManifest {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(imageSha256, "imageSha256");
        Objects.requireNonNull(releaseNotes, "releaseNotes");
        Objects.requireNonNull(built, "built");
        hardwareIds = List.copyOf(hardwareIds);
        chunkSha256 = List.copyOf(chunkSha256);
        if (hardwareIds.isEmpty()) {
            throw new IllegalArgumentException("a manifest names at least one hardware revision");
        }
        for (String id : hardwareIds) {
            requireName(id, "hardware id");
        }
        requireName(version, "version");
        if (securityCounter < 0) {
            throw new IllegalArgumentException("the security counter is not negative, was " + securityCounter);
        }
        if (imageSize < 1 || imageSize > MAX_IMAGE) {
            throw new IllegalArgumentException("an image is 1 byte to 64 MiB long, not " + imageSize);
        }
        if (imageSha256.size() != 32) {
            throw new IllegalArgumentException("the image's SHA-256 is 32 bytes, not " + imageSha256.size());
        }
        if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK || Integer.bitCount(chunkSize) != 1) {
            throw new IllegalArgumentException("the chunk size is a power of two from 512 to 65536, not " + chunkSize);
        }
        long chunks = (imageSize + chunkSize - 1) / chunkSize;
        if (chunkSha256.size() != chunks) {
            throw new IllegalArgumentException("an image of " + imageSize + " bytes in chunks of " + chunkSize
                    + " has " + chunks + " chunks, and the manifest lists " + chunkSha256.size() + " hashes");
        }
        for (ByteString hash : chunkSha256) {
            if (hash.size() != 32) {
                throw new IllegalArgumentException("a chunk's SHA-256 is 32 bytes, not " + hash.size());
            }
        }
        if (releaseNotes.length() > MAX_NOTES) {
            throw new IllegalArgumentException("release notes are at most " + MAX_NOTES + " characters, not "
                    + releaseNotes.length());
        }
    }

    private static void requireName(String text, String what) {
        if (text.isEmpty() || text.length() > 32 || !text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)
                || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
            throw new IllegalArgumentException("a " + what + " is 1 to 32 printable ASCII characters with no space at"
                    + " either end, not \"" + text + "\"");
        }
    }

    public int chunkCount() {
        return chunkSha256.size();
    }

    /** The length of chunk {@code index}: the chunk size, or what is left for the last. */
    public int chunkLength(int index) {
        Objects.checkIndex(index, chunkCount());
        long start = (long) index * chunkSize;
        return (int) Math.min(chunkSize, imageSize - start);
    }

    /** Whether the image runs on hardware revision {@code hardwareId}. */
    public boolean runsOn(String hardwareId) {
        return hardwareIds.contains(hardwareId);
    }

    /** The manifest as deterministic CBOR (RFC 8949, section 4.2): the bytes its signature covers. */
    public byte[] encode() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("product", product.name());
        map.put("hardwareIds", hardwareIds);
        map.put("version", version);
        map.put("securityCounter", securityCounter);
        map.put("imageSize", imageSize);
        map.put("imageSha256", imageSha256);
        map.put("chunkSize", (long) chunkSize);
        map.put("chunkSha256", chunkSha256);
        map.put("releaseNotes", releaseNotes);
        map.put("built", built.toString());
        return DeterministicCbor.encode(map);
    }

    /**
     * Reads a manifest that {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not such a manifest, with a sentence that says why
     */
    public static FirmwareManifest decode(byte[] cbor) {
        try {
            if (!(DeterministicCbor.decode(cbor) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("a manifest is a CBOR map");
            }
            List<String> hardware = new ArrayList<>();
            for (Object id : list(map, "hardwareIds")) {
                hardware.add((String) id);
            }
            List<ByteString> chunks = new ArrayList<>();
            for (Object hash : list(map, "chunkSha256")) {
                chunks.add((ByteString) hash);
            }
            return new FirmwareManifest(FirmwareProduct.valueOf(text(map, "product")), hardware, text(map, "version"),
                    number(map, "securityCounter"), number(map, "imageSize"), (ByteString) field(map, "imageSha256"),
                    Math.toIntExact(number(map, "chunkSize")), chunks, text(map, "releaseNotes"),
                    Instant.parse(text(map, "built")));
        } catch (CborException | ClassCastException | ArithmeticException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("the manifest does not decode: " + e.getMessage(), e);
        }
    }

    private static Object field(Map<?, ?> map, String name) {
        Object value = map.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the manifest has no " + name);
        }
        return value;
    }

    private static String text(Map<?, ?> map, String name) {
        return (String) field(map, name);
    }

    private static long number(Map<?, ?> map, String name) {
        return ((Number) field(map, name)).longValue();
    }

    private static List<?> list(Map<?, ?> map, String name) {
        return (List<?>) field(map, name);
    }
}
