package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Reconciliation;
import io.gridside.billing.Replay;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.ScenarioParser;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A meter the gateway cannot reach keeps consuming: its charges catch up only when its readings do, so the
 * energy it delivers past zero credit is the cost of its time off the mesh.
 */
class OffMeshCreditTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");

    /**
     * On this site (seed 42, 60 meters) C00048, a customer with no payment due, runs out of credit on the second
     * afternoon; here its radio fails for six hours across that moment, as a failed repeater's would.
     */
    private static final Scenario OFF_MESH = ScenarioParser.parse("off-mesh", """
            {"name": "off-mesh", "days": 2, "steps": [
              {"at": "P1DT12H", "kind": "repeater-failure", "meter": "M00048", "duration": "PT6H"}
            ]}""");

    @Test
    void aMeterOffTheMeshDeliversMoreEnergyPastZeroCreditThanOneTheGatewayCouldCut() {
        try (SimulatedGateway dark = site(OFF_MESH); SimulatedGateway reachable = site(Scenario.NONE)) {
            long offMesh = dark.energyPastZeroWh("C00048");
            long cut = reachable.energyPastZeroWh("C00048");

            // Cut at the first reading below zero, the reachable meter overshoots by a share of one interval.
            assertThat(offMesh).isGreaterThan(2 * cut);
            assertThat(cut).isPositive();
            assertThat(dark.balance("C00048")).isLessThan(reachable.balance("C00048"));
        }
    }

    @Test
    void theConsolesReplayStillAgreesWithTheGatewayAfterTheMeterCatchesUp() {
        try (SimulatedGateway dark = site(OFF_MESH)) {
            BillingEngine replay = Replay.run(dark.layout().tariff(), dark.layout().site().zone(),
                    dark.layout().meters(), dark.ledgerAfter(0), dark.readings(Instant.EPOCH, NOW));

            assertThat(Reconciliation.of(dark.ledgerAfter(0), replay).firstDifference()).isEmpty();
            assertThat(replay.energyPastZeroWh("C00048")).isEqualTo(dark.energyPastZeroWh("C00048"));
        }
    }

    private static SimulatedGateway site(Scenario scenario) {
        return new SimulatedGateway(new SiteSpec(60, 42, OFF_MESH.days(), NOW), SimClock.manual(NOW), scenario);
    }
}
