package io.gridside.console.service.firmware;

import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The keys this console trusts to sign firmware: the public key files an operator put in the data folder's
 * {@value #DIRECTORY} folder, and the demo firmware key, with which the simulated sites' sample images are signed.
 *
 * <p>KNOWN SHORTCOMING: the demo key is trusted for every site, not only for the demo and simulated ones, because
 * the console cannot yet tell a simulated gateway from a real one by anything a real gateway could not also claim.
 * A real gateway does not trust the demo key, so it refuses such an image itself; the console's review says when
 * an image is signed by the demo key.
 */
public final class FirmwareTrust {

    /** The folder, under the data folder, of the public key files of firmware makers. */
    public static final String DIRECTORY = "firmware-keys";

    private final Path directory;
    private final FirmwareKeys own;
    private final FirmwareKeys demo;

    private FirmwareTrust(Path directory, FirmwareKeys own, FirmwareKeys demo) {
        this.directory = directory;
        this.own = own;
        this.demo = demo;
    }

    /**
     * The keys in {@code dataDir}'s {@value #DIRECTORY} folder, none when it does not exist, and the demo key.
     *
     * @throws IOException naming the file, when one of the folder's files is not a firmware key file
     */
    public static FirmwareTrust load(Path dataDir) throws IOException {
        Path directory = dataDir.resolve(DIRECTORY);
        FirmwareKeys own = Files.isDirectory(directory) ? FirmwareKeys.load(directory) : FirmwareKeys.of(List.of());
        return new FirmwareTrust(directory, own, SampleFirmware.trusted());
    }

    /** Every key trusted: the operator's and the demo key. */
    public FirmwareKeys keys() {
        return own.with(demo);
    }

    /** The folder the operator's keys are read from, which a message may point the technician to. */
    public Path directory() {
        return directory;
    }

    /** Whether {@code publicKey} is the demo firmware key, whose private half is public. */
    public boolean isDemoKey(ByteString publicKey) {
        return demo.trusts(publicKey) && !own.trusts(publicKey);
    }
}
