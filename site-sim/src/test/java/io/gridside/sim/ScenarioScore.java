package io.gridside.sim;

import io.gridside.sim.rf.MeshTopology;
import io.gridside.sim.scenario.Feeders;
import io.gridside.sim.scenario.Scenario;
import io.gridside.site.SiteEvent;
import io.gridside.site.outage.Diagnoser;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.DiagnosisInput;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scenario played on a simulated site, its event log diagnosed, and each scripted event scored: its truth is the
 * cause its step stands for ({@link OutageCause#ofScenarioStep}), the prediction the cause of the outage that
 * explains it, or none when no outage does.
 *
 * @param diagnosis the diagnosis of the run's whole log
 * @param events every event of the run
 * @param matrix how many scored events of each true cause got each predicted cause (null for none)
 */
record ScenarioScore(Diagnosis diagnosis, List<SiteEvent> events, Map<OutageCause, Map<OutageCause, Integer>> matrix) {

    /** A column of the matrix for events no outage explains. */
    static final String NONE = "none";

    /** Diagnoses the run of {@code scenario} on {@code gateway}, whose clock stands at the run's end. */
    static ScenarioScore of(SimulatedGateway gateway, Scenario scenario, Instant end) {
        Instant start = end.minus(scenario.length());
        List<SiteEvent> events = gateway.events(Instant.EPOCH, end);
        Diagnosis diagnosis = Diagnoser.diagnose(input(gateway, start, end, events));
        Map<OutageCause, Map<OutageCause, Integer>> matrix = new EnumMap<>(OutageCause.class);
        Map<Long, Outage> byEvent = diagnosis.byEvent();
        for (SiteEvent event : events) {
            OutageCause truth = event.cause() == null ? null : OutageCause.ofScenarioStep(event.cause().kind());
            if (truth != null) {
                Outage outage = byEvent.get(event.id());
                matrix.computeIfAbsent(truth, t -> new HashMap<>())
                        .merge(outage == null ? null : outage.cause(), 1, Integer::sum);
            }
        }
        return new ScenarioScore(diagnosis, events, matrix);
    }

    /** What the console would hand the diagnoser for the run: the meters, the mesh at its start, the feeders. */
    static DiagnosisInput input(SimulatedGateway gateway, Instant start, Instant end, List<SiteEvent> events) {
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
        return new DiagnosisInput(start, end, gateway.layout().gatewayId(), meterIds, parents, feeders, events);
    }

    /** How many scored events had {@code truth} and were predicted {@code predicted} (null for none). */
    int count(OutageCause truth, OutageCause predicted) {
        return matrix.getOrDefault(truth, Map.of()).getOrDefault(predicted, 0);
    }

    /** Of the scored events whose truth is {@code cause}, the share predicted so. */
    double recall(OutageCause cause) {
        int all = matrix.getOrDefault(cause, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        return all == 0 ? 1 : (double) count(cause, cause) / all;
    }

    /** Of the scored events predicted {@code cause}, the share whose truth is so. */
    double precision(OutageCause cause) {
        int predicted = matrix.values().stream().mapToInt(row -> row.getOrDefault(cause, 0)).sum();
        return predicted == 0 ? 1 : (double) count(cause, cause) / predicted;
    }

    /** Of all scored events, the share predicted as their truth. */
    double accuracy() {
        int all = 0;
        int right = 0;
        for (Map.Entry<OutageCause, Map<OutageCause, Integer>> row : matrix.entrySet()) {
            for (Map.Entry<OutageCause, Integer> cell : row.getValue().entrySet()) {
                all += cell.getValue();
                right += row.getKey() == cell.getKey() ? cell.getValue() : 0;
            }
        }
        return all == 0 ? 1 : (double) right / all;
    }

    /** The true causes of the scored events. */
    java.util.Set<OutageCause> truths() {
        return matrix.keySet();
    }

    /**
     * The confusion matrix as text: a row per true cause, a column per cause any event was predicted as, then
     * {@value #NONE}, then each row's recall; a last line of each column's precision.
     */
    String table() {
        List<OutageCause> columns = new ArrayList<>();
        for (OutageCause cause : OutageCause.values()) {
            if (matrix.containsKey(cause) || matrix.values().stream().anyMatch(row -> row.containsKey(cause))) {
                columns.add(cause);
            }
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-18s", "truth \\ predicted"));
        columns.forEach(cause -> text.append(String.format(Locale.ROOT, "%16s", cause.code())));
        text.append(String.format(Locale.ROOT, "%8s%8s%n", NONE, "recall"));
        for (OutageCause truth : new TreeMap<>(matrix).keySet()) {
            text.append(String.format(Locale.ROOT, "%-18s", truth.code()));
            columns.forEach(cause -> text.append(String.format(Locale.ROOT, "%16d", count(truth, cause))));
            text.append(String.format(Locale.ROOT, "%8d%8.2f%n", count(truth, null), recall(truth)));
        }
        text.append(String.format(Locale.ROOT, "%-18s", "precision"));
        columns.forEach(cause -> text.append(String.format(Locale.ROOT, "%16.2f", precision(cause))));
        return text.append(System.lineSeparator()).toString();
    }
}
