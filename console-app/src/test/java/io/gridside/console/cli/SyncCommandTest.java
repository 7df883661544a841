package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.sync.LaptopId;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.cloud.CloudFaults;
import io.gridside.sim.cloud.CloudServer;
import io.gridside.sim.month.MonthSpec;
import io.gridside.sim.month.SiteMonth;
import io.gridside.site.store.SiteStore;
import io.gridside.site.sync.SyncConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SyncCommandTest {

    @TempDir
    static Path cache;

    @TempDir
    Path home;

    private String previousHome;
    private CloudServer cloud;
    private Path site;
    private String credential;

    @BeforeEach
    void start() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        site = home.resolve("site.db");
        Files.copy(SiteMonth.obtain(new MonthSpec(8, 3, MonthSpec.NO_SCENARIO, 1), cache), site);
        String siteId;
        try (SiteStore store = SiteStore.open(site)) {
            siteId = store.site().orElseThrow().siteId();
        }
        credential = Credentials.write(home, "supervisor.json", DemoOperator.supervisorFor(siteId, Instant.now()));
        cloud = CloudServer.start(home.resolve("cloud"), CloudFaults.none());
    }

    @AfterEach
    void stop() {
        cloud.close();
        Credentials.restoreHome(previousHome);
    }

    @Test
    void syncsTheSiteAndKeepsTheCloudForTheNextRun() throws IOException {
        CommandRun first = CommandRun.of("sync", "--site", site.toString(), "--cloud", cloud.url(), "--pin",
                cloud.pin(), "--credential", credential);
        CommandRun second = CommandRun.of("sync", "--site", site.toString(), "--credential", credential, "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("everything was acknowledged");
        assertThat(first.err()).contains("ledger: acknowledged up to");
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(second.out());
        assertThat(json.path("complete").asBoolean()).isTrue();
        assertThat(json.path("cloud").asText()).isEqualTo(cloud.url());
        assertThat(json.path("up").path("ledger").path("itemsSent").asLong()).isZero();
        assertThat(json.path("up").path("ledger").path("checkpoint").asLong()).isPositive();
        try (SiteStore store = SiteStore.open(site)) {
            assertThat(store.sync().config()).contains(new SyncConfig(cloud.url(), cloud.pin()));
        }
    }

    @Test
    void aFirstRunCutShortAfterTheHandshakeKeepsTheCloudForTheNext() {
        CloudFaults faults = CloudFaults.none().retryAfterSeconds(0);
        for (int i = 0; i < 20; i++) {
            faults.once(CloudFaults.Kind.DROP_BEFORE, "/batches/");
        }
        CloudServer cutting = CloudServer.start(home.resolve("cutting-cloud"), faults);
        try (cutting) {
            CommandRun first = CommandRun.of("sync", "--site", site.toString(), "--cloud", cutting.url(), "--pin",
                    cutting.pin(), "--credential", credential);
            faults.off();
            CommandRun second = CommandRun.of("sync", "--site", site.toString(), "--credential", credential);

            assertThat(first.exitCode()).as(first.out() + first.err()).isNotZero();
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains("everything was acknowledged");
        }
    }

    @Test
    void aLaptopReportedLostIsRefusedWithExitThree() throws IOException {
        cloud.reportLaptopLost(LaptopId.in(AppDirs.forCurrentUser().data()));

        CommandRun run = CommandRun.of("sync", "--site", site.toString(), "--cloud", cloud.url(), "--pin",
                cloud.pin(), "--credential", credential, "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.err()).contains("[LAPTOP_REPORTED_LOST]");
        assertThat(new ObjectMapper().readTree(run.out()).path("error").asText()).isEqualTo("laptop_reported_lost");
    }

    @Test
    void aCloudThatDoesNotMatchThePinIsRefusedWithExitThreeAndNotKept() throws IOException {
        String other = "sha256/" + Base64.getEncoder().encodeToString(new byte[32]);

        CommandRun run = CommandRun.of("sync", "--site", site.toString(), "--cloud", cloud.url(), "--pin", other,
                "--credential", credential);

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.err()).contains(other).contains("[PIN_MISMATCH]");
        try (SiteStore store = SiteStore.open(site)) {
            assertThat(store.sync().config()).isEmpty();
        }
    }

    @Test
    void aCloudThatDoesNotAnswerExitsWithThree() throws IOException {
        String url = cloud.url();
        String pin = cloud.pin();
        cloud.close();

        CommandRun run = CommandRun.of("sync", "--site", site.toString(), "--cloud", url, "--pin", pin,
                "--credential", credential);

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.err()).contains("[UNREACHABLE]");
    }

    @Test
    void withoutACloudOrPinItIsAUsageError() {
        CommandRun noCloud = CommandRun.of("sync", "--site", site.toString(), "--credential", credential);
        CommandRun badPin = CommandRun.of("sync", "--site", site.toString(), "--cloud", cloud.url(), "--pin",
                "md5/abc", "--credential", credential);
        CommandRun plainHttp = CommandRun.of("sync", "--site", site.toString(), "--cloud", "http://127.0.0.1:1",
                "--pin", cloud.pin(), "--credential", credential);

        assertThat(noCloud.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noCloud.err()).contains("--cloud");
        assertThat(badPin.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badPin.err()).contains("sha256/");
        assertThat(plainHttp.exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
