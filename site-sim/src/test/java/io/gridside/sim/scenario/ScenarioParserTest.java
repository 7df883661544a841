package io.gridside.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario file that breaks a rule is refused with the field and the step that broke it. */
class ScenarioParserTest {

    private static ScenarioException refusal(String steps) {
        return refusal(2, steps);
    }

    private static ScenarioException refusal(int days, String steps) {
        String json = "{\"name\": \"test\", \"days\": " + days + ", \"steps\": [" + steps + "]}";
        try {
            ScenarioParser.parse("test.json", json);
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("The scenario was accepted: " + json);
    }

    @Test
    void readsAStepWithItsTimesAndTarget() {
        Scenario scenario = ScenarioParser.parse("test.json", "{\"name\": \"evening\", \"description\": \"d\", "
                + "\"days\": 2, \"steps\": [{\"at\": \"P1DT18H\", \"kind\": \"feeder-power-loss\", "
                + "\"feeder\": \"F2\", \"duration\": \"PT3H\"}]}");

        Step step = scenario.steps().get(0);
        assertThat(scenario.name()).isEqualTo("evening");
        assertThat(step.kind()).isEqualTo(StepKind.FEEDER_POWER_LOSS);
        assertThat(step.at()).isEqualTo(Duration.ofHours(42));
        assertThat(step.duration()).isEqualTo(Duration.ofHours(3));
        assertThat(step.feeders()).containsExactly("F2");
    }

    @Test
    void refusesAnUnknownKindAndListsTheKinds() {
        ScenarioException e = refusal("{\"at\": \"PT1H\", \"kind\": \"volcano\"}");

        assertThat(e.step()).isZero();
        assertThat(e.field()).isEqualTo("kind");
        assertThat(e.getMessage()).contains("step 0", "'kind'", "volcano", "feeder-power-loss");
    }

    @Test
    void refusesAStepThatBeginsOutsideTheRun() {
        ScenarioException e = refusal("{\"at\": \"PT1H\", \"kind\": \"tamper\", \"meter\": \"M00001\"}, "
                + "{\"at\": \"P3D\", \"kind\": \"tamper\", \"meter\": \"M00001\"}");

        assertThat(e.step()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("at");
        assertThat(e.getMessage()).contains("outside the run of 2 days");
    }

    @Test
    void refusesAStepThatEndsAfterTheRun() {
        ScenarioException e = refusal("{\"at\": \"P1DT20H\", \"kind\": \"backhaul-loss\", \"duration\": \"PT5H\"}");

        assertThat(e.field()).isEqualTo("duration");
        assertThat(e.getMessage()).contains("after the run of 2 days ends");
    }

    @Test
    void refusesAStepWithoutAFieldItsKindNeeds() {
        ScenarioException e = refusal("{\"at\": \"PT1H\", \"kind\": \"feeder-power-loss\", \"duration\": \"PT1H\"}");

        assertThat(e.field()).isEqualTo("feeder");
        assertThat(e.getMessage()).contains("feeder-power-loss step needs it");
    }

    @Test
    void refusesAStepThatLastsWithoutADuration() {
        assertThat(refusal("{\"at\": \"PT1H\", \"kind\": \"backhaul-loss\"}").field()).isEqualTo("duration");
    }

    @Test
    void refusesAFieldTheKindDoesNotUse() {
        ScenarioException e = refusal("{\"at\": \"PT1H\", \"kind\": \"backhaul-loss\", \"duration\": \"PT1H\", "
                + "\"meter\": \"M00001\"}");

        assertThat(e.field()).isEqualTo("meter");
        assertThat(e.getMessage()).contains("does not apply to a backhaul-loss step");
    }

    @Test
    void refusesATimeThatIsNotAnIsoDuration() {
        ScenarioException e = refusal("{\"at\": \"6pm\", \"kind\": \"backhaul-loss\", \"duration\": \"PT1H\"}");

        assertThat(e.field()).isEqualTo("at");
        assertThat(e.getMessage()).contains("'6pm'", "ISO 8601");
    }

    @Test
    void refusesAValueOutOfRange() {
        ScenarioException e = refusal("{\"at\": \"PT1H\", \"kind\": \"mesh-flood\", \"meter\": \"M00001\", "
                + "\"eventsPerInterval\": 0, \"duration\": \"PT1H\"}");

        assertThat(e.field()).isEqualTo("eventsPerInterval");
        assertThat(e.getMessage()).contains("from 1 to 1000000");
    }

    @Test
    void refusesOverlappingStepsOfOneKindOnOneTarget() {
        ScenarioException e = refusal("{\"at\": \"PT1H\", \"kind\": \"feeder-power-loss\", \"feeder\": \"F1\", "
                + "\"duration\": \"PT3H\"}, {\"at\": \"PT2H\", \"kind\": \"load-shedding\", \"feeders\": [\"F1\"], "
                + "\"duration\": \"PT1H\"}, {\"at\": \"PT3H\", \"kind\": \"feeder-power-loss\", "
                + "\"feeder\": \"F1\", \"duration\": \"PT1H\"}");

        assertThat(e.step()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("at");
        assertThat(e.getMessage()).contains("overlap step 0");
    }

    @Test
    void acceptsBackToBackStepsOfOneKind() {
        Scenario scenario = ScenarioParser.parse("test.json", "{\"name\": \"t\", \"days\": 1, \"steps\": ["
                + "{\"at\": \"PT1H\", \"kind\": \"backhaul-loss\", \"duration\": \"PT1H\"}, "
                + "{\"at\": \"PT2H\", \"kind\": \"backhaul-loss\", \"duration\": \"PT1H\"}]}");

        assertThat(scenario.steps()).hasSize(2);
    }

    @Test
    void refusesInterferenceWithoutWhereItIs() {
        ScenarioException e = refusal("{\"at\": \"PT1H\", \"kind\": \"interference\", \"riseDb\": 12, "
                + "\"duration\": \"PT1H\"}");

        assertThat(e.field()).isEqualTo("meters");
    }

    @Test
    void takesHowFarInterferenceReachesWhenGiven() {
        Scenario scenario = ScenarioParser.parse("t.json", "{\"name\": \"t\", \"days\": 1, \"steps\": ["
                + "{\"at\": \"PT1H\", \"kind\": \"interference\", \"meters\": [\"M00002\"], \"riseDb\": 20, "
                + "\"radiusMetres\": 80, \"duration\": \"PT1H\"}, "
                + "{\"at\": \"PT3H\", \"kind\": \"interference\", \"feeder\": \"F1\", \"riseDb\": 20, "
                + "\"duration\": \"PT1H\"}]}");

        assertThat(scenario.steps()).extracting(Step::radiusMetres).containsExactly(80.0, null);
    }

    @Test
    void refusesAnInterferenceRadiusOutOfRangeOrOnAnotherKind() {
        ScenarioException far = refusal("{\"at\": \"PT1H\", \"kind\": \"interference\", \"meters\": [\"M00002\"], "
                + "\"riseDb\": 20, \"radiusMetres\": 5000, \"duration\": \"PT1H\"}");
        ScenarioException misplaced = refusal("{\"at\": \"PT1H\", \"kind\": \"repeater-failure\", "
                + "\"meter\": \"M00002\", \"radiusMetres\": 50, \"duration\": \"PT1H\"}");

        assertThat(far.field()).isEqualTo("radiusMetres");
        assertThat(far.getMessage()).contains("step 0", "from 5.0 to 3000.0");
        assertThat(misplaced.field()).isEqualTo("radiusMetres");
        assertThat(misplaced.getMessage()).contains("does not apply to a repeater-failure step");
    }

    @Test
    void refusesAScenarioFieldByName() {
        assertThatThrownBy(() -> ScenarioParser.parse("t.json", "{\"name\": \"t\", \"days\": 0, \"steps\": []}"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("field 'days'");
        assertThatThrownBy(() -> ScenarioParser.parse("t.json", "{\"name\": \"Bad Name\", \"days\": 1, "
                + "\"steps\": []}")).hasMessageContaining("field 'name'");
        assertThatThrownBy(() -> ScenarioParser.parse("t.json", "{\"name\": \"t\", \"days\": 1}"))
                .hasMessageContaining("field 'steps'");
        assertThatThrownBy(() -> ScenarioParser.parse("t.json", "{\"name\": \"t\", \"days\": 1, \"steps\": [], "
                + "\"seed\": 4}")).hasMessageContaining("field 'seed'");
    }

    @Test
    void saysWhereInTheFileTheJsonBreaks() {
        assertThatThrownBy(() -> ScenarioParser.parse("t.json", "{\n  \"name\": \"x\",\n  \"days\": ]\n}"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("t.json: is not JSON at line 3, column");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> ScenarioParser.parse("t.json", "{\"name\": "))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("t.json: is not JSON");
    }

    @Test
    void refusesAMeterOrFeederTheSiteDoesNotHave() {
        Scenario meter = ScenarioParser.parse("t.json", "{\"name\": \"t\", \"days\": 1, \"steps\": ["
                + "{\"at\": \"PT1H\", \"kind\": \"tamper\", \"meter\": \"M00001\"}, "
                + "{\"at\": \"PT1H\", \"kind\": \"tamper\", \"meter\": \"M00099\"}]}");
        Scenario feeder = ScenarioParser.parse("t.json", "{\"name\": \"t\", \"days\": 1, \"steps\": ["
                + "{\"at\": \"PT1H\", \"kind\": \"load-shedding\", \"feeders\": [\"F1\", \"F9\"], "
                + "\"duration\": \"PT1H\"}]}");
        MeshTopology topology = TestTopology.chain(20);

        assertThatThrownBy(() -> run(meter, topology)).isInstanceOfSatisfying(ScenarioException.class, e -> {
            assertThat(e.step()).isEqualTo(1);
            assertThat(e.field()).isEqualTo("meter");
            assertThat(e.getMessage()).contains("M00099", "20 meters");
        });
        assertThatThrownBy(() -> run(feeder, topology)).isInstanceOfSatisfying(ScenarioException.class, e -> {
            assertThat(e.field()).isEqualTo("feeders");
            assertThat(e.getMessage()).contains("F9", "its feeders are F1");
        });
    }

    @Test
    void shipsNamedScenariosThatBindToADemoSite() {
        List<Scenario> all = Scenarios.all();

        assertThat(Scenarios.names()).contains("quiet-week", "feeder-outage", "backhaul-loss", "repeater-failure",
                "interference", "bad-storm", "mixed-storm");
        assertThat(all).extracting(Scenario::name).isEqualTo(Scenarios.names());
        all.forEach(scenario -> run(scenario, TestTopology.chain(60)));
    }

    @Test
    void saysWhichScenariosThereAreForAnUnknownName() {
        assertThatThrownBy(() -> Scenarios.named("earthquake")).hasMessageContaining("quiet-week, feeder-outage");
    }

    private static ScenarioRunner run(Scenario scenario, MeshTopology topology) {
        return new ScenarioRunner(scenario, topology, TestTopology.feeders(topology.meterIds().size()),
                Instant.parse("2026-06-01T00:00:00Z"), (meter, rate) -> { });
    }
}
