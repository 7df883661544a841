package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.sim.mesh.MeterUplink;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.ScenarioException;
import io.gridside.sim.scenario.ScenarioParser;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.EventKind;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A simulated gateway playing a scenario: each step's events, with their cause, and what they do to readings. */
class SimulatedGatewayScenarioTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");

    private static final String EVERY_KIND = """
            {"name": "every-kind", "days": 2, "steps": [
              {"at": "PT1H", "kind": "grid-power-loss", "duration": "PT30M"},
              {"at": "PT2H", "kind": "feeder-power-loss", "feeder": "F2", "duration": "PT1H"},
              {"at": "PT3H", "kind": "backhaul-loss", "duration": "PT5H"},
              {"at": "PT4H10M", "kind": "gateway-reboot", "duration": "PT10M"},
              {"at": "PT5H", "kind": "repeater-failure", "meter": "@busiest-repeater", "duration": "PT1H"},
              {"at": "PT7H", "kind": "interference", "meters": ["M00003", "M00004"], "riseDb": 40,
               "duration": "PT1H"},
              {"at": "PT9H5M", "kind": "tamper", "meter": "M00007"},
              {"at": "PT10H", "kind": "clock-drift", "meter": "M00008", "driftSecondsPerDay": 600,
               "duration": "PT12H"},
              {"at": "PT11H", "kind": "mesh-flood", "meter": "M00009", "eventsPerInterval": 500,
               "duration": "PT30M"},
              {"at": "PT13H", "kind": "battery-low", "stateOfChargePercent": 20, "duration": "PT2H"},
              {"at": "PT16H", "kind": "inverter-trip", "duration": "PT20M"},
              {"at": "PT17H", "kind": "generator-failure", "duration": "PT6H"},
              {"at": "P1DT1H", "kind": "load-shedding", "feeders": ["F1"], "duration": "PT2H"},
              {"at": "P1DT5H", "kind": "maintenance", "meter": "M00011", "duration": "PT1H"}
            ]}""";

    private static SimulatedGateway play(int meters, long seed, Scenario scenario) {
        return play(meters, seed, scenario.days(), scenario);
    }

    private static SimulatedGateway play(int meters, long seed, int days, Scenario scenario) {
        return new SimulatedGateway(new SiteSpec(meters, seed, days, NOW), SimClock.manual(NOW), scenario);
    }

    private static List<SiteEvent> causedBy(List<SiteEvent> events, int step) {
        return events.stream().filter(e -> e.cause() != null && e.cause().step() == step).toList();
    }

    private static Set<EventKind> kinds(List<SiteEvent> events) {
        return events.stream().map(SiteEvent::kind).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void eachStepLogsItsEventsWithItselfAsTheCause() {
        Scenario scenario = ScenarioParser.parse("every-kind", EVERY_KIND);
        SimulatedGateway gateway = play(60, 42, scenario);
        List<SiteEvent> events = gateway.events(Instant.EPOCH, NOW);
        String gatewayId = gateway.layout().gatewayId();

        assertThat(kinds(causedBy(events, 0))).containsExactly(EventKind.POWER_LOSS, EventKind.POWER_RESTORE);
        assertThat(causedBy(events, 0)).filteredOn(e -> e.kind() == EventKind.POWER_LOSS).hasSize(60);
        assertThat(kinds(causedBy(events, 1))).contains(EventKind.POWER_LOSS, EventKind.POWER_RESTORE);
        assertThat(kinds(causedBy(events, 2))).containsExactly(EventKind.BACKHAUL_DOWN, EventKind.BACKHAUL_UP);
        assertThat(causedBy(events, 3)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.GATEWAY_REBOOT);
            assertThat(e.source()).isEqualTo(gatewayId);
            assertThat(e.detail("downtimeSeconds")).isEqualTo("600");
        });
        assertThat(kinds(causedBy(events, 4))).containsExactly(EventKind.COMMS_LOSS, EventKind.COMMS_RETURN);
        assertThat(causedBy(events, 4).stream().filter(e -> e.kind() == EventKind.COMMS_LOSS)).hasSizeGreaterThan(1);
        assertThat(kinds(causedBy(events, 5))).contains(EventKind.INTERFERENCE_START, EventKind.INTERFERENCE_END,
                EventKind.COMMS_LOSS, EventKind.COMMS_RETURN);
        assertThat(causedBy(events, 6)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.TAMPER);
            assertThat(e.source()).isEqualTo("M00007");
            assertThat(e.at()).isEqualTo(NOW.minus(Duration.ofDays(2)).plus(Duration.parse("PT9H5M")));
        });
        assertThat(kinds(causedBy(events, 7))).containsExactly(EventKind.CLOCK_CORRECTION, EventKind.CLOCK_DRIFT);
        assertThat(causedBy(events, 7)).filteredOn(e -> e.kind() == EventKind.CLOCK_DRIFT).hasSize(4)
                .allMatch(e -> e.source().equals("M00008"));
        assertThat(causedBy(events, 8)).extracting(e -> e.detail("state")).containsExactly("started", "stopped");
        assertThat(kinds(causedBy(events, 9))).containsExactly(EventKind.BATTERY_LOW, EventKind.BATTERY_RECOVERED);
        assertThat(kinds(causedBy(events, 10))).containsExactly(EventKind.POWER_LOSS, EventKind.POWER_RESTORE,
                EventKind.INVERTER_TRIP, EventKind.INVERTER_RESET);
        assertThat(kinds(causedBy(events, 11))).containsExactly(EventKind.GENERATOR_FAILURE,
                EventKind.GENERATOR_RESTORED);
        assertThat(kinds(causedBy(events, 12))).contains(EventKind.POWER_LOSS, EventKind.LOAD_SHEDDING_START,
                EventKind.LOAD_SHEDDING_END);
        assertThat(causedBy(events, 13)).extracting(SiteEvent::kind, e -> e.detail("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventKind.RELAY_OFF, "maintenance"),
                        org.assertj.core.groups.Tuple.tuple(EventKind.RELAY_ON, "maintenance"));
        assertThat(events).filteredOn(SiteEvent::scripted).allSatisfy(e -> {
            assertThat(e.cause().scenario()).isEqualTo("every-kind");
            assertThat(e.cause().kind()).isEqualTo(scenario.steps().get(e.cause().step()).kind().fileName());
        });
    }

    @Test
    void logsTheFloodersEventsAtTheIntakeNotInTheLog() {
        SimulatedGateway gateway = play(60, 42, ScenarioParser.parse("every-kind", EVERY_KIND));

        MeterUplink flooder = gateway.uplinkStatus().get(8);

        assertThat(flooder.served()).isGreaterThan(1000);
        assertThat(gateway.eventsOf("M00009")).hasSizeLessThan(20)
                .filteredOn(e -> e.kind() == EventKind.MESH_FLOOD).hasSize(2);
    }

    @Test
    void logsRelaysThatBillingTurnedAsBillingsWithNoCause() {
        SimulatedGateway gateway = play(60, 42, Scenarios.named("feeder-outage"));

        List<SiteEvent> relays = gateway.events(Instant.EPOCH, NOW).stream()
                .filter(e -> e.kind() == EventKind.RELAY_OFF || e.kind() == EventKind.RELAY_ON).toList();

        assertThat(relays).isNotEmpty().allSatisfy(e -> {
            assertThat(e.detail("reason")).isEqualTo("billing");
            assertThat(e.detail("billingReason")).isNotBlank();
            assertThat(e.cause()).isNull();
        });
    }

    @Test
    void aFeederOutageCutsItsMetersAndEachSendsAgainOnceTheMeshHasTakenItBack() {
        Scenario scenario = Scenarios.named("feeder-outage");
        SimulatedGateway gateway = play(60, 42, scenario);
        Instant runStart = NOW.minus(scenario.length());
        Instant lost = runStart.plus(scenario.steps().get(0).at());
        Instant restored = runStart.plus(scenario.steps().get(0).end());
        List<SiteEvent> events = causedBy(gateway.events(Instant.EPOCH, NOW), 0);
        Set<String> cut = sources(events, EventKind.POWER_LOSS);

        assertThat(cut).isEqualTo(ids(gateway, gateway.layout().grid().names().members("F1")));
        assertThat(sources(events, EventKind.POWER_RESTORE)).isEqualTo(cut);
        assertThat(events).filteredOn(e -> e.kind() == EventKind.POWER_LOSS)
                .allMatch(e -> e.at().equals(lost) && e.detail("lastGasp").equals("true"));
        assertThat(events).filteredOn(e -> e.kind() == EventKind.POWER_RESTORE).allMatch(e -> e.at().equals(restored));
        // The rule: a reading taken at an interval's end arrives from a meter powered then with a route then.
        for (Instant end = runStart.plus(Reading.INTERVAL); !end.isAfter(NOW); end = end.plus(Reading.INTERVAL)) {
            boolean out = end.isAfter(lost) && !end.isAfter(restored);
            Set<String> expected = routed(gateway, end);
            if (out) {
                expected.removeAll(cut);
            }
            assertThat(readAt(gateway, end)).as("meters read in the interval ending %s", end).isEqualTo(expected);
        }
        // The mesh's update at the restore runs while the radios boot; the next takes them back, but a meter back
        // in it relays only from the update after, so one behind another cut meter comes back a quarter hour later.
        assertThat(routed(gateway, restored)).doesNotContainAnyElementsOf(cut);
        io.gridside.sim.rf.MeshTopology first = gateway.topology(restored.plus(Reading.INTERVAL));
        assertThat(first.nodes()).filteredOn(node -> cut.contains(node.id()) && node.routed())
                .isNotEmpty().noneMatch(node -> cut.contains(node.parentId()));
        assertThat(routed(gateway, restored.plus(Reading.INTERVAL.multipliedBy(2)))).containsAll(cut);
    }

    @Test
    void afterTheWholeSiteLosesPowerTheMeshComesBackAHopAQuarterHour() {
        Scenario blackout = ScenarioParser.parse("blackout", """
                {"name": "blackout", "days": 1, "steps": [
                  {"at": "PT10H", "kind": "grid-power-loss", "duration": "PT2H"}]}""");
        SimulatedGateway gateway = play(200, 42, blackout);
        Instant restored = NOW.minus(Duration.ofDays(1)).plus(Duration.ofHours(12));

        for (int round = 1; round <= 2; round++) {
            Instant at = restored.plus(Reading.INTERVAL.multipliedBy(round));
            int most = round;
            assertThat(gateway.topology(at).nodes()).as("the mesh %d updates after the restore", round)
                    .filteredOn(io.gridside.sim.rf.MeshTopology.Node::routed).hasSizeGreaterThan(1)
                    .allMatch(node -> node.hops() <= most);
            assertThat(readAt(gateway, at)).isEqualTo(routed(gateway, at));
        }
        assertThat(routed(gateway, restored.plus(Reading.INTERVAL.multipliedBy(2))))
                .hasSizeGreaterThan(routed(gateway, restored.plus(Reading.INTERVAL)).size());
        assertThat(gateway.events(Instant.EPOCH, NOW)).filteredOn(SiteEvent::scripted).extracting(SiteEvent::kind)
                .containsOnly(EventKind.POWER_LOSS, EventKind.POWER_RESTORE);
    }

    @Test
    void aFeederOutageLeavesTheVoltageOnTheOtherFeedersAsItWas() {
        Scenario scenario = Scenarios.named("feeder-outage");
        SimulatedGateway quiet = play(60, 42, scenario.days(), Scenario.NONE);
        SimulatedGateway outage = play(60, 42, scenario);
        Set<String> cut = ids(outage, outage.layout().grid().names().members("F1"));
        Instant lost = NOW.minus(scenario.length()).plus(scenario.steps().get(0).at());
        Instant window = lost.plus(scenario.steps().get(0).duration());

        List<Reading> others = outage.readings(lost, window).stream().filter(r -> !cut.contains(r.meterId()))
                .toList();
        List<Reading> same = quiet.readings(lost, window).stream().filter(r -> !cut.contains(r.meterId())).toList();

        assertThat(others).hasSizeGreaterThan(10 * 12).isEqualTo(same);
        assertThat(outage.readings(lost, window)).hasSizeLessThan(quiet.readings(lost, window).size());
    }

    @Test
    void aFailedRepeatersSubtreeGoesDarkAtOnceAndEachMeterComesBackWhenTheMeshFindsItARoute() {
        Scenario scenario = Scenarios.named("repeater-failure");
        SimulatedGateway gateway = play(60, 42, scenario);
        Instant failed = NOW.minus(scenario.length()).plus(scenario.steps().get(0).at());
        io.gridside.sim.rf.MeshTopology before = gateway.topology(failed);
        String repeater = busiestRepeater(before);
        List<SiteEvent> events = causedBy(gateway.events(Instant.EPOCH, NOW), 0);
        Set<String> subtree = sources(events.stream().filter(e -> e.at().equals(failed)).toList(),
                EventKind.COMMS_LOSS);
        io.gridside.sim.rf.MeshTopology next = gateway.topology(failed.plus(Reading.INTERVAL));

        assertThat(subtree).contains(repeater).hasSizeGreaterThan(1);
        assertThat(before.nodes()).filteredOn(node -> repeater.equals(node.parentId()))
                .allMatch(node -> subtree.contains(node.id()));
        assertThat(next.nodes()).filteredOn(node -> node.id().equals(repeater)).singleElement()
                .satisfies(node -> assertThat(node.routed()).isFalse());
        // Each child takes another parent at the mesh's next update, or stays dark; here every one has another.
        Set<String> back = sources(events.stream().filter(e -> e.at().equals(failed.plus(Reading.INTERVAL)))
                .toList(), EventKind.COMMS_RETURN);
        Set<String> rerouted = next.nodes().stream().filter(node -> subtree.contains(node.id()) && node.routed())
                .map(io.gridside.sim.rf.MeshTopology.Node::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(back).isEqualTo(rerouted).isNotEmpty().doesNotContain(repeater);
        assertThat(readAt(gateway, failed.plus(Reading.INTERVAL))).containsAll(rerouted).doesNotContain(repeater);
        assertThat(events).allSatisfy(e -> assertThat(e.kind()).isIn(EventKind.COMMS_LOSS, EventKind.COMMS_RETURN));
    }

    @Test
    void interferenceDegradesTheLinksInsideItsCircleBySignalToNoiseAndCausesTheRoutesItBreaks() {
        Scenario noise = ScenarioParser.parse("noise", """
                {"name": "noise", "days": 1, "steps": [
                  {"at": "PT10H", "kind": "interference", "meters": ["M00020"], "riseDb": 25, "radiusMetres": 150,
                   "duration": "PT2H"}]}""");
        SimulatedGateway gateway = play(60, 42, noise);
        Instant from = NOW.minus(Duration.ofDays(1)).plus(Duration.ofHours(10));
        SiteEvent start = causedBy(gateway.events(Instant.EPOCH, NOW), 0).get(0);

        double before = meanPsrInto(gateway.topology(from), "M00020");
        double during = meanPsrInto(gateway.topology(from.plus(Reading.INTERVAL)), "M00020");

        assertThat(start.kind()).isEqualTo(EventKind.INTERFERENCE_START);
        assertThat(Integer.parseInt(start.detail("meters"))).isGreaterThan(1).isLessThan(60);
        assertThat(during).isLessThan(before - 0.2).isGreaterThan(0);
        assertThat(causedBy(gateway.events(Instant.EPOCH, NOW), 0)).filteredOn(e -> e.kind() == EventKind.COMMS_LOSS)
                .isNotEmpty();
    }

    /** The mean chance a packet to {@code meterId} from each of its neighbours gets through. */
    private static double meanPsrInto(io.gridside.sim.rf.MeshTopology topology, String meterId) {
        return topology.links().stream().filter(link -> link.from().equals(meterId))
                .mapToDouble(io.gridside.sim.rf.MeshTopology.Link::reversePsr).average().orElseThrow();
    }

    @Test
    void everyShippedScenarioPlaysOnASiteOfSixtyMeters() {
        for (Scenario scenario : Scenarios.all()) {
            SimulatedGateway gateway = play(60, 42, Math.min(scenario.days(), 3), scenario);

            assertThat(gateway.events(Instant.EPOCH, NOW)).as(scenario.name()).filteredOn(SiteEvent::scripted)
                    .isNotEmpty().allMatch(e -> e.cause().scenario().equals(scenario.name()));
        }
    }

    /** The meter most meters route through, the first in meter order of those tied. */
    private static String busiestRepeater(io.gridside.sim.rf.MeshTopology topology) {
        java.util.Map<String, String> parent = new java.util.HashMap<>();
        topology.nodes().forEach(node -> parent.put(node.id(), node.parentId()));
        java.util.Map<String, Integer> relayed = new java.util.HashMap<>();
        for (io.gridside.sim.rf.MeshTopology.Node node : topology.nodes()) {
            for (String up = node.parentId(); up != null; up = parent.get(up)) {
                relayed.merge(up, 1, Integer::sum);
            }
        }
        relayed.remove(topology.gatewayId());
        int most = relayed.values().stream().max(Integer::compare).orElseThrow();
        return topology.nodes().stream().map(io.gridside.sim.rf.MeshTopology.Node::id)
                .filter(id -> relayed.getOrDefault(id, 0) == most).findFirst().orElseThrow();
    }

    private static Set<String> ids(SimulatedGateway gateway, List<Integer> indexes) {
        return indexes.stream().map(i -> gateway.layout().meters().get(i).meterId())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The meters with a route in the mesh's update at {@code at}. */
    private static Set<String> routed(SimulatedGateway gateway, Instant at) {
        return gateway.topology(at).nodes().stream().filter(node -> node.routed() && node.hops() > 0)
                .map(io.gridside.sim.rf.MeshTopology.Node::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The meters whose reading of the interval ending at {@code end} arrived. */
    private static Set<String> readAt(SimulatedGateway gateway, Instant end) {
        return gateway.readings(end.minus(Reading.INTERVAL), end).stream().map(Reading::meterId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> sources(List<SiteEvent> events, EventKind kind) {
        return events.stream().filter(e -> e.kind() == kind).map(SiteEvent::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aMeterWithoutPowerUsesNoEnergy() {
        Scenario scenario = Scenarios.named("feeder-outage");
        SimulatedGateway quiet = play(60, 42, scenario.days(), Scenario.NONE);
        SimulatedGateway outage = play(60, 42, scenario);

        List<Integer> cut = outage.layout().grid().names().members("F1");
        int spared = java.util.stream.IntStream.range(0, 60).filter(i -> !cut.contains(i)).findFirst().orElseThrow();

        assertThat(outage.meterStatus().get(cut.get(0)).registerWh())
                .isLessThan(quiet.meterStatus().get(cut.get(0)).registerWh());
        assertThat(outage.meterStatus().get(spared).registerWh())
                .isEqualTo(quiet.meterStatus().get(spared).registerWh());
    }

    @Test
    void theSameScenarioAndSeedGiveTheSameSiteTwice() {
        for (String name : List.of("bad-storm", "interference", "repeater-failure")) {
            Scenario scenario = Scenarios.named(name);

            SimulatedGateway first = play(60, 42, scenario);
            SimulatedGateway second = play(60, 42, scenario);

            assertThat(first.events(Instant.EPOCH, NOW)).as(name).isNotEmpty()
                    .isEqualTo(second.events(Instant.EPOCH, NOW));
            assertThat(first.readings(Instant.EPOCH, NOW)).as(name).isEqualTo(second.readings(Instant.EPOCH, NOW));
            assertThat(first.ledgerAfter(0)).as(name).isEqualTo(second.ledgerAfter(0));
            assertThat(first.topology()).as(name).isEqualTo(second.topology());
            Instant during = NOW.minus(scenario.length()).plus(scenario.steps().get(0).at()).plusSeconds(1800);
            assertThat(first.topology(during)).as(name).isEqualTo(second.topology(during));
        }
    }

    @Test
    void refusesAScenarioThatNamesAMeterTheSiteDoesNotHave() {
        assertThatThrownBy(() -> play(8, 42, Scenarios.named("plant-faults")))
                .isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.field()).isEqualTo("meter");
                    assertThat(e.getMessage()).contains("plant-faults", "M00010", "8 meters");
                });
    }

    @Test
    void logsATechnicianSettingTheGatewaysClockWithNoCause() {
        SimulatedGateway gateway = play(20, 42, 1, Scenario.NONE);

        gateway.setClock(NOW.plusSeconds(90));

        assertThat(gateway.eventsOf(gateway.layout().gatewayId())).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.CLOCK_CORRECTION);
            assertThat(e.detail("correctionSeconds")).isEqualTo("90");
            assertThat(e.cause()).isNull();
        });
    }
}
