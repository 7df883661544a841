package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.PublishedPorts;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.SignedManifest;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect ... firmware push --target gateway} and {@code firmware status} against a simulated site on
 * loopback TCP: the sample image installed and confirmed, a failed health check reverted, each bad image refused by
 * the console with its own code before a byte is sent, and the install kept in the site's database.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirmwarePushCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:07:00Z");

    @TempDir
    Path home;

    private CommandSite fixture;
    private Path images;

    @BeforeEach
    void startSite() throws IOException {
        fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(8, 5, 1, NOW),
                SimClock.manual(NOW))).pinned();
        images = home.resolve("images");
        SampleFirmware.writeSamples(images);
    }

    @AfterEach
    void stopSite() {
        fixture.close();
    }

    private CommandRun push(String credential, Path image, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "firmware";
        args[1] = "push";
        args[2] = image.toString();
        args[3] = "--target=gateway";
        System.arraycopy(more, 0, args, 4, more.length);
        return fixture.connect(credential, args);
    }

    private Path siteDatabase() {
        return home.resolve("data").resolve("sites").resolve(fixture.site().gateway().profile().siteId() + ".db");
    }

    @Test
    void installsTheSampleImageReportsItConfirmedAndKeepsTheInstall() throws Exception {
        CommandRun run = push(fixture.supervisor(), images.resolve(SampleFirmware.GATEWAY_FILE));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("gw-sim-2.5.0 confirmed on the gateway").contains("passed");
        assertThat(run.err()).contains("sending: 64 of 64 chunks on the gateway (100%)")
                .contains("installing:").doesNotContain("resuming");
        assertThat(fixture.site().gateway().profile().firmware()).isEqualTo("gw-sim-2.5.0");

        CommandRun status = fixture.connect(fixture.supervisor(), "firmware", "status", "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.at("/running/version").asText()).isEqualTo("gw-sim-2.5.0");
        assertThat(json.at("/lastUpdate/confirmed").asBoolean()).isTrue();
        assertThat(json.at("/campaign").isNull()).isTrue();
        CommandRun text = fixture.connect(fixture.supervisor(), "firmware", "status");
        assertThat(text.out()).contains("running  slot B: gw-sim-2.5.0 (security counter 8)")
                .contains("other    slot A: gw-sim-2.4.1").contains("Last install: gw-sim-2.5.0 confirmed")
                .contains("Meter campaign: none");
        try (SiteStore store = SiteStore.open(siteDatabase())) {
            assertThat(store.firmware().installs()).as("heard from the push and from the status, kept once")
                    .singleElement().extracting(GatewayInstall::version, GatewayInstall::confirmed)
                    .containsExactly("gw-sim-2.5.0", true);
        }
    }

    @Test
    void installsOverSerialToo() throws Exception {
        String serial = fixture.site().listenSerial();
        PublishedPorts.in(AppDirs.forCurrentUser()).publish(serial, fixture.site().gateway().layout().gatewayId());

        CommandRun run = CommandRun.of("connect", "--serial", serial, "--credential", fixture.supervisor(),
                "firmware", "push", images.resolve(SampleFirmware.GATEWAY_FILE).toString(), "--target", "gateway",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("sent").asInt()).isEqualTo(64);
        assertThat(json.at("/outcome/confirmed").asBoolean()).isTrue();
        assertThat(fixture.site().gateway().profile().firmware()).isEqualTo("gw-sim-2.5.0");
    }

    @Test
    void aFailedHealthCheckRevertsAndExitsWithOneSayingWhy() {
        fixture.site().gateway().firmware().update().failHealthCheck("meter-read");

        CommandRun run = push(fixture.supervisor(), images.resolve(SampleFirmware.GATEWAY_FILE));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("gw-sim-2.5.0 reverted on the gateway").contains("FAILED meter-read");
        assertThat(fixture.site().gateway().profile().firmware()).isEqualTo("gw-sim-2.4.1");
    }

    @Test
    void refusesEachBadImageWithItsOwnCodeAndSendsNothing() throws Exception {
        Map<FirmwareRefusal, Path> bad = BadImages.write(home.resolve("bad"));

        // A good file of the version that runs is no refusal for a push: it says so and sends nothing.
        CommandRun same = push(fixture.supervisor(), bad.remove(FirmwareRefusal.ALREADY_INSTALLED));
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).startsWith("The gateway already runs gw-sim-2.4.1;");
        for (Map.Entry<FirmwareRefusal, Path> image : bad.entrySet()) {
            CommandRun run = push(fixture.supervisor(), image.getValue());

            assertThat(run.exitCode()).as(image.getKey() + ": " + run.err()).isEqualTo(ExitCode.FAILED);
            assertThat(run.errLines()).as(image.getKey().name()).singleElement().asString()
                    .startsWith("gridside: ").endsWith("[" + image.getKey().code() + "]");
        }
        assertThat(fixture.site().gateway().firmware().state().staged()).as("nothing sent").isEmpty();
        assertThat(fixture.site().gateway().profile().firmware()).isEqualTo("gw-sim-2.4.1");
    }

    @Test
    void aMeterImageIsNoGatewayImageAndAMissingFileIsAUsageError() {
        CommandRun meter = push(fixture.supervisor(), images.resolve(SampleFirmware.METER_FILE));
        CommandRun missing = push(fixture.supervisor(), images.resolve("nothing.gsfw"));

        assertThat(meter.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(meter.err()).contains("[FIRMWARE_OTHER_HARDWARE]");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("There is no image file at");
    }

    @Test
    void aTechniciansPushIsRefusedBeforeAByteIsSentSayingASupervisorIsNeeded() throws Exception {
        String technician = fixture.technician(home, NOW, Duration.ofDays(2), Map.of());

        CommandRun run = push(technician, images.resolve(SampleFirmware.GATEWAY_FILE));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()).singleElement().asString().contains("needs a supervisor's credential")
                .contains("nothing was sent").endsWith("[ROLE_FORBIDDEN]");
        assertThat(run.err()).doesNotContain("sending:");
        assertThat(fixture.site().gateway().firmware().state().staged()).as("not a byte sent").isEmpty();
        assertThat(fixture.site().gateway().profile().firmware()).isEqualTo("gw-sim-2.4.1");

        CommandRun supervisor = push(fixture.supervisor(), images.resolve(SampleFirmware.GATEWAY_FILE));

        assertThat(supervisor.exitCode()).as(supervisor.err()).isZero();
        assertThat(supervisor.err()).contains("sending: 64 of 64 chunks").doesNotContain("resuming");
    }

    @Test
    void everyCopyOfTheRunningImageIsCheckedWholeAndOnlyAGoodOneSaysItRunsAlready() throws Exception {
        Path good = images.resolve(SampleFirmware.GATEWAY_FILE);
        assertThat(push(fixture.supervisor(), good).exitCode()).isZero();
        FirmwareImage sample = SampleFirmware.gatewayImage();
        byte[] signature = sample.signed().signature().toByteArray();
        signature[7] ^= 0x01;
        Path badSignature = Files.write(home.resolve("flipped-signature.gsfw"), FirmwareImage.of(new SignedManifest(
                sample.manifest(), sample.signed().publicKey(), ByteString.of(signature)), sample.bytes())
                .fileBytes());
        byte[] file = sample.fileBytes();
        file[file.length - 20_000] ^= 0x10;
        Path damaged = Files.write(home.resolve("damaged.gsfw"), file);

        CommandRun signed = push(fixture.supervisor(), badSignature);
        CommandRun signedJson = push(fixture.supervisor(), badSignature, "--json");
        CommandRun broken = push(fixture.supervisor(), damaged);
        CommandRun brokenJson = push(fixture.supervisor(), damaged, "--json");
        CommandRun again = push(fixture.supervisor(), good);
        CommandRun againJson = push(fixture.supervisor(), good, "--json");

        assertThat(signed.exitCode()).as(signed.err()).isEqualTo(ExitCode.FAILED);
        assertThat(signed.err()).endsWith("[FIRMWARE_BAD_SIGNATURE]" + System.lineSeparator());
        assertThat(signed.out()).doesNotContain("confirmed");
        assertThat(signedJson.exitCode()).isEqualTo(ExitCode.FAILED);
        JsonNode signedAnswer = new ObjectMapper().readTree(signedJson.out());
        assertThat(signedAnswer.get("refusal").asText()).isEqualTo("FIRMWARE_BAD_SIGNATURE");
        assertThat(signedAnswer.get("ok").asBoolean()).isFalse();
        assertThat(signedAnswer.has("alreadyHeld")).isFalse();
        assertThat(broken.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(broken.err()).contains("does not match its manifest's SHA-256").contains("[FIRMWARE_DAMAGED]");
        assertThat(new ObjectMapper().readTree(brokenJson.out()).get("refusal").asText())
                .isEqualTo("FIRMWARE_DAMAGED");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("The gateway already runs gw-sim-2.5.0, confirmed")
                .contains("nothing was sent");
        JsonNode answer = new ObjectMapper().readTree(againJson.out());
        assertThat(answer.get("ending").asText()).isEqualTo("already_running");
        assertThat(answer.get("alreadyHeld").asInt()).isZero();
        assertThat(answer.get("sent").asInt()).isZero();
        assertThat(answer.get("message").asText()).contains("already runs gw-sim-2.5.0");
    }

    @Test
    void theOutcomeIsTimedToTheSecondInTheSitesZone() {
        CommandRun run = push(fixture.supervisor(), images.resolve(SampleFirmware.GATEWAY_FILE));

        assertThat(run.exitCode()).as(run.err()).isZero();
        ZoneId zone = ZoneId.of(fixture.site().gateway().profile().timeZone());
        assertThat(run.out()).containsPattern("gw-sim-2\\.5\\.0 confirmed on the gateway at "
                + "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} " + java.util.regex.Pattern.quote(
                        java.time.format.DateTimeFormatter.ofPattern("z").format(NOW.atZone(zone))) + "\\.");
    }

    @Test
    void aDamagedFileIsRefusedBeforeTheGatewayIsReachedAndAnUnreachableOneSaysWhatToCheck() throws Exception {
        byte[] file = SampleFirmware.gatewayImage().fileBytes();
        file[file.length - 20_000] ^= 0x10;
        Path damaged = Files.write(home.resolve("damaged.gsfw"), file);
        String nowhere = "127.0.0.1:1";

        CommandRun broken = CommandRun.of("connect", "--tcp", nowhere, "--credential", fixture.supervisor(),
                "firmware", "push", damaged.toString(), "--target", "gateway");
        CommandRun unreachable = CommandRun.of("connect", "--tcp", nowhere, "--credential", fixture.supervisor(),
                "firmware", "push", images.resolve(SampleFirmware.GATEWAY_FILE).toString(), "--target", "gateway");

        assertThat(broken.exitCode()).as(broken.err()).isEqualTo(ExitCode.FAILED);
        assertThat(broken.err()).contains("[FIRMWARE_DAMAGED]");
        assertThat(unreachable.exitCode()).as(unreachable.err()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(unreachable.err()).contains("Check the cable").contains("that the gateway has power")
                .contains("address and port").contains("[UNREACHABLE]");
    }

    @Test
    void aDroppedLinkSaysToRunTheSameCommandAgain() {
        Exception dropped = ConnectFirmwareCommand.failure(new io.gridside.link.client.LinkException(
                io.gridside.link.client.LinkException.Code.CLOSED, "The link to the gateway dropped"), true);

        assertThat(GridsideCommand.linkLine((io.gridside.link.client.LinkException) dropped))
                .isEqualTo("The link to the gateway dropped. Run the same command again: it resumes with the chunks "
                        + "the gateway holds. [CLOSED]");
    }
}
