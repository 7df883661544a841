package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.AppDirs;
import io.gridside.link.auth.Role;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.cloud.CloudFaults;
import io.gridside.sim.cloud.CloudServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revocation from the operator's office to the gateway, end to end on the command line: the cloud publishes the
 * demo operator's list, {@code sync} brings it into the site's database, the next {@code connect} gives it to the
 * simulated gateway, and the gateway refuses the technician it revokes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RevocationsFromTheCloudTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    @TempDir
    Path home;

    @Test
    void aListPublishedInTheCloudReachesTheGatewayThroughSyncAndConnect() throws Exception {
        try (CommandSite site = CommandSite.start(home, NOW,
                () -> SimulatedSite.start(new SiteSpec(10, 6, 1, NOW), SimClock.manual(NOW)));
                CloudServer cloud = CloudServer.start(home.resolve("cloud"), CloudFaults.none())) {
            String siteId = site.site().gateway().profile().siteId();
            cloud.publishRevocations(siteId, DemoOperator.demoRevocations(NOW));
            String former = Credentials.write(home, "former.json", DemoOperator.issue(
                    DemoOperator.REVOKED_TECHNICIAN_ID, "Former technician", Role.TECHNICIAN, List.of(siteId),
                    NOW.minus(Duration.ofDays(1)), Duration.ofDays(90), Map.of()));
            CommandRun pulled = site.connect(site.supervisor(), "audit");
            assertThat(pulled.exitCode()).as(pulled.err()).isZero();
            CommandRun before = site.pinned().connect(former, "status");
            assertThat(before.exitCode()).as("not revoked yet: " + before.err()).isZero();
            Path database = AppDirs.forCurrentUser().siteDatabase(siteId);

            CommandRun synced = CommandRun.of("sync", "--site", database.toString(), "--cloud", cloud.url(), "--pin",
                    cloud.pin(), "--credential", site.supervisor());
            CommandRun shown = CommandRun.of("credential", "revocations", "--site", database.toString());
            CommandRun carried = site.connect(site.supervisor(), "status");
            CommandRun refused = site.connect(former, "status");

            assertThat(synced.exitCode()).as(synced.err()).isZero();
            assertThat(shown.out()).contains("Revocation list 1").contains(DemoOperator.REVOKED_TECHNICIAN_ID);
            assertThat(carried.exitCode()).as(carried.err()).isZero();
            assertThat(carried.err()).contains("gridside: revocations pushed (serial 1)");
            assertThat(refused.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(refused.err()).contains("AUTH_CREDENTIAL_REVOKED").contains("ask your supervisor");
        }
    }
}
