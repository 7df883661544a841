package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.ScenarioParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bill credit} over a site pulled with {@code connect ... audit}: from the ledger and readings alone it
 * finds the energy past zero credit that the gateway's engine counted, for a meter that was off the mesh too.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CreditPulledSiteTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");

    @TempDir
    Path home;

    @Test
    void findsTheGatewaysEnergyPastZeroForEveryCustomerFromThePulledSite() throws IOException {
        var offMesh = ScenarioParser.parse("off-mesh", """
                {"name": "off-mesh", "days": 2, "steps": [
                  {"at": "P1DT12H", "kind": "repeater-failure", "meter": "M00048", "duration": "PT6H"}]}""");
        try (CommandSite fixture = CommandSite.start(home, NOW, () ->
                SimulatedSite.start(new SiteSpec(60, 42, 2, NOW), SimClock.manual(NOW), offMesh))) {
            Path database = home.resolve("site.db");
            CommandRun pull = CommandRun.of("connect", "--tcp", fixture.tcp(), "--credential", fixture.supervisor(),
                    "audit", "--site", database.toString());
            assertThat(pull.exitCode()).as(pull.out() + pull.err()).isZero();

            CommandRun run = CommandRun.of("bill", "credit", "--site", database.toString(), "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode rows = new ObjectMapper().readTree(run.out());
            assertThat(rows).hasSize(60);
            long offMeshWh = 0;
            for (JsonNode row : rows) {
                String customer = row.get("customerId").asText();
                long gateway = fixture.site().gateway().energyPastZeroWh(customer);
                assertThat(row.get("energyPastZeroWh").asLong()).as(customer).isEqualTo(gateway);
                offMeshWh += customer.equals("C00048") ? gateway : 0;
            }
            assertThat(offMeshWh).isGreaterThan(1_000);
        }
    }
}
