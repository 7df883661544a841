package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect ... health} against a simulated site whose backhaul is down and whose gateway rebooted. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HealthCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");

    @TempDir
    static Path home;

    private static CommandSite fixture;
    private static SimulatedSite site;
    private static String tcp;
    private static String supervisor;

    /** Two days of the backhaul-loss scenario: the backhaul is down now, and the gateway rebooted at 09:25. */
    @BeforeAll
    static void startSite() throws IOException {
        fixture = CommandSite.start(home, NOW, () ->
                SimulatedSite.start(new SiteSpec(30, 42, 2, NOW), SimClock.manual(NOW),
                        Scenarios.named("backhaul-loss")));
        site = fixture.site();
        tcp = fixture.tcp();
        supervisor = fixture.supervisor();
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    @Test
    void healthJsonCarriesTheGatewaysReport() throws IOException {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "health", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode health = new ObjectMapper().readTree(run.out());
        assertThat(health.get("uptimeSeconds").asLong()).isEqualTo(52_500);
        assertThat(health.get("backhaul").asText()).isEqualTo("down");
        assertThat(health.get("signalDbm").isNull()).isTrue();
        assertThat(health.get("clockOffsetMillis").isNull()).isTrue();
        assertThat(health.get("loadPerMille").asInt()).isPositive();
        assertThat(health.get("memoryUsedKib").asLong()).isPositive()
                .isLessThanOrEqualTo(health.get("memoryTotalKib").asLong());
        assertThat(health.get("intakeQueueDepth").asInt()).isNotNegative();
        assertThat(health.get("meshQueueDepth").asInt()).isNotNegative();
        assertThat(Instant.parse(health.get("gatewayClock").asText())).isEqualTo(NOW);
        JsonNode traffic = health.get("traffic");
        assertThat(traffic.size()).isEqualTo(8);
        JsonNode last = traffic.get(7);
        assertThat(Instant.parse(last.get("opening").asText())).isEqualTo(NOW.minusSeconds(900));
        assertThat(last.get("sent").asInt()).isBetween(25, 30);
        assertThat(last.get("burstPer10s").asInt()).isPositive();
        assertThat(last.get("medianLatencyMillis").asLong()).isPositive();
    }

    @Test
    void healthPrintsOneFieldALineAndNoneForWhatIsMissing() {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "health");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("uptimeSeconds     52500").contains("backhaul          down")
                .contains("signalDbm         none").contains("meshQueueDepth    ")
                .contains("traffic           per quarter hour, from when the meters sent, oldest first:")
                .containsPattern("(?m)^  2026-06-02T23:45:00Z  sent \\d+  arrived \\d+  burst \\d+/10s  "
                        + "intake peak \\d+  mesh queue \\d+");
    }
}
