package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.rf.MeshTopology;
import io.gridside.sim.scenario.Feeders;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.SiteEvent;
import io.gridside.site.outage.Diagnoser;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.DiagnosisInput;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.Outage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every shipped scenario played on a small simulated site and diagnosed: in French, each fact of each outage's
 * evidence, each competing cause and each detail of the events the outages explain has its sentence, so none of
 * them reads in the English the diagnosis writes for the log.
 */
class ScenarioOutagesInTheLanguageTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    private static final int METERS = 60;
    private static final long SEED = 42;
    /** A value left as the site models write it: a time or a length of time in ISO 8601. */
    private static final Pattern RAW_VALUE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT|\\bPT\\d|\\[[A-Za-z]+/");

    private static final Map<String, Played> PLAYED = new LinkedHashMap<>();

    /** One scenario's diagnosis and the events of its log that an outage explains. */
    private record Played(Diagnosis diagnosis, List<SiteEvent> explained) {
    }

    @BeforeAll
    static void playEveryScenario() {
        for (Scenario scenario : Scenarios.all()) {
            PLAYED.put(scenario.name(), play(scenario));
        }
    }

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void everyFactOfEveryScenariosOutagesReadsInFrench() {
        I18n.use(Locale.FRENCH);
        List<String> english = new ArrayList<>();
        int facts = 0;
        for (Map.Entry<String, Played> played : PLAYED.entrySet()) {
            for (Outage outage : played.getValue().diagnosis().outages()) {
                for (Evidence evidence : outage.evidence()) {
                    facts++;
                    String shown = DiagnosisWords.evidence(evidence);
                    if (!DiagnosisWords.worded(evidence) || shown.equals(evidence.text())) {
                        english.add(played.getKey() + " " + outage.id() + " (" + evidence.reason() + "): "
                                + evidence.text());
                    }
                    assertThat(shown).as(evidence.reason()).doesNotContainPattern(RAW_VALUE).doesNotContain("!");
                }
                for (Outage.Competing competing : outage.competing()) {
                    if (DiagnosisWords.why(competing).equals(competing.why())) {
                        english.add(played.getKey() + " " + outage.id() + ": " + competing.why());
                    }
                }
            }
        }

        assertThat(facts).as("facts diagnosed").isGreaterThan(50);
        assertThat(english).as("facts that fall back to English").isEmpty();
    }

    @Test
    void everyDetailOfTheEventsTheOutagesExplainReadsInFrench() {
        I18n.use(Locale.FRENCH);
        List<String> english = new ArrayList<>();
        int details = 0;
        for (Map.Entry<String, Played> played : PLAYED.entrySet()) {
            for (SiteEvent event : played.getValue().explained()) {
                for (Map.Entry<String, String> detail : event.details().entrySet()) {
                    details++;
                    if (!EventWords.worded(detail.getKey(), detail.getValue())) {
                        english.add(played.getKey() + " " + event.kind() + ": " + detail);
                    }
                }
                assertThat(EventWords.details(event)).doesNotContain("=", "!");
            }
        }

        assertThat(details).as("details of explained events").isGreaterThan(20);
        assertThat(english).as("details that fall back to the gateway's words").isEmpty();
    }

    @Test
    void numbersTimesAndLengthsReadAsFrenchWritesThem() {
        SiteEvent noise = PLAYED.get("interference").explained().stream()
                .filter(event -> event.detail("riseDb") != null).findFirst().orElseThrow();
        Evidence window = PLAYED.get("interference").diagnosis().outages().stream()
                .flatMap(outage -> outage.evidence().stream())
                .filter(evidence -> evidence.reason().startsWith("evidence.window.noise")).findFirst().orElseThrow();
        I18n.use(Locale.FRENCH);

        String rise = noise.detail("riseDb").replace('.', ',');
        assertThat(EventWords.details(noise)).contains("bruit de fond +" + rise + " dB");
        assertThat(DiagnosisWords.evidence(window)).startsWith("Le bruit de fond radio a monté de " + rise + " dB")
                .containsPattern("le \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ");
    }

    private static Played play(Scenario scenario) {
        try (SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(METERS, SEED, scenario.days(), NOW),
                SimClock.manual(NOW), scenario)) {
            Instant start = NOW.minus(scenario.length());
            List<SiteEvent> events = gateway.events(Instant.EPOCH, NOW);
            Diagnosis diagnosis = Diagnoser.diagnose(input(gateway, start, events));
            Map<Long, Outage> byEvent = diagnosis.byEvent();
            return new Played(diagnosis, events.stream().filter(event -> byEvent.containsKey(event.id())).toList());
        }
    }

    /** What the console hands the diagnoser for the run: the meters, the mesh at its start, the feeders, the zone. */
    private static DiagnosisInput input(SimulatedGateway gateway, Instant start, List<SiteEvent> events) {
        MeshTopology mesh = gateway.topology(start);
        Map<String, String> parents = new HashMap<>();
        mesh.nodes().stream().filter(node -> node.parentId() != null)
                .forEach(node -> parents.put(node.id(), node.parentId()));
        List<String> meterIds = new ArrayList<>();
        Map<String, String> feeders = new HashMap<>();
        Feeders names = gateway.layout().grid().names();
        for (int i = 0; i < gateway.layout().meters().size(); i++) {
            String id = gateway.layout().meters().get(i).meterId();
            meterIds.add(id);
            feeders.put(id, names.feederOf(i));
        }
        return new DiagnosisInput(start, NOW, gateway.layout().gatewayId(), meterIds, parents, feeders, events,
                gateway.layout().site().zone());
    }
}
