package io.gridside.console.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.console.service.firmware.ImageReview;
import io.gridside.console.service.firmware.PushPhase;
import io.gridside.console.service.firmware.PushResult;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FleetMeter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FirmwareViewModelTest {

    static final Path GATEWAY_IMAGE = Path.of("gw-sim-2.5.0.gsfw");
    static final Path OLD_IMAGE = Path.of("gw-sim-2.0.0.gsfw");
    static final ByteString SHA = ByteString.of(new byte[32]);

    private final FakeFirmwareSource source = new FakeFirmwareSource();
    private long nanos;
    private final FirmwareViewModel model = new FirmwareViewModel(source, () -> nanos);

    static FirmwareManifest manifest(FirmwareProduct product, String version, List<String> hardware) {
        return new FirmwareManifest(product, hardware, version, 8, 16 * 1024, SHA, 1024,
                Collections.nCopies(16, SHA), "Fixes the meter read after a reboot.", Instant.parse(
                        "2026-05-01T10:00:00Z"));
    }

    static ImageReview accepted(Path file, FirmwareManifest manifest) {
        return new ImageReview(file, manifest, "ed25519:1f2e3d4c", List.of(new ImageReview.Check("signature", true,
                "signed by a trusted key")), null, "");
    }

    static List<FleetMeter> fleet() {
        return List.of(new FleetMeter("M1", "mtr-r1", "mtr-2.9.7", 3, 1),
                new FleetMeter("M2", "mtr-r2", "mtr-3.10.0", 6, 2),
                new FleetMeter("M3", "mtr-r2", "mtr-3.9.1", 5, 1),
                new FleetMeter("M4", "mtr-r3", "mtr-3.9.1", 5, 3));
    }

    @Test
    void readsTheStoredFleetOnceAndCountsItsVersionsByHardwareInVersionOrder() {
        source.stored = fleet();

        model.shown();
        model.shown();

        assertThat(source.asked).containsOnlyOnce("stored fleet");
        FleetVersions versions = model.versionsProperty().get();
        assertThat(versions.versions()).containsExactly("mtr-2.9.7", "mtr-3.9.1", "mtr-3.10.0");
        assertThat(versions.hardwareIds()).containsExactly("mtr-r1", "mtr-r2", "mtr-r3");
        assertThat(versions.count("mtr-3.9.1", "mtr-r2")).isEqualTo(1);
        assertThat(versions.count("mtr-3.9.1", "mtr-r1")).isZero();
        assertThat(model.fleetTextProperty().get()).isEqualTo("4 meters run 3 versions on 3 hardware revisions.");
    }

    @Test
    void readsNothingBeforeAGatewayIsConnectedAndReadsOnceOneIs() {
        source.connected.set(false);
        model.shown();
        assertThat(source.asked).isEmpty();

        source.connected.set(true);
        source.openNewSession();

        assertThat(source.asked).contains("stored fleet", "history", "refresh null");
    }

    @Test
    void saysWhatTheGatewayRunsWithItsSlotOrThatItIsNotKnown() {
        assertThat(model.gatewayTextProperty().get()).startsWith("Gateway: what it runs shows once");

        model.shown();
        assertThat(model.gatewayTextProperty().get()).isEqualTo("Gateway: gw-sim-2.4.1 (slot A, confirmed)");

        source.gatewayState = new FirmwareState("gw-sim-r1", new FirmwareState.Slot("B", "gw-sim-2.5.0", 8, false),
                new FirmwareState.Slot("A", "gw-sim-2.4.1", 7, true), null, List.of(), null);
        source.openNewSession();
        assertThat(model.gatewayTextProperty().get()).isEqualTo("Gateway: gw-sim-2.5.0 (slot B, on trial)");

        source.gatewayState = null;
        source.openNewSession();
        assertThat(model.gatewayTextProperty().get()).startsWith("Gateway: what it runs shows once");
    }

    @Test
    void aPulledFleetReplacesTheStoredOne() {
        source.pulled = fleet().subList(0, 2);

        model.pullFleet();

        assertThat(model.fleet()).hasSize(2);
        assertThat(model.fleetProblemProperty().get()).isFalse();
        assertThat(model.versionsProperty().get().versions()).containsExactly("mtr-2.9.7", "mtr-3.10.0");
    }

    @Test
    void aSiteWithoutAStoredFleetHasItPulledAndAFailedPullSaysWhy() {
        source.pullFailure = "The gateway did not answer in time. [TIMEOUT]";

        model.shown();

        assertThat(source.asked).containsSubsequence("stored fleet", "pull fleet");
        assertThat(model.fleetTextProperty().get()).isEqualTo("The gateway did not answer in time. [TIMEOUT]");
        assertThat(model.fleetProblemProperty().get()).isTrue();
    }

    @Test
    void aRefusedImageSaysWhyWithItsCodeAndIsNotSent() {
        source.reviews.put(OLD_IMAGE, new ImageReview(OLD_IMAGE, manifest(FirmwareProduct.GATEWAY, "gw-sim-2.0.0",
                List.of("gw-sim-r1")), "ed25519:1f2e3d4c", List.of(new ImageReview.Check("version", false,
                        "older than gw-sim-2.4.1, which the gateway runs")), FirmwareRefusal.DOWNGRADE,
                "The image is older than what the gateway runs: choose gw-sim-2.4.1 or newer."));

        model.choose(OLD_IMAGE);
        model.sendToGateway();

        assertThat(model.imageTextProperty().get()).isEqualTo("Refused: The image is older than what the gateway "
                + "runs: choose gw-sim-2.4.1 or newer. [FIRMWARE_DOWNGRADE] It cannot be sent.");
        assertThat(model.acceptableFor(FirmwareProduct.GATEWAY).get()).isFalse();
        assertThat(source.asked).noneMatch(asked -> asked.startsWith("push"));
        assertThat(model.images()).containsExactly(OLD_IMAGE);
    }

    @Test
    void aRefusedImageSaysWhyInFrenchByItsCode() {
        source.reviews.put(OLD_IMAGE, new ImageReview(OLD_IMAGE, manifest(FirmwareProduct.GATEWAY, "gw-sim-2.0.0",
                List.of("gw-sim-r1")), "ed25519:1f2e3d4c", List.of(new ImageReview.Check("signature", false,
                        "changed after signing")), FirmwareRefusal.BAD_SIGNATURE,
                "The manifest's signature does not verify under key ed25519:1f2e3d4c."));
        I18n.use(Locale.FRENCH);
        try {
            model.choose(OLD_IMAGE);

            assertThat(model.imageTextProperty().get()).isEqualTo("Refusée : La signature de l'image ne tient pas : "
                    + "l'image a été modifiée après sa signature. Copiez-la à nouveau depuis l'opérateur. "
                    + "[FIRMWARE_BAD_SIGNATURE] Elle ne peut pas être envoyée.");
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }

    @Test
    void anUnreadableFileSaysSo() {
        model.choose(Path.of("missing.gsfw"));

        assertThat(model.imageTextProperty().get()).isEqualTo("The file missing.gsfw could not be read.");
        assertThat(model.reviewProperty().get()).isNull();
    }

    @Test
    void sendsAGatewayImageWithChunksBytesAndRateThenTellsTheRevertAndItsChecks() {
        source.reviews.put(GATEWAY_IMAGE, accepted(GATEWAY_IMAGE, manifest(FirmwareProduct.GATEWAY, "gw-sim-2.5.0",
                List.of("gw-sim-r1"))));
        source.holdPush = true;
        model.choose(GATEWAY_IMAGE);

        model.sendToGateway();
        source.heldProgress.onProgress(PushPhase.SENDING, 4, 16, 4 * 1024);
        nanos += 1_000_000_000L;
        source.heldProgress.onProgress(PushPhase.SENDING, 8, 16, 8 * 1024);

        Transfer transfer = model.gatewayTransfer();
        assertThat(transfer.runningProperty().get()).isTrue();
        assertThat(transfer.fractionProperty().get()).isEqualTo(0.5);
        assertThat(transfer.progressTextProperty().get()).isEqualTo("Chunks held 8 of 16, 8 KiB sent, 4 KiB/s");

        FirmwareState.Outcome reverted = new FirmwareState.Outcome("gw-sim-2.5.0", false,
                "the meter read failed", Instant.parse("2026-06-03T09:10:00Z"), List.of(
                        new FirmwareState.HealthCheck("mesh-radio", true, "up"),
                        new FirmwareState.HealthCheck("meter-read", false, "no meter answered")));
        source.heldProgress.onProgress(PushPhase.INSTALLING, 16, 16, 16 * 1024);
        source.heldDone.accept(new PushResult(SHA, "gw-sim-2.5.0", 16, 4, 12, reverted));

        assertThat(transfer.runningProperty().get()).isFalse();
        assertThat(model.outcomeProperty().get().checks()).extracting(FirmwareState.HealthCheck::passed)
                .containsExactly(true, false);
        assertThat(model.outcomeProperty().get().reason()).isEqualTo("the meter read failed");
        assertThat(transfer.progressTextProperty().get()).isEqualTo("12 of 16 chunks sent, 4 held already.");
        assertThat(source.asked).containsSubsequence("push gateway " + GATEWAY_IMAGE, "gateway state", "history");
    }

    @Test
    void aPushThatFoundTheImageInstalledAlreadySaysSoInsteadOfChunksSent() {
        source.reviews.put(GATEWAY_IMAGE, accepted(GATEWAY_IMAGE, manifest(FirmwareProduct.GATEWAY, "gw-sim-2.5.0",
                List.of("gw-sim-r1"))));
        source.holdPush = true;
        model.choose(GATEWAY_IMAGE);
        FirmwareState.Outcome confirmed = new FirmwareState.Outcome("gw-sim-2.5.0", true, "",
                Instant.parse("2026-06-03T09:10:00Z"), List.of(new FirmwareState.HealthCheck("mesh-radio", true,
                        "up")));

        model.sendToGateway();
        source.heldDone.accept(new PushResult(SHA, "gw-sim-2.5.0", 16, 4, 12, confirmed,
                PushResult.Ending.BY_ANOTHER_SESSION));

        assertThat(model.gatewayTransfer().progressTextProperty().get())
                .isEqualTo("Installed by another session: gw-sim-2.5.0 runs; this push installed nothing itself.");
        assertThat(model.outcomeProperty().get().confirmed()).isTrue();
    }

    @Test
    void aCancelledSendStopsAndSaysTheGatewayKeepsItsChunks() {
        source.reviews.put(GATEWAY_IMAGE, accepted(GATEWAY_IMAGE, manifest(FirmwareProduct.GATEWAY, "gw-sim-2.5.0",
                List.of("gw-sim-r1"))));
        source.holdPush = true;
        model.choose(GATEWAY_IMAGE);
        model.sendToGateway();

        model.gatewayTransfer().cancel();

        assertThat(source.cancelled).isTrue();
        assertThat(model.gatewayTransfer().runningProperty().get()).isFalse();
        assertThat(model.gatewayTransfer().progressTextProperty().get()).startsWith("Cancelled; the gateway keeps");
    }

    @Test
    void anInstallUnderWayCannotBeCancelled() {
        source.reviews.put(GATEWAY_IMAGE, accepted(GATEWAY_IMAGE, manifest(FirmwareProduct.GATEWAY, "gw-sim-2.5.0",
                List.of("gw-sim-r1"))));
        source.holdPush = true;
        model.choose(GATEWAY_IMAGE);
        model.sendToGateway();
        assertThat(model.gatewayTransfer().cancellableProperty().get()).isTrue();

        source.heldProgress.onProgress(PushPhase.INSTALLING, 16, 16, 16 * 1024);
        model.gatewayTransfer().cancel();

        assertThat(model.gatewayTransfer().cancellableProperty().get()).isFalse();
        assertThat(source.cancelled).isFalse();
        assertThat(model.gatewayTransfer().runningProperty().get()).isTrue();
        assertThat(model.gatewayTransfer().progressTextProperty().get()).startsWith("Installing: the gateway reboots");
    }

    @Test
    void theHistoryListsStoredCampaignsAndInstallsOrSaysThereAreNone() {
        model.shown();
        assertThat(model.historyTextProperty().get()).startsWith("No campaign or gateway install is stored");

        source.history = new FirmwareSource.History(List.of(), List.of(new GatewayInstall(Instant.parse(
                "2026-06-03T09:10:00Z"), "gw-sim-2.5.0", true, "", List.of())));
        model.loadHistory();

        assertThat(model.installs()).hasSize(1);
        assertThat(model.historyTextProperty().get()).isEmpty();
    }
}
