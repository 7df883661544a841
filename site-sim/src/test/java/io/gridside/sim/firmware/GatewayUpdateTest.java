package io.gridside.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.link.firmware.SignedManifest;
import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import io.gridside.site.firmware.FleetMeter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated gateway's own firmware: an image taken chunk by chunk onto its flash, kept across restarts, each bad
 * image refused with its own reason, and an install that confirms after its health checks or reverts by itself.
 */
class GatewayUpdateTest {

    private static final Instant BUILT = Instant.parse("2026-11-02T09:00:00Z");
    private static final int CHUNK = 4096;
    /** 64 KiB in 16 chunks: small enough for every test, with a short last chunk. */
    private static final int SIZE = 16 * CHUNK - 100;
    private static final FirmwareImage NEXT = gatewayImage("gw-sim-2.5.0", 8, "gw-sim-r1", SampleFirmware.key());

    @TempDir
    Path directory;

    @Test
    void takesAnImageChunkByChunkAndHoldsItWholeOnceItsHashMatches() throws Exception {
        GatewayUpdate update = new GatewayUpdate(site());

        FirmwareOffered offered = update.offer(NEXT.signedManifestBytes());
        assertThat(offered.heldCount()).isZero();
        assertThat(offered.chunkCount()).isEqualTo(16);
        ChunkHeld last = null;
        for (int index = 15; index >= 0; index--) {
            last = update.take(chunk(NEXT, index));
        }

        assertThat(last.complete()).isTrue();
        assertThat(last.heldCount()).isEqualTo(16);
        assertThat(update.heldWhole(NEXT.manifest().imageSha256())).isEqualTo(NEXT.manifest());
        assertThat(update.state(null).staged()).singleElement().satisfies(staged -> {
            assertThat(staged.version()).isEqualTo("gw-sim-2.5.0");
            assertThat(staged.complete()).isTrue();
        });
        assertThat(update.offer(NEXT.signedManifestBytes()).heldCount()).as("offered again").isEqualTo(16);
    }

    @Test
    void startedAgainItHoldsTheChunksItAcknowledgedAndWantsTheRest() throws Exception {
        GatewayUpdate first = new GatewayUpdate(site());
        first.offer(NEXT.signedManifestBytes());
        for (int index : new int[] {0, 1, 2, 7, 15}) {
            first.take(chunk(NEXT, index));
        }

        GatewayUpdate second = new GatewayUpdate(site());
        FirmwareOffered offered = second.offer(NEXT.signedManifestBytes());

        assertThat(offered.heldCount()).isEqualTo(5);
        assertThat(IntStream.range(0, 16).filter(offered::holds).boxed().toList()).containsExactly(0, 1, 2, 7, 15);
        assertThatThrownBy(() -> second.heldWhole(NEXT.manifest().imageSha256()))
                .isInstanceOf(FirmwareRefusedException.class).hasMessageContaining("holds 5 of the 16 chunks");
        for (int index = 0; index < 16; index++) {
            if (!offered.holds(index)) {
                second.take(chunk(NEXT, index));
            }
        }
        assertThat(second.heldWhole(NEXT.manifest().imageSha256()).version()).isEqualTo("gw-sim-2.5.0");
    }

    @Test
    void everyRestartHoldsExactlyTheChunksAcknowledgedBeforeIt() throws Exception {
        Random random = new Random(8);
        Set<Integer> acknowledged = new TreeSet<>();
        GatewayUpdate update = new GatewayUpdate(site());
        update.offer(NEXT.signedManifestBytes());
        int restarts = 0;
        while (acknowledged.size() < 16) {
            for (int burst = 1 + random.nextInt(4); burst > 0; burst--) {
                int index = random.nextInt(16);
                update.take(chunk(NEXT, index));
                acknowledged.add(index);
            }

            update = new GatewayUpdate(site());
            FirmwareOffered offered = update.offer(NEXT.signedManifestBytes());
            restarts++;
            assertThat(IntStream.range(0, 16).filter(offered::holds).boxed().toList()).as("restart " + restarts)
                    .containsExactlyElementsOf(acknowledged);
        }

        assertThat(restarts).isGreaterThan(3);
        assertThat(update.heldWhole(NEXT.manifest().imageSha256())).isEqualTo(NEXT.manifest());
    }

    @Test
    void aRecordTornByAPowerCutAndAChunkTheFlashLostAreWantedAgain() throws Exception {
        GatewayUpdate first = new GatewayUpdate(site());
        first.offer(NEXT.signedManifestBytes());
        for (int index = 0; index < 4; index++) {
            first.take(chunk(NEXT, index));
        }
        Path file = directory.resolve("staged").resolve(NEXT.manifest().imageSha256().hex()).resolve("image.bin");
        // Chunk 5's record reached the flash and its bytes did not; chunk 6's record is torn; chunk 2's bytes rotted.
        Files.write(file, record(5), StandardOpenOption.APPEND);
        Files.write(file, Arrays.copyOf(record(6), 5), StandardOpenOption.APPEND);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) ~NEXT.bytes()[2 * CHUNK + 10]}), 2L * CHUNK + 10);
        }

        FirmwareOffered offered = new GatewayUpdate(site()).offer(NEXT.signedManifestBytes());

        assertThat(IntStream.range(0, 16).filter(offered::holds).boxed().toList()).containsExactly(0, 1, 3);
        assertThat(file).as("the records rewritten with what survived").hasSize(SIZE + 3 * 8);
        assertThat(new GatewayUpdate(site()).offer(NEXT.signedManifestBytes()).heldCount()).isEqualTo(3);
    }

    @Test
    void refusesADamagedChunkAndKeepsNothingOfIt() throws Exception {
        GatewayUpdate update = new GatewayUpdate(site());
        update.offer(NEXT.signedManifestBytes());
        byte[] bent = NEXT.chunk(3);
        bent[100] ^= 0x40;

        assertThatThrownBy(() -> update.take(new FirmwareChunk(NEXT.manifest().imageSha256(), 3,
                ByteString.of(bent)))).isInstanceOfSatisfying(FirmwareRefusedException.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(FirmwareRefusal.DAMAGED));
        assertThatThrownBy(() -> update.take(new FirmwareChunk(NEXT.manifest().imageSha256(), 16,
                ByteString.of(new byte[10])))).isInstanceOf(FirmwareRefusedException.class)
                .hasMessageContaining("no chunk 16");
        assertThatThrownBy(() -> update.take(new FirmwareChunk(ByteString.of(new byte[32]), 0,
                ByteString.of(NEXT.chunk(0))))).isInstanceOf(FirmwareRefusedException.class)
                .hasMessageContaining("Offer the image again");

        assertThat(update.state(null).staged().get(0).held()).isZero();
        assertThat(update.take(chunk(NEXT, 3)).heldCount()).as("the chunk sent again").isEqualTo(1);
    }

    @Test
    void refusesEachBadImageWithItsOwnReason() {
        SigningKey stranger = SigningKey.fromSeed(ByteString.fromHex("5e".repeat(32)));
        SignedManifest good = NEXT.signed();
        FirmwareManifest changed = gatewayManifest(NEXT.manifest(), "Notes changed after signing.");

        assertRefused(new SignedManifest(good.manifest(), ByteString.of(new byte[0]), ByteString.of(new byte[0]))
                .encode(), FirmwareRefusal.UNSIGNED);
        assertRefused(gatewayImage("gw-sim-2.5.0", 8, "gw-sim-r1", stranger).signed().encode(),
                FirmwareRefusal.UNKNOWN_KEY);
        assertRefused(new SignedManifest(changed, good.publicKey(), good.signature()).encode(),
                FirmwareRefusal.BAD_SIGNATURE);
        assertRefused(gatewayImage("gw-sim-2.5.0", 8, "gw-sim-r9", SampleFirmware.key()).signed().encode(),
                FirmwareRefusal.OTHER_HARDWARE);
        assertRefused(SampleFirmware.meterImage().signed().encode(), FirmwareRefusal.OTHER_HARDWARE,
                List.of(new FleetMeter("M-0001", "mtr-r1", "mtr-2.9.7", 3, 1)));
        assertRefused(gatewayImage("gw-sim-2.3.9", 6, "gw-sim-r1", SampleFirmware.key()).signed().encode(),
                FirmwareRefusal.DOWNGRADE);
        assertRefused(gatewayImage("gw-sim-2.4.1", 7, "gw-sim-r1", SampleFirmware.key()).signed().encode(),
                FirmwareRefusal.ALREADY_INSTALLED);
        assertRefused(new byte[] {(byte) 0xa1, 0x61, 0x78, 0x01}, FirmwareRefusal.DAMAGED);
        assertThat(directory.resolve("staged")).as("nothing refused is staged").doesNotExist();
    }

    @Test
    void refusesAnUntrustedKeyInItsOwnWordsUntilItIsGivenTheMakersKey() throws Exception {
        SigningKey maker = SigningKey.fromSeed(ByteString.fromHex("6d".repeat(32)));
        FirmwareImage image = gatewayImage("gw-sim-2.5.0", 8, "gw-sim-r1", maker);
        GatewayUpdate update = new GatewayUpdate(site());

        assertThatThrownBy(() -> update.offer(image.signedManifestBytes())).isInstanceOfSatisfying(
                FirmwareRefusedException.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(FirmwareRefusal.UNKNOWN_KEY);
                    assertThat(refused.getMessage()).contains("The gateway refuses the image gw-sim-2.5.0",
                            image.signed().signer(), "given its maker's public key file", "--firmware-key FILE")
                            .doesNotContain("not trusted here", "gives you its key file");
                });
        update.trust(FirmwareKeys.of(maker.publicKey()));

        assertThat(update.offer(image.signedManifestBytes()).chunkCount()).isEqualTo(16);
        assertThat(update.offer(NEXT.signedManifestBytes()).chunkCount()).as("the demo key still trusted")
                .isEqualTo(16);
    }

    @Test
    void dropsAnImageWhoseChunksMatchButWholeDoesNotWhenItIsInstalled() throws Exception {
        FirmwareManifest wrong = new FirmwareManifest(FirmwareProduct.GATEWAY, List.of("gw-sim-r1"), "gw-sim-2.5.0",
                8, SIZE, ByteString.of(new byte[32]), CHUNK, NEXT.manifest().chunkSha256(), "", BUILT);
        FirmwareImage image = FirmwareImage.of(SignedManifest.sign(wrong, SampleFirmware.key()), NEXT.bytes());
        GatewayUpdate update = new GatewayUpdate(site());
        update.offer(image.signedManifestBytes());
        for (int index = 0; index < 16; index++) {
            assertThat(update.take(chunk(image, index)).heldCount()).isEqualTo(index + 1);
        }

        assertThatThrownBy(() -> update.install(wrong.imageSha256(), "sup-1")).isInstanceOfSatisfying(
                FirmwareRefusedException.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(FirmwareRefusal.DAMAGED);
                    assertThat(refused.getMessage()).contains("whole image does not match");
                });
        assertThat(update.state(null).staged()).isEmpty();
    }

    @Test
    void checksAMeterImageAgainstTheFleetAndKeepsTwoMeterImagesAndOneGatewayImage() throws Exception {
        GatewayUpdate update = new GatewayUpdate(site());
        FirmwareImage older = gatewayImage("gw-sim-2.4.9", 8, "gw-sim-r1", SampleFirmware.key());
        update.offer(older.signedManifestBytes());
        update.offer(NEXT.signedManifestBytes());
        for (String version : List.of("mtr-3.3.0", "mtr-3.3.1", "mtr-3.3.2")) {
            update.offer(meterImage(version).signedManifestBytes());
        }

        assertThat(update.state(null).staged()).extracting(FirmwareState.Staged::version)
                .containsExactly("gw-sim-2.5.0", "mtr-3.3.1", "mtr-3.3.2");
        assertThat(new GatewayUpdate(site()).state(null).staged()).as("started again")
                .extracting(FirmwareState.Staged::version).containsExactly("gw-sim-2.5.0", "mtr-3.3.1", "mtr-3.3.2");
    }

    @Test
    void keepsTheMeterImageACampaignRollsOutWhenNewerOnesAreOffered() throws Exception {
        GatewayUpdate update = new GatewayUpdate(site());
        FirmwareImage rolledOut = meterImage("mtr-3.3.0");
        update.protect(sha -> sha.equals(rolledOut.manifest().imageSha256()));
        for (String version : List.of("mtr-3.3.0", "mtr-3.3.1", "mtr-3.3.2", "mtr-3.3.3")) {
            update.offer(meterImage(version).signedManifestBytes());
        }

        assertThat(update.state(null).staged()).extracting(FirmwareState.Staged::version)
                .containsExactly("mtr-3.3.0", "mtr-3.3.2", "mtr-3.3.3");
    }

    @Test
    void installsIntoTheInactiveSlotAndConfirmsOnceTheHealthChecksPass() throws Exception {
        GatewayUpdate update = staged(site());

        FirmwareInstalled installed = update.install(NEXT.manifest().imageSha256(), "supervisor");

        assertThat(installed.outcome().confirmed()).isTrue();
        assertThat(installed.outcome().checks()).extracting(FirmwareState.HealthCheck::name)
                .containsExactly("mesh-radio", "meter-read");
        assertThat(installed.outcome().checks()).allMatch(FirmwareState.HealthCheck::passed);
        assertThat(installed.running()).isEqualTo(new FirmwareState.Slot("B", "gw-sim-2.5.0", 8, true));
        assertThat(update.runningVersion()).isEqualTo("gw-sim-2.5.0");
        FirmwareState state = new GatewayUpdate(site()).state(null);
        assertThat(state.running()).as("started again").isEqualTo(installed.running());
        assertThat(state.other()).isEqualTo(new FirmwareState.Slot("A", "gw-sim-2.4.1", 7, true));
        assertThat(state.lastUpdate()).isEqualTo(installed.outcome());
        assertThat(state.staged()).as("the image lives in its slot now").isEmpty();
        assertThat(directory.resolve("slot-B.bin")).hasBinaryContent(NEXT.bytes());
        assertThatThrownBy(() -> update.offer(NEXT.signedManifestBytes())).isInstanceOfSatisfying(
                FirmwareRefusedException.class,
                refused -> assertThat(refused.refusal()).isEqualTo(FirmwareRefusal.ALREADY_INSTALLED));
    }

    @Test
    void anInstallOfTheImageItRunsConfirmedAnswersHowThatInstallEnded() throws Exception {
        GatewayUpdate update = staged(site());
        FirmwareInstalled first = update.install(NEXT.manifest().imageSha256(), "supervisor");

        FirmwareInstalled again = update.install(NEXT.manifest().imageSha256(), "another supervisor");

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> update.take(chunk(NEXT, 3))).as("a chunk another console still sends")
                .isInstanceOfSatisfying(FirmwareRefusedException.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(FirmwareRefusal.ALREADY_INSTALLED);
                    assertThat(refused.getMessage()).contains("runs gw-sim-2.5.0 already, confirmed");
                });
        assertThat(new GatewayUpdate(site()).install(NEXT.manifest().imageSha256(), "supervisor"))
                .as("started again").isEqualTo(first);
    }

    @Test
    void twoConsolesInstallingTheSameImageAtOnceBothHearItConfirmed() throws Exception {
        staged(site());
        SimFirmware firmware = new SimFirmware(site(), new Object());
        ExecutorService consoles = Executors.newFixedThreadPool(2);
        try {
            List<Future<FirmwareInstalled>> installs = consoles.invokeAll(List.of(
                    () -> firmware.install(NEXT.manifest().imageSha256(), "supervisor A"),
                    () -> firmware.install(NEXT.manifest().imageSha256(), "supervisor B")));

            for (Future<FirmwareInstalled> install : installs) {
                assertThat(install.get(1, TimeUnit.MINUTES).outcome().confirmed()).isTrue();
                assertThat(install.get().running()).isEqualTo(new FirmwareState.Slot("B", "gw-sim-2.5.0", 8, true));
            }
            assertThat(directory.resolve("slot-A.bin")).as("installed once, into B only").doesNotExist();
        } finally {
            consoles.shutdownNow();
        }
    }

    @Test
    void revertsToTheSlotItRanWhenAMeterReadFailsOnTheTrialBoot() throws Exception {
        FakeFirmwareSite site = site();
        site.meterReadWorks = false;
        GatewayUpdate update = staged(site);

        FirmwareInstalled installed = update.install(NEXT.manifest().imageSha256(), "supervisor");

        assertThat(installed.outcome().confirmed()).isFalse();
        assertThat(installed.outcome().reason())
                .isEqualTo("meter-read failed: no meter's reading reached the gateway in the last quarter hour");
        assertThat(installed.running()).isEqualTo(new FirmwareState.Slot("A", "gw-sim-2.4.1", 7, true));
        FirmwareState state = new GatewayUpdate(site()).state(null);
        assertThat(state.running().version()).as("started again").isEqualTo("gw-sim-2.4.1");
        assertThat(state.other()).isEqualTo(new FirmwareState.Slot("B", "gw-sim-2.5.0", 8, false));
        assertThat(state.lastUpdate().reason()).startsWith("meter-read failed");
        assertThat(state.staged()).as("kept for another try").hasSize(1);
    }

    @Test
    void aHealthCheckFailedOnPurposeRevertsAsARealFailureWould() throws Exception {
        GatewayUpdate update = staged(site());
        update.failHealthCheck("mesh-radio");

        FirmwareInstalled installed = update.install(NEXT.manifest().imageSha256(), "supervisor");

        assertThat(installed.outcome().reason()).isEqualTo("mesh-radio failed: no meter has a route to the gateway");
        assertThat(update.runningVersion()).isEqualTo("gw-sim-2.4.1");
        assertThatThrownBy(() -> update.failHealthCheck("disk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToInstallAnImageNotHeldWholeOrAMeterImage() throws Exception {
        GatewayUpdate update = new GatewayUpdate(site());
        update.offer(NEXT.signedManifestBytes());
        update.take(chunk(NEXT, 0));
        FirmwareImage meter = meterImage("mtr-3.3.0");
        update.offer(meter.signedManifestBytes());
        for (int index = 0; index < meter.manifest().chunkCount(); index++) {
            update.take(chunk(meter, index));
        }

        assertThatThrownBy(() -> update.install(NEXT.manifest().imageSha256(), "supervisor"))
                .isInstanceOf(FirmwareRefusedException.class).hasMessageContaining("holds 1 of the 16 chunks");
        assertThatThrownBy(() -> update.install(meter.manifest().imageSha256(), "supervisor"))
                .isInstanceOfSatisfying(FirmwareRefusedException.class,
                        refused -> assertThat(refused.refusal()).isEqualTo(FirmwareRefusal.OTHER_HARDWARE));
        assertThat(update.runningVersion()).isEqualTo("gw-sim-2.4.1");
    }

    @Test
    void aPowerCutWhileTheSlotIsWrittenBootsTheOldImageWithTheSlotEmpty() throws Exception {
        FirmwareState state = cutAndStartAgain(InstallStep.WRITING_SLOT);

        assertThat(state.running()).isEqualTo(new FirmwareState.Slot("A", "gw-sim-2.4.1", 7, true));
        assertThat(state.other()).isNull();
        assertThat(state.lastUpdate().confirmed()).isFalse();
        assertThat(state.lastUpdate().reason()).startsWith("power was cut while the image was written to slot B");
        assertThat(state.staged()).as("still held whole, to install again").singleElement()
                .satisfies(staged -> assertThat(staged.complete()).isTrue());
    }

    @Test
    void aPowerCutAfterTheTrialIsMarkedBootsTheOldImage() throws Exception {
        FirmwareState state = cutAndStartAgain(InstallStep.TRIAL_MARKED);

        assertThat(state.running().version()).isEqualTo("gw-sim-2.4.1");
        assertThat(state.other()).isEqualTo(new FirmwareState.Slot("B", "gw-sim-2.5.0", 8, false));
        assertThat(state.lastUpdate().reason()).startsWith("power was cut during the trial boot");
    }

    @Test
    void aPowerCutDuringTheHealthChecksBootsTheOldImage() throws Exception {
        FirmwareState state = cutAndStartAgain(InstallStep.HEALTH_CHECKS);

        assertThat(state.running().version()).isEqualTo("gw-sim-2.4.1");
        assertThat(state.lastUpdate().confirmed()).isFalse();
        assertThat(state.lastUpdate().reason()).startsWith("power was cut during the trial boot");
    }

    @Test
    void aPowerCutAfterTheConfirmBootsTheNewImage() throws Exception {
        FirmwareState state = cutAndStartAgain(InstallStep.CONFIRMED);

        assertThat(state.running()).isEqualTo(new FirmwareState.Slot("B", "gw-sim-2.5.0", 8, true));
        assertThat(state.lastUpdate().confirmed()).isTrue();
    }

    @Test
    void aGatewayWhosePowerWasCutAnswersNothing() throws Exception {
        GatewayUpdate update = staged(site());
        update.cutPowerAt(InstallStep.TRIAL_MARKED);

        assertThatThrownBy(() -> update.install(NEXT.manifest().imageSha256(), "supervisor"))
                .isInstanceOf(PowerCutException.class);
        assertThatThrownBy(() -> update.state(null)).isInstanceOf(PowerCutException.class);
    }

    private FirmwareState cutAndStartAgain(InstallStep step) throws Exception {
        GatewayUpdate update = staged(site());
        update.cutPowerAt(step);
        assertThatThrownBy(() -> update.install(NEXT.manifest().imageSha256(), "supervisor"))
                .isInstanceOf(PowerCutException.class);

        FakeFirmwareSite later = site();
        later.now = later.now.plusSeconds(60);
        FirmwareState state = new GatewayUpdate(later).state(null);
        assertThat(state.lastUpdate().version()).isEqualTo("gw-sim-2.5.0");
        assertThat(new GatewayUpdate(later).state(null)).as("a second start changes nothing").isEqualTo(state);
        return state;
    }

    private void assertRefused(byte[] signedManifest, FirmwareRefusal reason) {
        assertRefused(signedManifest, reason, site().fleet);
    }

    private void assertRefused(byte[] signedManifest, FirmwareRefusal reason, List<FleetMeter> fleet) {
        FakeFirmwareSite site = site();
        site.fleet.clear();
        site.fleet.addAll(fleet);
        GatewayUpdate update = new GatewayUpdate(site);
        assertThatThrownBy(() -> update.offer(ByteString.of(signedManifest))).as(reason.name())
                .isInstanceOfSatisfying(FirmwareRefusedException.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(reason);
                    assertThat(refused.getMessage()).isNotBlank();
                });
    }

    private GatewayUpdate staged(FakeFirmwareSite site) throws FirmwareRefusedException {
        GatewayUpdate update = new GatewayUpdate(site);
        update.offer(NEXT.signedManifestBytes());
        for (int index = 0; index < NEXT.manifest().chunkCount(); index++) {
            update.take(chunk(NEXT, index));
        }
        return update;
    }

    /** A chunk's record as the flash holds it: its index and the CRC-32C of the index. */
    private static byte[] record(int index) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(index).flip());
        return ByteBuffer.allocate(8).putInt(index).putInt((int) crc.getValue()).array();
    }

    private FakeFirmwareSite site() {
        return new FakeFirmwareSite(directory);
    }

    private static FirmwareChunk chunk(FirmwareImage image, int index) {
        return new FirmwareChunk(image.manifest().imageSha256(), index, ByteString.of(image.chunk(index)));
    }

    private static FirmwareImage gatewayImage(String version, long counter, String hardware, SigningKey key) {
        return FirmwareImage.build(FirmwareProduct.GATEWAY, List.of(hardware), version, counter, CHUNK,
                "A test image.", BUILT, SampleFirmware.bytes(version.hashCode(), SIZE), key);
    }

    private static FirmwareImage meterImage(String version) {
        return FirmwareImage.build(FirmwareProduct.METER, List.of("mtr-r2", "mtr-r3"), version, 7, 1024,
                "A test meter image.", BUILT, SampleFirmware.bytes(version.hashCode(), 3000), SampleFirmware.key());
    }

    private static FirmwareManifest gatewayManifest(FirmwareManifest manifest, String notes) {
        return new FirmwareManifest(manifest.product(), manifest.hardwareIds(), manifest.version(),
                manifest.securityCounter(), manifest.imageSize(), manifest.imageSha256(), manifest.chunkSize(),
                manifest.chunkSha256(), notes, manifest.built());
    }
}
