package io.gridside.sim.firmware;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The signed sample images the simulated site ships with, one for its gateway and one for its meters, and the
 * demo firmware key that signs them. Every byte is derived from fixed seeds, so every build makes the same files.
 * DEMO ONLY: the key's private seed is written here, so anyone can sign anything with it; no real gateway or
 * console may trust it outside the demo and simulated sites.
 */
public final class SampleFirmware {

    public static final String GATEWAY_VERSION = "gw-sim-2.5.0";
    public static final String GATEWAY_HARDWARE = "gw-sim-r1";
    public static final long GATEWAY_COUNTER = 8;
    public static final String METER_VERSION = "mtr-3.3.0";
    public static final List<String> METER_HARDWARE = List.of("mtr-r2", "mtr-r3");
    public static final long METER_COUNTER = 7;
    /** The names {@link #writeSamples} gives its files. */
    public static final String GATEWAY_FILE = GATEWAY_VERSION + ".gsfw";
    public static final String METER_FILE = METER_VERSION + ".gsfw";
    public static final String KEY_FILE = "gridside-demo-firmware-key.json";

    private static final SigningKey KEY = SigningKey.fromSeed(ByteString.fromHex("f1".repeat(32)));
    private static final int GATEWAY_SIZE = 1024 * 1024;
    private static final int GATEWAY_CHUNK = 16 * 1024;
    private static final int METER_SIZE = 256 * 1024;
    private static final int METER_CHUNK = 4 * 1024;
    private static final long GATEWAY_SEED = 0x6757_5F32_3530L;
    private static final long METER_SEED = 0x6D74_725F_3333L;

    private SampleFirmware() {
    }

    /** The demo firmware key, which signs the samples. DEMO ONLY. */
    public static SigningKey key() {
        return KEY;
    }

    /** The trust of a demo or simulated site: the demo firmware key alone. */
    public static FirmwareKeys trusted() {
        return FirmwareKeys.of(KEY.publicKey());
    }

    /** The simulated gateway's next version: 1 MiB in chunks of 16 KiB, for hardware gw-sim-r1, counter 8. */
    public static FirmwareImage gatewayImage() {
        return Samples.GATEWAY;
    }

    /** The meters' next version: 256 KiB in chunks of 4 KiB, for hardware mtr-r2 and mtr-r3, counter 7. */
    public static FirmwareImage meterImage() {
        return Samples.METER;
    }

    /**
     * Writes both images and the demo key's public file into {@code directory}, which is made if need be. Files of
     * the same names are replaced, as they hold the same bytes in every build.
     *
     * @throws java.nio.file.FileAlreadyExistsException when a key file of that name holds another key
     */
    public static void writeSamples(Path directory) throws IOException {
        Files.createDirectories(directory);
        gatewayImage().write(directory.resolve(GATEWAY_FILE));
        meterImage().write(directory.resolve(METER_FILE));
        Path key = directory.resolve(KEY_FILE);
        if (!Files.exists(key) || !FirmwareKeys.readPublicKey(key).equals(KEY.publicKey())) {
            FirmwareKeys.writePublicKey(key, KEY.publicKey());
        }
    }

    /** The images, built on first use: a mebibyte to hash and sign is not for every use of the key. */
    private static final class Samples {

        static final FirmwareImage GATEWAY = FirmwareImage.build(FirmwareProduct.GATEWAY,
                List.of(GATEWAY_HARDWARE), GATEWAY_VERSION, GATEWAY_COUNTER, GATEWAY_CHUNK,
                "Simulated gateway 2.5.0: the mesh radio rejoins faster after a power cut, and billing keeps "
                        + "its place through a reboot. Raises the security counter to 8.",
                Instant.parse("2026-11-02T09:00:00Z"), bytes(GATEWAY_SEED, GATEWAY_SIZE), KEY);
        static final FirmwareImage METER = FirmwareImage.build(FirmwareProduct.METER, METER_HARDWARE,
                METER_VERSION, METER_COUNTER, METER_CHUNK,
                "Meter 3.3.0 for hardware r2 and r3: steadier readings at low load, and the relay holds its "
                        + "state through a brown-out. Raises the security counter to 7.",
                Instant.parse("2026-10-14T09:00:00Z"), bytes(METER_SEED, METER_SIZE), KEY);
    }

    /** {@code size} bytes that look like a compiled image and come from {@code seed} alone (SplitMix64). */
    static byte[] bytes(long seed, int size) {
        byte[] bytes = new byte[size];
        long state = seed;
        for (int i = 0; i < size; i += Long.BYTES) {
            state += 0x9E37_79B9_7F4A_7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
            z ^= z >>> 31;
            for (int b = 0; b < Long.BYTES && i + b < size; b++) {
                bytes[i + b] = (byte) (z >>> (8 * b));
            }
        }
        return bytes;
    }
}
