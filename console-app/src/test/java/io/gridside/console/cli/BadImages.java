package io.gridside.console.cli;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.SignedManifest;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One bad gateway image file of each kind the console refuses, for the simulated gateway (gw-sim-2.4.1, security
 * counter 7, hardware gw-sim-r1), each written to a folder by the refusal it must meet.
 */
final class BadImages {

    private static final Instant BUILT = Instant.parse("2026-11-30T12:00:00Z");
    private static final SigningKey STRANGER = SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32)));

    private BadImages() {
    }

    /** Writes each bad image into {@code dir}; answers the files by the refusal each must meet. */
    static Map<FirmwareRefusal, Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = new byte[40 * 1024 + 123];
        new Random(8).nextBytes(bytes);
        FirmwareImage good = image("gw-sim-2.6.0", 9, List.of("gw-sim-r1"), bytes, SampleFirmware.key());
        Map<FirmwareRefusal, Path> files = new LinkedHashMap<>();
        ByteString none = ByteString.of(new byte[0]);
        files.put(FirmwareRefusal.UNSIGNED, write(dir, "unsigned",
                FirmwareImage.of(new SignedManifest(good.manifest(), none, none), bytes).fileBytes()));
        files.put(FirmwareRefusal.UNKNOWN_KEY, write(dir, "stranger",
                image("gw-sim-2.6.0", 9, List.of("gw-sim-r1"), bytes, STRANGER).fileBytes()));
        FirmwareManifest changed = withNotes(good.manifest(), "Also unlocks every meter's relay.");
        files.put(FirmwareRefusal.BAD_SIGNATURE, write(dir, "changed", FirmwareImage.of(new SignedManifest(changed,
                good.signed().publicKey(), good.signed().signature()), bytes).fileBytes()));
        files.put(FirmwareRefusal.OTHER_HARDWARE, write(dir, "other-hardware",
                image("gw-sim-2.6.0", 9, List.of("gw-big-r4"), bytes, SampleFirmware.key()).fileBytes()));
        files.put(FirmwareRefusal.DOWNGRADE, write(dir, "older",
                image("gw-sim-2.3.9", 7, List.of("gw-sim-r1"), bytes, SampleFirmware.key()).fileBytes()));
        files.put(FirmwareRefusal.ALREADY_INSTALLED, write(dir, "same",
                image("gw-sim-2.4.1", 7, List.of("gw-sim-r1"), bytes, SampleFirmware.key()).fileBytes()));
        byte[] damaged = good.fileBytes();
        damaged[damaged.length - 1000] ^= 0x10;
        files.put(FirmwareRefusal.DAMAGED, write(dir, "damaged", damaged));
        return files;
    }

    /** Writes a meter image of the sample's version that runs on {@code hardware} only; answers its file. */
    static Path meterImageFor(Path dir, String hardware) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = new byte[9 * 1024];
        new Random(9).nextBytes(bytes);
        return write(dir, "meter-" + hardware, FirmwareImage.build(FirmwareProduct.METER, List.of(hardware),
                SampleFirmware.METER_VERSION, SampleFirmware.METER_COUNTER, 4096, "Test image.", BUILT, bytes,
                SampleFirmware.key()).fileBytes());
    }

    private static FirmwareImage image(String version, long counter, List<String> hardware, byte[] bytes,
            SigningKey key) {
        return FirmwareImage.build(FirmwareProduct.GATEWAY, hardware, version, counter, 4096, "Test image.", BUILT,
                bytes, key);
    }

    private static FirmwareManifest withNotes(FirmwareManifest m, String notes) {
        return new FirmwareManifest(m.product(), m.hardwareIds(), m.version(), m.securityCounter(), m.imageSize(),
                m.imageSha256(), m.chunkSize(), m.chunkSha256(), notes, m.built());
    }

    private static Path write(Path dir, String name, byte[] file) throws IOException {
        return Files.write(dir.resolve(name + ".gsfw"), file);
    }
}
