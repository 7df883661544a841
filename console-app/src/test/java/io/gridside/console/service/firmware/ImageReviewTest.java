package io.gridside.console.service.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.firmware.FirmwareCheck;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image file's review lists every check and refuses with the first that failed; the keys trusted are the
 * operator's key files and the demo key.
 */
class ImageReviewTest {

    private static final FirmwareCheck.Installed GATEWAY = new FirmwareCheck.Installed(FirmwareProduct.GATEWAY,
            List.of("gw-sim-r1"), "gw-sim-2.4.1", 7);
    private static final SigningKey OPERATOR = SigningKey.fromSeed(ByteString.fromHex("3c".repeat(32)));

    @TempDir
    Path dir;

    private Path write(String name, FirmwareImage image) throws IOException {
        Path file = dir.resolve(name);
        image.write(file);
        return file;
    }

    private static FirmwareImage operatorImage() {
        return FirmwareImage.build(FirmwareProduct.GATEWAY, List.of("gw-sim-r1"), "gw-sim-2.6.0", 8, 1024,
                "Operator build.", Instant.parse("2026-12-01T00:00:00Z"), new byte[5000], OPERATOR);
    }

    @Test
    void acceptsTheSampleImageWithEveryCheckPassedAndItsSigner() throws IOException {
        Path file = write("gw.gsfw", SampleFirmware.gatewayImage());

        ImageReview review = ImageReview.of(file, SampleFirmware.trusted(), GATEWAY);

        assertThat(review.acceptable()).as(review.message()).isTrue();
        assertThat(review.refused()).isNull();
        assertThat(review.manifest().version()).isEqualTo("gw-sim-2.5.0");
        assertThat(review.signer()).startsWith("SHA256:");
        assertThat(review.checks()).extracting(ImageReview.Check::name).startsWith("file", "signer", "signature")
                .contains("hardware");
        assertThat(review.checks()).allMatch(ImageReview.Check::passed);
        assertThat(review.message()).contains("may be sent");
    }

    @Test
    void marksTheFailedCheckAndRefusesWithItsReason() throws IOException {
        Path meter = write("meter.gsfw", SampleFirmware.meterImage());

        ImageReview review = ImageReview.of(meter, SampleFirmware.trusted(), GATEWAY);

        assertThat(review.refusal()).isEqualTo(FirmwareRefusal.OTHER_HARDWARE);
        assertThat(review.checks()).filteredOn(check -> !check.passed()).extracting(ImageReview.Check::name)
                .containsExactly("hardware");
        assertThat(review.refused().refusal()).isEqualTo(FirmwareRefusal.OTHER_HARDWARE);
        assertThat(review.message()).isEqualTo(review.refused().getMessage()).contains("meter image");
    }

    @Test
    void aDamagedCopyOfTheRunningVersionIsRefusedAsDamagedAndAGoodOneAsRunningAlready() throws IOException {
        FirmwareCheck.Installed running = new FirmwareCheck.Installed(FirmwareProduct.GATEWAY, List.of("gw-sim-r1"),
                "gw-sim-2.5.0", 8);
        Path good = write("gw.gsfw", SampleFirmware.gatewayImage());
        byte[] bytes = SampleFirmware.gatewayImage().fileBytes();
        bytes[bytes.length - 20_000] ^= 0x10;
        Path damaged = java.nio.file.Files.write(dir.resolve("damaged.gsfw"), bytes);

        ImageReview broken = ImageReview.of(damaged, SampleFirmware.trusted(), running);
        ImageReview same = ImageReview.of(good, SampleFirmware.trusted(), running);

        assertThat(broken.refusal()).isEqualTo(FirmwareRefusal.DAMAGED);
        assertThat(broken.message()).contains("SHA-256");
        assertThat(same.refusal()).isEqualTo(FirmwareRefusal.ALREADY_INSTALLED);
        assertThat(same.message()).contains("runs gw-sim-2.5.0 already");
    }

    @Test
    void withoutATargetChecksOnlyTheSignerTheSignatureAndTheBytes() throws IOException {
        Path file = write("gw.gsfw", SampleFirmware.gatewayImage());

        ImageReview review = ImageReview.of(file, SampleFirmware.trusted(), null);

        assertThat(review.acceptable()).isTrue();
        assertThat(review.checks()).extracting(ImageReview.Check::name).doesNotContain("hardware");
        assertThat(review.message()).contains("connect to the gateway");
    }

    @Test
    void aFileThatIsNoImageOrIsMissingIsRefusedWithoutAManifest() throws IOException {
        Path raw = Files.write(dir.resolve("raw.bin"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14});

        ImageReview unsigned = ImageReview.of(raw, SampleFirmware.trusted(), GATEWAY);
        ImageReview missing = ImageReview.of(dir.resolve("nowhere.gsfw"), SampleFirmware.trusted(), GATEWAY);

        assertThat(unsigned.refusal()).isEqualTo(FirmwareRefusal.UNSIGNED);
        assertThat(unsigned.manifest()).isNull();
        assertThat(unsigned.signer()).isNull();
        assertThat(unsigned.checks()).singleElement().satisfies(check -> assertThat(check.passed()).isFalse());
        assertThat(missing.acceptable()).isFalse();
        assertThat(missing.message()).contains("could not be read");
    }

    @Test
    void trustsTheOperatorsKeyFilesBesideTheDemoKey() throws IOException {
        Path file = write("operator.gsfw", operatorImage());
        FirmwareTrust demoOnly = FirmwareTrust.load(dir.resolve("empty-data"));
        Files.createDirectories(dir.resolve("data").resolve(FirmwareTrust.DIRECTORY));
        FirmwareKeys.writePublicKey(dir.resolve("data").resolve(FirmwareTrust.DIRECTORY)
                .resolve("operator.json"), OPERATOR.publicKey());
        FirmwareTrust withOperator = FirmwareTrust.load(dir.resolve("data"));

        assertThat(ImageReview.of(file, demoOnly.keys(), GATEWAY).refusal()).isEqualTo(FirmwareRefusal.UNKNOWN_KEY);
        assertThat(ImageReview.of(file, withOperator.keys(), GATEWAY).acceptable()).isTrue();
        assertThat(withOperator.keys().trusts(SampleFirmware.key().publicKey())).isTrue();
        assertThat(withOperator.isDemoKey(SampleFirmware.key().publicKey())).isTrue();
        assertThat(withOperator.isDemoKey(OPERATOR.publicKey())).isFalse();
    }

    @Test
    void aKeyFolderWithAFileThatIsNoKeyIsRefusedNamingIt() throws IOException {
        Path keys = Files.createDirectories(dir.resolve("data").resolve(FirmwareTrust.DIRECTORY));
        Files.writeString(keys.resolve("notes.json"), "{\"format\": \"something-else\"}");

        assertThatThrownBy(() -> FirmwareTrust.load(dir.resolve("data"))).isInstanceOf(IOException.class)
                .hasMessageContaining("notes.json");
    }

    @Test
    void aMeterTargetIsTheFleetsHardwareOldestVersionAndLowestCounterAndNoFleetIsRefused() throws Exception {
        FirmwareCheck.Installed target = FirmwarePush.meterTarget(List.of(
                new FleetMeter("M1", "mtr-r2", "mtr-3.2.0", 6, 1), new FleetMeter("M2", "mtr-r1", "mtr-2.9.7", 3, 2),
                new FleetMeter("M3", "mtr-r2", "mtr-3.1.4", 5, -1)));

        assertThat(target.hardwareIds()).containsExactly("mtr-r1", "mtr-r2");
        assertThat(target.version()).isEqualTo("mtr-2.9.7");
        assertThat(target.securityCounter()).isEqualTo(3);
        assertThatThrownBy(() -> FirmwarePush.meterTarget(List.of()))
                .isInstanceOf(FirmwareRefusedException.class)
                .hasMessageContaining("lists no meters");
    }
}
