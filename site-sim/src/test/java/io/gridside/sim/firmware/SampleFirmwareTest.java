package io.gridside.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.firmware.FirmwareCheck;
import io.gridside.link.firmware.FirmwareCheck.Installed;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFirmwareTest {

    /** What the simulated gateway runs. */
    private static final Installed GATEWAY = new Installed(FirmwareProduct.GATEWAY, List.of("gw-sim-r1"),
            "gw-sim-2.4.1", 7);
    /** The simulated site's meters as a target: three revisions, the oldest on mtr-2.9.7 at counter 3. */
    private static final Installed METERS = Installed.meters(List.of(
            new FleetMeter("M-0001", "mtr-r1", "mtr-2.9.7", 3, 1),
            new FleetMeter("M-0002", "mtr-r2", "mtr-3.1.4", 5, 2),
            new FleetMeter("M-0003", "mtr-r3", "mtr-3.2.0", 6, 3)));

    /** What every build must make: a change here breaks every sample file already handed out. */
    private static final String PINNED_KEY = "SHA256:a123 8ff2 e23e 604a 681b 82a8 dbc8 8b9d 61c4 0b79 0457 0ceb "
            + "b2ed a869 9833 7b7f";
    private static final String PINNED_GATEWAY = "2b89b174a26f96beede6fe9091c8c74a03f3537f511c6572c9e83e83b93c0c73";
    private static final String PINNED_METER = "28364aed858fbfd500edaefff2b0b4c597bfe5fc1ec0d36c2f68f2eb61e2113b";

    @TempDir
    Path dir;

    @Test
    void theGatewayImageIsTheSimulatedGatewaysNextVersion() {
        FirmwareManifest manifest = SampleFirmware.gatewayImage().manifest();

        assertThat(manifest.product()).isEqualTo(FirmwareProduct.GATEWAY);
        assertThat(manifest.hardwareIds()).containsExactly("gw-sim-r1");
        assertThat(manifest.version()).isEqualTo("gw-sim-2.5.0");
        assertThat(manifest.securityCounter()).isEqualTo(8);
        assertThat(manifest.imageSize()).isEqualTo(1024 * 1024);
        assertThat(manifest.chunkSize()).isEqualTo(16 * 1024);
        assertThat(manifest.chunkCount()).isEqualTo(64);
        assertThatCode(() -> FirmwareCheck.checkImage(SampleFirmware.gatewayImage(), SampleFirmware.trusted(),
                GATEWAY)).doesNotThrowAnyException();
    }

    @Test
    void theMeterImageIsForTheSecondAndThirdRevisions() {
        FirmwareManifest manifest = SampleFirmware.meterImage().manifest();

        assertThat(manifest.product()).isEqualTo(FirmwareProduct.METER);
        assertThat(manifest.hardwareIds()).containsExactly("mtr-r2", "mtr-r3");
        assertThat(manifest.version()).isEqualTo("mtr-3.3.0");
        assertThat(manifest.securityCounter()).isEqualTo(7);
        assertThat(manifest.imageSize()).isEqualTo(256 * 1024);
        assertThat(manifest.chunkSize()).isEqualTo(4 * 1024);
        assertThat(manifest.chunkCount()).isEqualTo(64);
        assertThatCode(() -> FirmwareCheck.checkImage(SampleFirmware.meterImage(), SampleFirmware.trusted(),
                METERS)).doesNotThrowAnyException();
    }

    @Test
    void theFirstRevisionCannotTakeTheMeterImage() {
        Installed firstRevision = Installed.meters(List.of(new FleetMeter("M-0001", "mtr-r1", "mtr-2.9.7", 3, 1)));

        assertThatThrownBy(() -> FirmwareCheck.checkImage(SampleFirmware.meterImage(), SampleFirmware.trusted(),
                firstRevision)).isInstanceOfSatisfying(FirmwareRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(FirmwareRefusal.OTHER_HARDWARE));
    }

    @Test
    void everyBuildMakesTheSameKeyAndImages() {
        assertThat(SampleFirmware.key().fingerprint()).isEqualTo(PINNED_KEY);
        assertThat(SampleFirmware.gatewayImage().manifest().imageSha256().hex()).isEqualTo(PINNED_GATEWAY);
        assertThat(SampleFirmware.meterImage().manifest().imageSha256().hex()).isEqualTo(PINNED_METER);
    }

    @Test
    void writesBothImagesAndTheDemoKeysPublicFileAgainAndAgain() throws IOException {
        SampleFirmware.writeSamples(dir);
        SampleFirmware.writeSamples(dir);

        assertThat(FirmwareKeys.load(dir).keys()).containsExactly(SampleFirmware.key().publicKey());
        assertThatCode(() -> FirmwareCheck.checkImage(FirmwareImage.read(dir.resolve("gw-sim-2.5.0.gsfw")),
                FirmwareKeys.load(dir), GATEWAY)).doesNotThrowAnyException();
        assertThatCode(() -> FirmwareCheck.checkImage(FirmwareImage.read(dir.resolve("mtr-3.3.0.gsfw")),
                FirmwareKeys.load(dir), METERS)).doesNotThrowAnyException();
    }
}
