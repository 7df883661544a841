package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimBilling;
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
 * A gateway on a time-of-use tariff bills a meter's six hours off the mesh by VEE's spread when the meter comes
 * back, and adjusts by what moved when the meter's backfill replaces the estimate; the console's audit replays it
 * entry for entry, and its reconciliation, re-rating with the actuals the gateway serves, finds every line alike.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GapBillingAuditTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");

    @TempDir
    Path home;

    @Test
    void auditAndReconcileAgreeWithAGatewayThatSpreadAGap() throws IOException {
        var offMesh = ScenarioParser.parse("off-mesh", """
                {"name": "off-mesh", "days": 2, "steps": [
                  {"at": "P1DT12H", "kind": "repeater-failure", "meter": "M00048", "duration": "PT6H"}]}""");
        try (CommandSite fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(
                new SiteSpec(60, 42, 2, NOW).withBilling(SimBilling.REALISTIC), SimClock.manual(NOW), offMesh))) {
            assertThat(fixture.site().gateway().estimates(Instant.EPOCH, NOW))
                    .anySatisfy(gap -> assertThat(gap.meterId()).isEqualTo("M00048"));
            // The meter's backfill replaced the estimate, so the gateway adjusted: reconcile needs the actuals.
            assertThat(fixture.site().gateway().gapFills(Instant.EPOCH, NOW))
                    .anySatisfy(fill -> assertThat(fill.meterId()).isEqualTo("M00048"));
            assertThat(fixture.site().gateway().ledgerAfter(0)).anySatisfy(entry -> assertThat(entry.reference())
                    .contains(" estimate-replaced "));

            CommandRun audit = CommandRun.of("connect", "--tcp", fixture.tcp(), "--credential", fixture.supervisor(),
                    "audit", "--site", home.resolve("site.db").toString());
            CommandRun reconcile = CommandRun.of("connect", "--tcp", fixture.tcp(), "--credential",
                    fixture.supervisor(), "reconcile", "--site", home.resolve("site.db").toString(), "--json");

            assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(ExitCode.OK);
            assertThat(reconcile.exitCode()).as(reconcile.out() + reconcile.err()).isEqualTo(ExitCode.OK);
            JsonNode report = new ObjectMapper().readTree(reconcile.out());
            assertThat(report.get("clean").asBoolean()).isTrue();
            assertThat(report.get("differences")).isEmpty();
        }
    }
}
