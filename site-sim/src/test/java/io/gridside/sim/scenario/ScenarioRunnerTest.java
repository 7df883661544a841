package io.gridside.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EventKind;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner on small meshes whose routes the test sets: subtrees, the mesh's radios, re-parenting, rejoining. */
class ScenarioRunnerTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    private static Scenario scenario(String steps) {
        return ScenarioParser.parse("test", "{\"name\": \"test\", \"days\": 1, \"steps\": [" + steps + "]}");
    }

    private static ScenarioRunner runner(String steps, MeshTopology mesh) {
        return new ScenarioRunner(scenario(steps), mesh, TestTopology.feeders(mesh.meterIds().size()), START,
                (meter, rate) -> { });
    }

    /** Plays one quarter hour from {@code minutes} after the start, the mesh having moved as the test set it. */
    private static void quarter(ScenarioRunner runner, int minutes) {
        Instant at = START.plus(Duration.ofMinutes(minutes));
        runner.openInterval(at, at.plus(Reading.INTERVAL));
        runner.closeInterval(at.plus(Reading.INTERVAL));
    }

    private static List<Integer> delivering(ScenarioRunner runner, int meters) {
        List<Integer> arrived = new ArrayList<>();
        for (int i = 0; i < meters; i++) {
            if (runner.delivers(i)) {
                arrived.add(i);
            }
        }
        return arrived;
    }

    /** Plays every quarter hour of the day; returns, per interval, which meters' readings arrived. */
    private static List<List<Integer>> play(ScenarioRunner runner, int meters) {
        List<List<Integer>> delivered = new ArrayList<>();
        for (Instant at = START; at.isBefore(START.plus(Duration.ofDays(1))); at = at.plus(Reading.INTERVAL)) {
            runner.openInterval(at, at.plus(Reading.INTERVAL));
            runner.closeInterval(at.plus(Reading.INTERVAL));
            List<Integer> arrived = new ArrayList<>();
            for (int i = 0; i < meters; i++) {
                if (runner.delivers(i)) {
                    arrived.add(i);
                }
            }
            delivered.add(arrived);
        }
        return delivered;
    }

    @Test
    void aFailedRepeaterTakesTheMetersThatRouteThroughItWithIt() {
        // In the test mesh meter 2 (index 1) routes through meter 1 (index 0), and meter 4 through meter 3.
        ScenarioRunner runner = runner("{\"at\": \"PT2H\", \"kind\": \"repeater-failure\", "
                + "\"meter\": \"M00001\", \"duration\": \"PT1H\"}", TestTopology.chain(4));

        List<List<Integer>> delivered = play(runner, 4);

        assertThat(delivered.get(8)).containsExactly(2, 3);
        assertThat(delivered.get(12)).containsExactly(0, 1, 2, 3);
        assertThat(runner.log().all()).extracting(SiteEvent::source, SiteEvent::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("M00001", EventKind.COMMS_LOSS),
                org.assertj.core.groups.Tuple.tuple("M00002", EventKind.COMMS_LOSS),
                org.assertj.core.groups.Tuple.tuple("M00001", EventKind.COMMS_RETURN),
                org.assertj.core.groups.Tuple.tuple("M00002", EventKind.COMMS_RETURN));
        assertThat(runner.log().all()).allMatch(e -> e.cause().step() == 0);
    }

    @Test
    void aCustomerHasPowerForTheShareOfTheIntervalItsSupplyWasOn() {
        ScenarioRunner runner = runner("{\"at\": \"PT2H5M\", \"kind\": \"grid-power-loss\", "
                + "\"duration\": \"PT5M\"}", TestTopology.chain(2));
        Instant interval = START.plus(Duration.ofHours(2));

        runner.openInterval(interval, interval.plus(Reading.INTERVAL));
        runner.closeInterval(interval.plus(Reading.INTERVAL));

        assertThat(runner.suppliedShare(0, interval)).isEqualTo(10 / 15.0);
        assertThat(runner.delivers(0)).isTrue();
        assertThat(runner.log().of("M00001")).extracting(SiteEvent::kind)
                .containsExactly(EventKind.POWER_LOSS, EventKind.POWER_RESTORE);
    }

    @Test
    void logsAMeterThatReParentsAndFollowsItsNewRoute() {
        ScriptedMesh mesh = new ScriptedMesh(3).route(1, 0);
        ScenarioRunner runner = runner("{\"at\": \"PT1H\", \"kind\": \"repeater-failure\", "
                + "\"meter\": \"M00001\", \"duration\": \"PT4H\"}", mesh);
        quarter(runner, 60);
        assertThat(runner.delivers(1)).isFalse();

        mesh.route(1, 2);
        quarter(runner, 75);

        assertThat(runner.delivers(1)).isTrue();
        assertThat(runner.log().of("M00002")).extracting(SiteEvent::kind)
                .containsExactly(EventKind.COMMS_LOSS, EventKind.PARENT_CHANGE, EventKind.COMMS_RETURN);
        assertThat(runner.log().of("M00002").get(1).details()).containsEntry("from", "M00001")
                .containsEntry("to", "M00003");
        assertThat(runner.log().of("M00002").get(1).at()).isEqualTo(START.plus(Duration.ofMinutes(90)));
        assertThat(runner.log().of("M00002").get(1).cause()).isNull();
    }

    @Test
    void aFailedRepeatersChildrenReParentWhereTheyCanAndTheRestStayDarkWithTheFailureAsCause() {
        // Meters 2 and 3 route through meter 1; meter 4 through meter 3.
        ScriptedMesh mesh = new ScriptedMesh(4).route(1, 0).route(2, 0).route(3, 2);
        ScenarioRunner runner = runner("{\"at\": \"PT1H5M\", \"kind\": \"repeater-failure\", "
                + "\"meter\": \"M00001\", \"duration\": \"PT2H\"}", mesh);
        quarter(runner, 60);
        assertThat(delivering(runner, 4)).isEmpty();

        // At its next update the mesh finds meter 2 another parent; meter 3 has none, nor then has meter 4.
        mesh.detach(0).route(1, -1).detach(2).detach(3);
        quarter(runner, 75);

        assertThat(delivering(runner, 4)).containsExactly(1);
        assertThat(runner.log().all()).filteredOn(e -> e.kind() == EventKind.COMMS_LOSS)
                .extracting(SiteEvent::source).containsExactly("M00001", "M00002", "M00003", "M00004");
        assertThat(runner.log().all()).filteredOn(e -> e.kind() != EventKind.PARENT_CHANGE)
                .allSatisfy(e -> assertThat(e.cause().kind()).isEqualTo("repeater-failure"));
        assertThat(mesh.calls).singleElement().satisfies(call -> {
            assertThat(call.what()).isEqualTo("silence");
            assertThat(call.meterIds()).containsExactly("M00001");
            assertThat(call.to()).isEqualTo(START.plus(Duration.ofMinutes(185)).plus(ScenarioRunner.RADIO_BOOT));
        });
    }

    @Test
    void theBusiestRepeaterIsChosenByTheRoutesAsTheStepBegins() {
        // When the scenario is bound meter 1 relays for two; by the time the step begins, meter 3 relays for two.
        ScriptedMesh mesh = new ScriptedMesh(5).route(1, 0).route(2, 0);
        ScenarioRunner runner = runner("{\"at\": \"PT2H\", \"kind\": \"repeater-failure\", "
                + "\"meter\": \"@busiest-repeater\", \"duration\": \"PT1H\"}", mesh);
        quarter(runner, 60);
        mesh.route(1, -1).route(2, -1).route(3, 2).route(4, 2);
        quarter(runner, 75);

        quarter(runner, 120);

        assertThat(mesh.calls).extracting(call -> call.meterIds().get(0)).containsExactly("M00003");
        assertThat(delivering(runner, 5)).containsExactly(0, 1);
    }

    @Test
    void anInterferenceStepRaisesTheNoiseInTheMeshAndCausesTheRoutesLostInsideItsCircle() {
        ScriptedMesh mesh = new ScriptedMesh(4).reaching(List.of("M00002", "M00003"));
        ScenarioRunner runner = runner("{\"at\": \"PT2H\", \"kind\": \"interference\", "
                + "\"meters\": [\"M00003\"], \"riseDb\": 20, \"radiusMetres\": 60, \"duration\": \"PT1H\"}", mesh);
        quarter(runner, 120);
        assertThat(delivering(runner, 4)).containsExactly(0, 1, 2, 3);

        // The mesh loses meters 3 and 4 at its next update; only meter 3 is inside the circle.
        mesh.detach(2).detach(3);
        quarter(runner, 135);

        assertThat(mesh.calls).singleElement().satisfies(call -> {
            assertThat(call.what()).isEqualTo("interfere");
            assertThat(call.meterIds()).containsExactly("M00003");
            assertThat(call.radiusMetres()).isEqualTo(60.0);
            assertThat(call.from()).isEqualTo(START.plus(Duration.ofHours(2)));
        });
        assertThat(delivering(runner, 4)).containsExactly(0, 1);
        assertThat(runner.log().of("M00003")).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.COMMS_LOSS);
            assertThat(e.cause().kind()).isEqualTo("interference");
        });
        assertThat(runner.log().of("M00004")).singleElement().satisfies(e -> assertThat(e.cause()).isNull());
        assertThat(runner.log().of(TestTopology.GATEWAY)).singleElement()
                .satisfies(e -> assertThat(e.detail("meters")).isEqualTo("2"));
    }

    @Test
    void aMeterWhosePowerReturnsSendsOnlyOnceTheMeshHasItBackAndLogsNoLossOfComms() {
        // Meter 2 routes through meter 1; both are on the feeder that fails.
        ScriptedMesh mesh = new ScriptedMesh(2).route(1, 0);
        ScenarioRunner runner = runner("{\"at\": \"PT1H\", \"kind\": \"grid-power-loss\", "
                + "\"duration\": \"PT1H\"}", mesh);
        quarter(runner, 60);
        mesh.detach(0).detach(1);
        quarter(runner, 75);
        quarter(runner, 105);
        assertThat(delivering(runner, 2)).isEmpty();

        quarter(runner, 120);
        assertThat(delivering(runner, 2)).as("power is back, the mesh has no route for them yet").isEmpty();
        mesh.route(0, -1);
        quarter(runner, 135);
        assertThat(delivering(runner, 2)).as("meter 1 rejoined; meter 2 needs meter 1 to relay").containsExactly(0);
        mesh.route(1, 0);
        quarter(runner, 150);

        assertThat(delivering(runner, 2)).containsExactly(0, 1);
        assertThat(runner.log().all()).extracting(SiteEvent::source, SiteEvent::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("M00001", EventKind.POWER_LOSS),
                org.assertj.core.groups.Tuple.tuple("M00002", EventKind.POWER_LOSS),
                org.assertj.core.groups.Tuple.tuple("M00001", EventKind.POWER_RESTORE),
                org.assertj.core.groups.Tuple.tuple("M00002", EventKind.POWER_RESTORE));
        assertThat(mesh.calls).extracting(ScriptedMesh.Call::to).containsOnly(
                START.plus(Duration.ofHours(2)).plus(ScenarioRunner.RADIO_BOOT));
    }
}
