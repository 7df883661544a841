package io.gridside.link.firmware;

import static io.gridside.link.firmware.SignedManifestTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.link.firmware.FirmwareCheck.Installed;
import io.gridside.link.firmware.FirmwareCheck.Result;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FleetMeter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirmwareCheckTest {

    private final FirmwareImage image = TestImages.gateway();

    @Test
    void acceptsTheNextVersionSignedByATrustedKeyForThisHardware() {
        assertThatCode(() -> FirmwareCheck.checkImage(image, TestImages.TRUSTED, TestImages.GATEWAY))
                .doesNotThrowAnyException();
        assertThat(FirmwareCheck.reviewImage(image, TestImages.TRUSTED, TestImages.GATEWAY))
                .extracting(Result::name, Result::passed)
                .containsExactly(tuple("signer", true),
                        tuple("signature", true),
                        tuple("hardware", true),
                        tuple("security counter", true),
                        tuple("version", true),
                        tuple("size", true),
                        tuple("SHA-256", true),
                        tuple("chunks", true));
    }

    @Test
    void refusesAnImageSignedByAKeyNotTrusted() {
        FirmwareImage strangers = TestImages.gateway("gw-2.5.0", 8, TestImages.STRANGER);

        assertRefused(() -> FirmwareCheck.checkImage(strangers, TestImages.TRUSTED, TestImages.GATEWAY),
                FirmwareRefusal.UNKNOWN_KEY, TestImages.STRANGER.fingerprint());
    }

    @Test
    void refusesAManifestChangedAfterItWasSigned() {
        SignedManifest signed = image.signed();
        SignedManifest changed = new SignedManifest(TestImages.withVersion(signed.manifest(), "gw-2.6.0"),
                signed.publicKey(), signed.signature());

        assertRefused(() -> FirmwareCheck.checkManifest(changed, TestImages.TRUSTED, TestImages.GATEWAY),
                FirmwareRefusal.BAD_SIGNATURE, "changed after it was signed");
    }

    @Test
    void refusesAMeterImageForTheGateway() {
        FirmwareImage meter = FirmwareImage.build(FirmwareProduct.METER, List.of("gw-r1"), "gw-2.5.0", 8, 512, "",
                TestImages.BUILT, TestImages.bytes(600), TestImages.MAKER);

        assertRefused(() -> FirmwareCheck.checkImage(meter, TestImages.TRUSTED, TestImages.GATEWAY),
                FirmwareRefusal.OTHER_HARDWARE, "is a meter image, not one for the gateway");
    }

    @Test
    void refusesAnImageForOtherHardware() {
        FirmwareImage other = FirmwareImage.build(FirmwareProduct.GATEWAY, List.of("gw-r2", "gw-r3"), "gw-2.5.0", 8,
                512, "", TestImages.BUILT, TestImages.bytes(600), TestImages.MAKER);

        assertRefused(() -> FirmwareCheck.checkImage(other, TestImages.TRUSTED, TestImages.GATEWAY),
                FirmwareRefusal.OTHER_HARDWARE, "runs on gw-r2, gw-r3, and the gateway is gw-r1");
    }

    @Test
    void refusesAnImageWhoseSecurityCounterIsLower() {
        FirmwareImage lower = TestImages.gateway("gw-2.6.0", 6);

        assertRefused(() -> FirmwareCheck.checkImage(lower, TestImages.TRUSTED, TestImages.GATEWAY),
                FirmwareRefusal.DOWNGRADE, "security counter 6, below the 7");
    }

    @Test
    void refusesAnOlderVersionEvenAtTheSameCounter() {
        FirmwareImage older = TestImages.gateway("gw-2.3.9", 7);

        assertRefused(() -> FirmwareCheck.checkImage(older, TestImages.TRUSTED, TestImages.GATEWAY),
                FirmwareRefusal.DOWNGRADE, "older than gw-2.4.1");
    }

    @Test
    void refusesTheVersionThatRunsAlready() {
        FirmwareImage same = TestImages.gateway("gw-2.4.1", 7);

        assertRefused(() -> FirmwareCheck.checkImage(same, TestImages.TRUSTED, TestImages.GATEWAY),
                FirmwareRefusal.ALREADY_INSTALLED, "The gateway runs gw-2.4.1 already");
    }

    @Test
    void refusesAnImageWhoseBytesDoNotMatchItsManifestsHashes() {
        byte[] bytes = image.bytes();
        bytes[1_100] ^= 0x40;
        FirmwareImage damaged = FirmwareImage.of(image.signed(), bytes);

        assertRefused(() -> FirmwareCheck.checkImage(damaged, TestImages.TRUSTED, TestImages.GATEWAY),
                FirmwareRefusal.DAMAGED, "does not match its manifest's SHA-256");
        assertThat(FirmwareCheck.reviewImage(damaged, TestImages.TRUSTED, TestImages.GATEWAY))
                .filteredOn(result -> result.name().equals("chunks")).singleElement()
                .satisfies(chunks -> assertThat(chunks.detail()).contains("1 of its 4 chunks damaged (chunk 3 of 4)"));
    }

    @Test
    void refusesAnImageOfAnotherSizeThanItsManifest() {
        FirmwareImage shorter = FirmwareImage.of(image.signed(), Arrays.copyOf(image.bytes(), 1_999));

        assertRefused(() -> FirmwareCheck.checkBytes(shorter), FirmwareRefusal.DAMAGED,
                "holds 1999 bytes, and its manifest states 2000");
    }

    @Test
    void refusesAChunkThatArrivesDamagedOrOfAnotherLength() {
        byte[] chunk = image.chunk(1);
        chunk[0] ^= 1;

        assertThatCode(() -> FirmwareCheck.checkChunk(image.manifest(), 3, image.chunk(3)))
                .doesNotThrowAnyException();
        assertRefused(() -> FirmwareCheck.checkChunk(image.manifest(), 1, chunk), FirmwareRefusal.DAMAGED,
                "Chunk 2 of 4 of the image gw-2.5.0");
        assertRefused(() -> FirmwareCheck.checkChunk(image.manifest(), 3, image.chunk(2)), FirmwareRefusal.DAMAGED,
                "Chunk 4 of 4");
    }

    @Test
    void reportsTheFirstFailureInOrderAndStillReviewsTheRest() {
        FirmwareImage strangersOld = TestImages.gateway("gw-2.3.0", 5, TestImages.STRANGER);

        assertRefused(() -> FirmwareCheck.checkImage(strangersOld, TestImages.TRUSTED, TestImages.GATEWAY),
                FirmwareRefusal.UNKNOWN_KEY, "not trusted");
        assertThat(FirmwareCheck.reviewImage(strangersOld, TestImages.TRUSTED, TestImages.GATEWAY))
                .filteredOn(result -> !result.passed()).extracting(Result::refusal)
                .containsExactly(FirmwareRefusal.UNKNOWN_KEY, FirmwareRefusal.DOWNGRADE, FirmwareRefusal.DOWNGRADE);
    }

    @Test
    void checksOnlyTheSignerAndSignatureWithoutATarget() {
        FirmwareImage same = TestImages.gateway("gw-2.4.1", 7);

        assertThatCode(() -> FirmwareCheck.checkImage(same, TestImages.TRUSTED, null)).doesNotThrowAnyException();
    }

    @Test
    void takesTheSitesMetersAsTheirHardwareOldestVersionAndLowestCounter() {
        Installed meters = Installed.meters(List.of(new FleetMeter("M-1", "mtr-r2", "mtr-3.2.0", 6, 1),
                new FleetMeter("M-2", "mtr-r1", "mtr-2.9.7", 3, 2), new FleetMeter("M-3", "mtr-r3", "mtr-3.10.0", 9,
                        -1)));

        assertThat(meters).isEqualTo(new Installed(FirmwareProduct.METER, List.of("mtr-r1", "mtr-r2", "mtr-r3"),
                "mtr-2.9.7", 3));
    }

    @Test
    void aMeterImageForNoneOfTheSitesHardwareIsRefused() {
        FirmwareImage meter = FirmwareImage.build(FirmwareProduct.METER, List.of("mtr-r4"), "mtr-4.0.0", 9, 512,
                "", TestImages.BUILT, TestImages.bytes(600), TestImages.MAKER);
        Installed meters = Installed.meters(List.of(new FleetMeter("M-1", "mtr-r2", "mtr-3.2.0", 6, 1)));

        assertRefused(() -> FirmwareCheck.checkImage(meter, TestImages.TRUSTED, meters),
                FirmwareRefusal.OTHER_HARDWARE, "the site's meters are mtr-r2");
    }

    @Test
    void comparesVersionsByTheirNumbersInOrder() {
        assertThat(FirmwareCheck.compareVersions("gw-2.10.0", "gw-2.9.3")).isPositive();
        assertThat(FirmwareCheck.compareVersions("mtr-2.9.7", "mtr-3.1.4")).isNegative();
        assertThat(FirmwareCheck.compareVersions("gw-2.5", "gw-2.5.0")).isZero();
        assertThat(FirmwareCheck.compareVersions("gw-2.5.0.1", "gw-2.5.0")).isPositive();
        assertThat(FirmwareCheck.compareVersions("v99999999999999999999.1", "v99999999999999999999.0")).isPositive();
        assertThat(List.of("gw-2.4.1", "gw-2.10.0", "gw-2.9.3").stream().sorted(FirmwareCheck.versionOrder()))
                .containsExactly("gw-2.4.1", "gw-2.9.3", "gw-2.10.0");
    }

    @Test
    void aSiteWithNoMetersIsNoTarget() {
        assertThatThrownBy(() -> Installed.meters(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
