package io.gridside.site.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirmwareManifestTest {

    static FirmwareManifest manifest(long size, int chunkSize) {
        int chunks = (int) ((size + chunkSize - 1) / chunkSize);
        List<ByteString> hashes = new ArrayList<>(Collections.nCopies(chunks, ByteString.of(new byte[32])));
        return new FirmwareManifest(FirmwareProduct.METER, List.of("mtr-r2", "mtr-r3"), "mtr-3.3.0", 7, size,
                ByteString.of(new byte[32]), chunkSize, hashes, "Fixes the relay's debounce.",
                Instant.parse("2026-11-30T08:00:00Z"));
    }

    @Test
    void decodesWhatItEncodes() {
        FirmwareManifest manifest = manifest(10_000, 4096);
        byte[] encoded = manifest.encode();
        FirmwareManifest decoded = FirmwareManifest.decode(encoded);
        assertEquals(manifest, decoded);
        assertArrayEquals(encoded, decoded.encode());
    }

    @Test
    void givesEachChunkItsLengthWithTheLastShort() {
        FirmwareManifest manifest = manifest(10_000, 4096);
        assertEquals(3, manifest.chunkCount());
        assertEquals(4096, manifest.chunkLength(0));
        assertEquals(10_000 - 8192, manifest.chunkLength(2));
        assertThrows(IndexOutOfBoundsException.class, () -> manifest.chunkLength(3));
    }

    @Test
    void refusesAChunkListThatDoesNotCoverTheImage() {
        FirmwareManifest good = manifest(10_000, 4096);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new FirmwareManifest(good.product(), good.hardwareIds(), good.version(), 7, 20_000,
                        good.imageSha256(), 4096, good.chunkSha256(), "", good.built()));
        assertTrue(refused.getMessage().contains("has 5 chunks"), refused.getMessage());
    }

    @Test
    void refusesAChunkSizeThatIsNoPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> manifest(10_000, 3000));
        assertThrows(IllegalArgumentException.class, () -> manifest(10_000, 256));
    }

    @Test
    void refusesAVersionWithSpacesAtItsEnds() {
        FirmwareManifest good = manifest(100, 512);
        assertThrows(IllegalArgumentException.class, () -> new FirmwareManifest(good.product(),
                good.hardwareIds(), " mtr-3.3.0", 7, 100, good.imageSha256(), 512, good.chunkSha256(), "",
                good.built()));
    }

    @Test
    void decodingAManifestWithAFieldMissingSaysWhich() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("product", "METER");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FirmwareManifest.decode(DeterministicCbor.encode(map)));
        assertTrue(refused.getMessage().contains("no "), refused.getMessage());
    }

    @Test
    void decodingBytesThatAreNoCborFails() {
        assertThrows(IllegalArgumentException.class, () -> FirmwareManifest.decode(new byte[] {(byte) 0xff, 1}));
    }
}
