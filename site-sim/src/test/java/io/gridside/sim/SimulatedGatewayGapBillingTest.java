package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Reconciliation;
import io.gridside.billing.Replay;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.ScenarioParser;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.GapEstimate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated gateway bills the reading that ends a meter's time off the mesh as VEE's spread of its rise over
 * the quarter hours it missed, keeps the estimate in its journal, and the console's replay of its readings posts
 * the same ledger under the site's time-of-use tariff.
 */
class SimulatedGatewayGapBillingTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");

    /** Meter M00048's radio fails for six hours on the second day, as a failed repeater's would. */
    private static final Scenario OFF_MESH = ScenarioParser.parse("off-mesh", """
            {"name": "off-mesh", "days": 2, "steps": [
              {"at": "P1DT12H", "kind": "repeater-failure", "meter": "M00048", "duration": "PT6H"}
            ]}""");

    @Test
    void keepsTheSpreadOfTheGapInItsJournalFlaggedByTheCustomersProfile() {
        try (SimulatedGateway gateway = site()) {
            List<GapEstimate> estimates = gateway.estimates(Instant.EPOCH, NOW).stream()
                    .filter(gap -> gap.meterId().equals("M00048")).toList();

            assertThat(estimates).isNotEmpty();
            GapEstimate longest = estimates.stream()
                    .max((a, b) -> Integer.compare(a.intervals(), b.intervals())).orElseThrow();
            // Six hours without a route, give or take the quarter hours the mesh takes to drop and find it.
            assertThat(Duration.between(longest.gapStart(), longest.gapEnd())).isGreaterThan(Duration.ofHours(5));
            assertThat(longest.method()).isEqualTo(EstimateMethod.PROFILE);
            Reading closing = gateway.readings(Instant.EPOCH, NOW).stream()
                    .filter(r -> r.meterId().equals("M00048") && r.intervalEnd().equals(longest.gapEnd()))
                    .findFirst().orElseThrow();
            assertThat(longest.deltaWh()).isEqualTo(closing.energyWh());
        }
    }

    @Test
    void theConsolesReplayOfTheReadingsSpreadsAlikeAndAgreesEntryForEntry() {
        try (SimulatedGateway gateway = site()) {
            BillingConfig config = BillingConfigDocument.decode(gateway.billingConfig());

            BillingEngine replay = Replay.run(gateway.layout().tariff(), config.rater(gateway.layout().site().zone()),
                    config.terms(), gateway.layout().meters(), gateway.ledgerAfter(0),
                    gateway.readings(Instant.EPOCH, NOW), gateway.events(Instant.EPOCH, NOW));

            Reconciliation reconciliation = Reconciliation.of(gateway.ledgerAfter(0), replay);
            assertThat(reconciliation.firstDifference()).isEmpty();
            assertThat(reconciliation.compared()).isEqualTo(gateway.ledgerAfter(0).size());
        }
    }

    @Test
    void theMetersBackfillReplacesTheEstimateAndOnlyWhatMovedIsPostedAsAdjustments() {
        try (SimulatedGateway gateway = site()) {
            List<LedgerEntry> adjustments = gateway.ledgerAfter(0).stream()
                    .filter(e -> e.kind() == EntryKind.ADJUSTMENT).toList();

            assertThat(adjustments).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry.customerId()).isEqualTo("C00048");
                assertThat(entry.reference()).contains(" estimate-replaced ");
            });
            // The rise is the register's: the actuals spread it otherwise, never add to it.
            GapEstimate gap = gateway.estimates(Instant.EPOCH, NOW).stream()
                    .filter(g -> g.meterId().equals("M00048")).findFirst().orElseThrow();
            assertThat(gap.deltaWh()).isPositive();
        }
    }

    private static SimulatedGateway site() {
        return new SimulatedGateway(new SiteSpec(60, 42, OFF_MESH.days(), NOW).withBilling(SimBilling.REALISTIC),
                SimClock.manual(NOW), OFF_MESH);
    }
}
