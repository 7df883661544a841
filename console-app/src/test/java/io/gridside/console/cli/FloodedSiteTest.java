package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.mesh.GatewayIntake;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A site where one meter floods its gateway, seen from the console over TCP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FloodedSiteTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final String FLOODER = "M00005";

    @TempDir
    static Path home;

    private static CommandSite fixture;
    private static SimulatedSite site;
    private static String tcp;
    private static String supervisor;

    @BeforeAll
    static void startFloodedSite() throws IOException {
        fixture = CommandSite.start(home, NOW, () -> {
            SimClock.Manual clock = SimClock.manual(NOW);
            SimulatedSite flooded = SimulatedSite.start(new SiteSpec(20, 4, 1, NOW), clock);
            flooded.gateway().flood(FLOODER, 2 * GatewayIntake.SLOTS_PER_INTERVAL);
            clock.advance(Duration.ofHours(3));
            return flooded;
        });
        site = fixture.site();
        tcp = fixture.tcp();
        supervisor = fixture.supervisor();
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    @Test
    void theFlooderStopsReportingWhileEveryOtherMeterReportsOnTime() throws IOException {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "meters", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Instant lastTick = Instant.parse("2026-06-03T12:00:00Z");
        for (JsonNode meter : new ObjectMapper().readTree(run.out())) {
            Instant lastReading = Instant.parse(meter.get("lastReadingAt").asText());
            if (meter.get("meterId").asText().equals(FLOODER)) {
                assertThat(lastReading).isBefore(lastTick.minus(Duration.ofHours(2)));
            } else {
                assertThat(lastReading).as(meter.get("meterId").asText()).isEqualTo(lastTick);
            }
        }
    }

    @Test
    void theConsolesAuditAgreesWithTheFloodedGateway(@TempDir Path dir) throws IOException {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "audit", "--site",
                dir.resolve("site.db").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode audit = new ObjectMapper().readTree(run.out()).get("audit");
        assertThat(audit.get("agrees").asBoolean()).isTrue();
        assertThat(audit.get("entriesCompared").asLong()).isEqualTo(site.gateway().ledgerAfter(0).size());
    }
}
