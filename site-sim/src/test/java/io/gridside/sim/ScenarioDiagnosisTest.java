package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.rf.MeshTopology;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.ScenarioParser;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every shipped scenario played on a small simulated site on the virtual clock and diagnosed, each scripted event
 * scored against the cause its step stands for; the mixed storm event by event, with its confusion matrix.
 */
class ScenarioDiagnosisTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    private static final int METERS = 60;
    private static final long SEED = 42;
    private static final double REQUIRED = 0.9;

    /** The causes each shipped scenario's steps stand for, which its diagnosis must find. */
    private static final Map<String, Set<OutageCause>> EXPECTED = Map.of(
            "quiet-week", EnumSet.of(OutageCause.BACKHAUL),
            "feeder-outage", EnumSet.of(OutageCause.POWER),
            "backhaul-loss", EnumSet.of(OutageCause.BACKHAUL, OutageCause.GATEWAY_FAULT),
            "repeater-failure", EnumSet.of(OutageCause.MESH_PARTITION),
            "interference", EnumSet.of(OutageCause.RF_INTERFERENCE),
            "plant-faults", EnumSet.of(OutageCause.GENERATOR, OutageCause.BATTERY, OutageCause.LOAD_SHEDDING,
                    OutageCause.INVERTER),
            "bad-storm", EnumSet.of(OutageCause.POWER, OutageCause.BACKHAUL, OutageCause.MESH_PARTITION,
                    OutageCause.RF_INTERFERENCE, OutageCause.GATEWAY_FAULT, OutageCause.BATTERY),
            "mixed-storm", EnumSet.of(OutageCause.POWER, OutageCause.BACKHAUL, OutageCause.MESH_PARTITION,
                    OutageCause.RF_INTERFERENCE, OutageCause.GATEWAY_FAULT, OutageCause.BATTERY));

    private static final Map<String, ScenarioScore> SCORES = new ConcurrentHashMap<>();

    private static ScenarioScore score(Scenario scenario) {
        return SCORES.computeIfAbsent(scenario.name(), name -> play(scenario));
    }

    private static ScenarioScore play(Scenario scenario) {
        try (SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(METERS, SEED, scenario.days(), NOW),
                SimClock.manual(NOW), scenario)) {
            return ScenarioScore.of(gateway, scenario, NOW);
        }
    }

    @Test
    void everyShippedScenarioIsClassifiedAsItsStepsCausedIt() {
        assertThat(Scenarios.names()).as("each shipped scenario has its expected causes here")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (Scenario scenario : Scenarios.all()) {
            ScenarioScore score = score(scenario);
            Set<OutageCause> expected = EXPECTED.get(scenario.name());
            System.out.printf("%s: %d scored events, %.2f classified right; outages: %s%n", scenario.name(),
                    score.matrix().values().stream().mapToInt(row -> row.values().stream().mapToInt(n -> n).sum())
                            .sum(), score.accuracy(), score.diagnosis().outages().stream()
                            .map(outage -> outage.cause().code()).collect(Collectors.joining(", ")));

            assertThat(score.truths()).as(scenario.name()).isEqualTo(expected);
            assertThat(score.diagnosis().outages()).as(scenario.name()).extracting(Outage::cause)
                    .containsAll(expected).doesNotContain(OutageCause.AMBIGUOUS);
            for (OutageCause cause : expected) {
                assertThat(score.recall(cause)).as("%s: recall of %s", scenario.name(), cause)
                        .isGreaterThanOrEqualTo(REQUIRED);
                assertThat(score.precision(cause)).as("%s: precision of %s", scenario.name(), cause)
                        .isGreaterThanOrEqualTo(REQUIRED);
            }
        }
    }

    @Test
    void theMixedStormIsClassifiedEventByEventWithNinetyPercentPrecisionAndRecallPerCause() {
        Scenario storm = Scenarios.named("mixed-storm");
        ScenarioScore score = score(storm);
        System.out.printf("mixed-storm, event by event:%n%s", score.table());

        assertThat(overlapping(storm, "interference", "feeder-power-loss", "repeater-failure", "backhaul-loss"))
                .as("the storm's faults overlap").isTrue();
        assertThat(score.truths()).contains(OutageCause.POWER, OutageCause.RF_INTERFERENCE,
                OutageCause.MESH_PARTITION);
        assertThat(score.count(OutageCause.RF_INTERFERENCE, OutageCause.RF_INTERFERENCE))
                .as("meters lost comms to the noise, not only its own events").isGreaterThan(2);
        for (OutageCause cause : OutageCause.values()) {
            assertThat(score.recall(cause)).as("recall of %s", cause).isGreaterThanOrEqualTo(REQUIRED);
            assertThat(score.precision(cause)).as("precision of %s", cause).isGreaterThanOrEqualTo(REQUIRED);
        }
    }

    @Test
    void metersHeldOffByMaintenanceOrBillingAreExcludedAndTheirRelaysMakeNoOutage() {
        ScenarioScore score = score(Scenarios.named("quiet-week"));
        Diagnosis diagnosis = score.diagnosis();
        Instant start = NOW.minus(Scenarios.named("quiet-week").length());
        Set<String> billingOff = score.events().stream().filter(e -> e.kind() == EventKind.RELAY_OFF)
                .filter(e -> "billing".equals(e.detail("reason")) && e.at().isBefore(NOW))
                .map(SiteEvent::source).collect(Collectors.toCollection(TreeSet::new));

        assertThat(billingOff).as("billing opened relays in the week").isNotEmpty();
        assertThat(diagnosis.excludedMeters()).contains("M00005").containsAll(billingOff);
        assertThat(score.events()).filteredOn(e -> e.kind() == EventKind.RELAY_OFF || e.kind() == EventKind.RELAY_ON)
                .isNotEmpty().allSatisfy(e -> assertThat(diagnosis.outageOf(e.id())).isEmpty());
        assertThat(diagnosis.outages()).extracting(Outage::cause).containsExactly(OutageCause.BACKHAUL);
        assertThat(diagnosis.from()).isEqualTo(start);
    }

    @Test
    void aMeterHeldOffForMaintenanceStillLosesPowerWithItsFeederButNoCustomerSupply() {
        String held;
        try (SimulatedGateway quiet = new SimulatedGateway(new SiteSpec(METERS, SEED, 1, NOW), SimClock.manual(NOW),
                Scenario.NONE)) {
            held = quiet.layout().meters().get(quiet.layout().grid().names().members("F1").get(0)).meterId();
        }
        Scenario scenario = ScenarioParser.parse("held", "{\"name\": \"held\", \"days\": 1, \"steps\": ["
                + "{\"at\": \"PT10H\", \"kind\": \"maintenance\", \"meter\": \"" + held + "\", "
                + "\"duration\": \"PT3H\"}, "
                + "{\"at\": \"PT11H\", \"kind\": \"feeder-power-loss\", \"feeder\": \"F1\", "
                + "\"duration\": \"PT1H\"}]}");

        ScenarioScore score = play(scenario);

        assertThat(score.diagnosis().excludedMeters()).contains(held);
        assertThat(score.diagnosis().outages()).filteredOn(outage -> outage.cause() == OutageCause.POWER)
                .singleElement().satisfies(outage -> {
                    assertThat(outage.spans()).filteredOn(span -> span.meterId().equals(held)).singleElement()
                            .satisfies(span -> assertThat(span.supplyLost()).isFalse());
                    assertThat(outage.spans()).filteredOn(span -> !span.meterId().equals(held))
                            .isNotEmpty().allMatch(span -> span.supplyLost());
                });
        assertThat(score.events()).filteredOn(e -> e.source().equals(held) && e.cause() != null)
                .filteredOn(e -> e.kind() == EventKind.RELAY_OFF || e.kind() == EventKind.RELAY_ON).hasSize(2)
                .allSatisfy(e -> assertThat(score.diagnosis().outageOf(e.id())).isEmpty());
        assertThat(score.recall(OutageCause.POWER)).isEqualTo(1.0);
    }

    @Test
    void aFailedRadioWithNoMeterBehindItIsASingleMeterFaultNotAPartition() {
        Instant fails = NOW.minus(Duration.ofDays(1)).plus(Duration.ofHours(10)).plusSeconds(7 * 60);
        String leaf;
        try (SimulatedGateway quiet = new SimulatedGateway(new SiteSpec(METERS, SEED, 1, NOW), SimClock.manual(NOW),
                Scenario.NONE)) {
            leaf = leafOf(quiet.topology(fails));
        }
        Scenario scenario = ScenarioParser.parse("leaf", "{\"name\": \"leaf\", \"days\": 1, \"steps\": ["
                + "{\"at\": \"PT10H7M\", \"kind\": \"repeater-failure\", \"meter\": \"" + leaf + "\", "
                + "\"duration\": \"PT2H\"}]}");

        ScenarioScore score = play(scenario);

        SiteEvent lost = score.events().stream().filter(e -> e.kind() == EventKind.COMMS_LOSS && e.cause() != null)
                .findFirst().orElseThrow();
        assertThat(lost.source()).isEqualTo(leaf);
        assertThat(score.diagnosis().outageOf(lost.id())).hasValueSatisfying(outage -> {
            assertThat(outage.cause()).isEqualTo(OutageCause.SINGLE_METER);
            assertThat(outage.spans()).singleElement().satisfies(span -> {
                assertThat(span.meterId()).isEqualTo(leaf);
                assertThat(span.supplyLost()).isFalse();
            });
            assertThat(outage.evidence().get(0).text()).contains(leaf + " lost comms alone");
        });
    }

    /** Whether one instant of the scenario has a step of each of {@code kinds} lasting. */
    private static boolean overlapping(Scenario scenario, String... kinds) {
        return scenario.steps().stream().anyMatch(step -> {
            Set<String> lasting = new HashSet<>();
            scenario.steps().stream()
                    .filter(other -> other.at().compareTo(step.at()) <= 0 && step.at().compareTo(other.end()) < 0)
                    .forEach(other -> lasting.add(other.kind().fileName()));
            return lasting.containsAll(List.of(kinds));
        });
    }

    /** A meter that relays for no other, the first in meter order. */
    private static String leafOf(MeshTopology mesh) {
        Set<String> parents = mesh.nodes().stream().map(MeshTopology.Node::parentId)
                .collect(Collectors.toCollection(HashSet::new));
        return mesh.nodes().stream().filter(node -> node.routed() && node.hops() > 0)
                .map(MeshTopology.Node::id).filter(id -> !parents.contains(id)).sorted().findFirst().orElseThrow();
    }
}
