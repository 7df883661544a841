package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.sim.mesh.MeterUplink;
import io.gridside.sim.scenario.Feeders;
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
              {"at": "PT7H", "kind": "interference", "meters": ["M00003", "M00004"], "riseDb": 15,
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
    void aFeederOutageStopsTheReadingsOfTheMetersItCutsOffOnlyAndTheyResumeAfterRestore() {
        Scenario scenario = Scenarios.named("feeder-outage");
        SimulatedGateway gateway = play(60, 42, scenario);
        Instant runStart = NOW.minus(scenario.length());
        Instant lost = runStart.plus(scenario.steps().get(0).at());
        Instant restored = runStart.plus(scenario.steps().get(0).end());
        List<SiteEvent> events = causedBy(gateway.events(Instant.EPOCH, NOW), 0);
        Set<String> cut = sources(events, EventKind.POWER_LOSS);
        Set<String> dark = sources(events, EventKind.COMMS_LOSS);
        List<Reading> readings = gateway.readings(Instant.EPOCH, NOW);

        assertThat(cut).isEqualTo(new TreeSet<>(Feeders.of(60).members("F1").stream()
                .map(i -> gateway.layout().meters().get(i).meterId()).toList()));
        assertThat(sources(events, EventKind.POWER_RESTORE)).isEqualTo(cut);
        assertThat(events).filteredOn(e -> e.kind() == EventKind.POWER_LOSS)
                .allMatch(e -> e.at().equals(lost) && e.detail("lastGasp").equals("true"));
        Set<String> affected = new TreeSet<>(cut);
        affected.addAll(dark);
        for (Instant start = runStart; start.isBefore(NOW); start = start.plus(Reading.INTERVAL)) {
            Instant interval = start;
            Set<String> reported = readings.stream().filter(r -> r.intervalStart().equals(interval))
                    .map(Reading::meterId).collect(Collectors.toCollection(TreeSet::new));
            // A reading is taken as its interval ends: one taken after the loss, up to the restore, is lost.
            boolean during = interval.plus(Reading.INTERVAL).isAfter(lost)
                    && !interval.plus(Reading.INTERVAL).isAfter(restored);
            assertThat(reported).as("meters read in the interval from %s", interval)
                    .hasSize(during ? 60 - affected.size() : 60);
            if (during) {
                assertThat(reported).doesNotContainAnyElementsOf(affected);
            }
        }
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

        assertThat(outage.meterStatus().get(0).registerWh()).isLessThan(quiet.meterStatus().get(0).registerWh());
        assertThat(outage.meterStatus().get(59).registerWh()).isEqualTo(quiet.meterStatus().get(59).registerWh());
    }

    @Test
    void theSameScenarioAndSeedGiveTheSameSiteTwice() {
        Scenario storm = Scenarios.named("bad-storm");

        SimulatedGateway first = play(60, 42, storm);
        SimulatedGateway second = play(60, 42, storm);

        assertThat(first.events(Instant.EPOCH, NOW)).isNotEmpty().isEqualTo(second.events(Instant.EPOCH, NOW));
        assertThat(first.readings(Instant.EPOCH, NOW)).isEqualTo(second.readings(Instant.EPOCH, NOW));
        assertThat(first.ledgerAfter(0)).isEqualTo(second.ledgerAfter(0));
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
