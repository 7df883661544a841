package io.gridside.link.firmware;

import io.gridside.link.auth.SigningKey;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import java.time.Instant;
import java.util.List;

/** Small signed images for the firmware tests, from a maker key whose seed is 32 bytes of 0x05. */
final class TestImages {

    static final SigningKey MAKER = SigningKey.fromSeed(ByteString.fromHex("05".repeat(32)));
    static final SigningKey STRANGER = SigningKey.fromSeed(ByteString.fromHex("06".repeat(32)));
    static final FirmwareKeys TRUSTED = FirmwareKeys.of(MAKER.publicKey());
    static final Instant BUILT = Instant.parse("2026-11-02T09:00:00Z");
    /** What the test gateway runs: gw-2.4.1 at counter 7 on hardware gw-r1. */
    static final FirmwareCheck.Installed GATEWAY = new FirmwareCheck.Installed(FirmwareProduct.GATEWAY,
            List.of("gw-r1"), "gw-2.4.1", 7);

    private TestImages() {
    }

    /** {@code size} bytes that differ from one offset to the next. */
    static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }

    /** A gateway image of 2,000 bytes in chunks of 512: four chunks, the last of 464 bytes. */
    static FirmwareImage gateway(String version, long counter) {
        return gateway(version, counter, MAKER);
    }

    static FirmwareImage gateway(String version, long counter, SigningKey key) {
        return FirmwareImage.build(FirmwareProduct.GATEWAY, List.of("gw-r1"), version, counter, 512,
                "Test image " + version + ".", BUILT, bytes(2_000), key);
    }

    /** The next gateway version, which {@link #GATEWAY} takes. */
    static FirmwareImage gateway() {
        return gateway("gw-2.5.0", 8);
    }

    /** {@code manifest} with another version, still under the signature made for the original. */
    static FirmwareManifest withVersion(FirmwareManifest manifest, String version) {
        return new FirmwareManifest(manifest.product(), manifest.hardwareIds(), version, manifest.securityCounter(),
                manifest.imageSize(), manifest.imageSha256(), manifest.chunkSize(), manifest.chunkSha256(),
                manifest.releaseNotes(), manifest.built());
    }
}
