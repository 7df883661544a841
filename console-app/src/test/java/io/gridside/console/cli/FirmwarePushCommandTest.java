package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.PublishedPorts;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
    void aTechnicianSendsTheImageButMayNotInstallIt() throws Exception {
        String technician = fixture.technician(home, NOW, Duration.ofDays(2), Map.of());

        CommandRun run = push(technician, images.resolve(SampleFirmware.GATEWAY_FILE));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("[ROLE_FORBIDDEN]");
        assertThat(fixture.site().gateway().profile().firmware()).isEqualTo("gw-sim-2.4.1");

        CommandRun supervisor = push(fixture.supervisor(), images.resolve(SampleFirmware.GATEWAY_FILE));

        assertThat(supervisor.exitCode()).as(supervisor.err()).isZero();
        assertThat(supervisor.err()).contains("resuming: 64 of 64 chunks already on the gateway");
    }
}
