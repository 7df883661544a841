package io.gridside.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EventKind;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner on small meshes whose routes the test sets: subtrees, interference and re-parenting. */
class ScenarioRunnerTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    private static Scenario scenario(String steps) {
        return ScenarioParser.parse("test", "{\"name\": \"test\", \"days\": 1, \"steps\": [" + steps + "]}");
    }

    /** Plays every quarter hour of the day; returns, per interval, which meters' readings arrived. */
    private static List<List<Integer>> play(ScenarioRunner runner, int meters) {
        List<List<Integer>> delivered = new ArrayList<>();
        for (Instant at = START; at.isBefore(START.plus(Duration.ofDays(1))); at = at.plus(Reading.INTERVAL)) {
            runner.openInterval(at, at.plus(Reading.INTERVAL));
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
        ScenarioRunner runner = new ScenarioRunner(scenario("{\"at\": \"PT2H\", \"kind\": \"repeater-failure\", "
                + "\"meter\": \"M00001\", \"duration\": \"PT1H\"}"), TestTopology.chain(4), START,
                (meter, rate) -> { }, InterferenceHook.NONE);

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
    void aRadioModelThatTakesTheInterferenceLeavesTheLinksToIt() {
        List<List<String>> raised = new ArrayList<>();
        InterferenceHook radio = (meterIds, riseDb, from, to) -> raised.add(meterIds);
        ScenarioRunner runner = new ScenarioRunner(scenario("{\"at\": \"PT2H\", \"kind\": \"interference\", "
                + "\"meters\": [\"M00003\"], \"riseDb\": 20, \"duration\": \"PT1H\"}"), TestTopology.chain(4),
                START, (meter, rate) -> { }, radio);

        List<List<Integer>> delivered = play(runner, 4);

        assertThat(raised).containsExactly(List.of("M00003"));
        assertThat(delivered.get(8)).containsExactly(0, 1, 2, 3);
        assertThat(runner.log().all()).extracting(SiteEvent::kind)
                .containsExactly(EventKind.INTERFERENCE_START, EventKind.INTERFERENCE_END);
    }

    @Test
    void withoutARadioModelStrongInterferenceCutsTheMetersLinks() {
        ScenarioRunner runner = new ScenarioRunner(scenario("{\"at\": \"PT2H\", \"kind\": \"interference\", "
                + "\"meters\": [\"M00003\"], \"riseDb\": 20, \"duration\": \"PT1H\"}"), TestTopology.chain(4),
                START, (meter, rate) -> { }, InterferenceHook.NONE);

        List<List<Integer>> delivered = play(runner, 4);

        assertThat(delivered.get(8)).containsExactly(0, 1);
    }

    @Test
    void logsAMeterThatReParentsAndFollowsItsNewRoute() {
        Map<String, String> parents = new HashMap<>(Map.of("M00001", TestTopology.GATEWAY, "M00002", "M00001",
                "M00003", TestTopology.GATEWAY));
        MeshTopology mesh = new MeshTopology() {
            @Override
            public String gatewayId() {
                return TestTopology.GATEWAY;
            }

            @Override
            public List<String> meterIds() {
                return List.of("M00001", "M00002", "M00003");
            }

            @Override
            public String parentOf(String meterId) {
                return parents.get(meterId);
            }
        };
        ScenarioRunner runner = new ScenarioRunner(scenario("{\"at\": \"PT1H\", \"kind\": \"repeater-failure\", "
                + "\"meter\": \"M00001\", \"duration\": \"PT4H\"}"), mesh, START, (meter, rate) -> { },
                InterferenceHook.NONE);
        runner.openInterval(START.plus(Duration.ofHours(1)), START.plus(Duration.ofMinutes(75)));
        assertThat(runner.delivers(1)).isFalse();

        parents.put("M00002", "M00003");
        runner.openInterval(START.plus(Duration.ofMinutes(75)), START.plus(Duration.ofMinutes(90)));

        assertThat(runner.delivers(1)).isTrue();
        assertThat(runner.log().of("M00002")).extracting(SiteEvent::kind)
                .containsExactly(EventKind.COMMS_LOSS, EventKind.PARENT_CHANGE, EventKind.COMMS_RETURN);
        assertThat(runner.log().of("M00002").get(1).details()).containsEntry("from", "M00001")
                .containsEntry("to", "M00003");
        assertThat(runner.log().of("M00002").get(1).cause()).isNull();
    }

    @Test
    void aCustomerHasPowerForTheShareOfTheIntervalItsSupplyWasOn() {
        ScenarioRunner runner = new ScenarioRunner(scenario("{\"at\": \"PT2H5M\", \"kind\": \"grid-power-loss\", "
                + "\"duration\": \"PT5M\"}"), TestTopology.chain(2), START, (meter, rate) -> { },
                InterferenceHook.NONE);
        Instant interval = START.plus(Duration.ofHours(2));

        runner.openInterval(interval, interval.plus(Reading.INTERVAL));

        assertThat(runner.suppliedShare(0, interval)).isEqualTo(10 / 15.0);
        assertThat(runner.delivers(0)).isTrue();
        assertThat(runner.log().of("M00001")).extracting(SiteEvent::kind)
                .containsExactly(EventKind.POWER_LOSS, EventKind.POWER_RESTORE);
    }
}
