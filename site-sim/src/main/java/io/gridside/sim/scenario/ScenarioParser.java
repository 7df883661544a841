package io.gridside.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a scenario file and checks everything that does not depend on the site it will run on: each error
 * names the field and, inside a step, the step's index. Meters and feeders are checked against the site when the
 * scenario is bound to it, by {@link ScenarioRunner}.
 *
 * <p>A file looks like this; times are ISO 8601 durations from the start of the run:
 * <pre>
 * {"name": "feeder-outage", "description": "...", "days": 2,
 *  "steps": [{"at": "P1DT18H", "kind": "feeder-power-loss", "feeder": "F2", "duration": "PT3H"}]}
 * </pre>
 *
 * <p>An interference step names the meters ({@code meters}) or the feeder ({@code feeder}) it is around, and may
 * say how far it reaches ({@code radiusMetres}, 5 to 3000) from their middle; without it, just far enough to cover
 * them.
 */
public final class ScenarioParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "days", "steps");
    private static final Set<String> COMMON_FIELDS = Set.of("at", "kind", "duration");
    private static final Map<StepKind, Set<String>> OPTIONAL_FIELDS = Map.of(
            StepKind.INTERFERENCE, Set.of("meters", "feeder", "radiusMetres"),
            StepKind.BATTERY_LOW, Set.of("stateOfChargePercent"));
    /** The nearest and furthest interference may reach, in metres: a household appliance to a faulty inverter. */
    static final double MIN_RADIUS = 5;
    static final double MAX_RADIUS = 3000;
    /** How long a gateway is down when a reboot step does not say. */
    static final Duration DEFAULT_REBOOT = Duration.ofMinutes(3);

    private final String source;

    private ScenarioParser(String source) {
        this.source = source;
    }

    /**
     * Reads a scenario from JSON text.
     *
     * @param source what the text came from, such as a file's path, for the messages
     * @throws ScenarioException naming the field and step that break a rule
     */
    public static Scenario parse(String source, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ScenarioException(source, "is not JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source, "is not a JSON object with name, description, days and steps", null);
        }
        return new ScenarioParser(source).scenario(root);
    }

    private Scenario scenario(JsonNode root) {
        unknownFields(root, SCENARIO_FIELDS, -1);
        String name = text(root, "name", -1);
        if (!NAME.matcher(name).matches()) {
            throw error(-1, "name", "must be 1-40 lower-case letters, digits or '-', was '" + name + "'");
        }
        String description = root.has("description") ? text(root, "description", -1) : "";
        int days = integer(root, "days", -1, 1, Scenario.MAX_DAYS);
        JsonNode stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isArray()) {
            throw error(-1, "steps", "must be an array of steps (it may be empty)");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepsNode.size(); i++) {
            steps.add(step(stepsNode.get(i), i, Duration.ofDays(days)));
        }
        checkOverlaps(steps);
        return new Scenario(name, description, days, steps);
    }

    private Step step(JsonNode node, int index, Duration run) {
        if (!node.isObject()) {
            throw error(index, "kind", "is missing: a step must be an object with at, kind and its fields");
        }
        String kindName = text(node, "kind", index);
        StepKind kind = StepKind.byFileName(kindName);
        if (kind == null) {
            throw error(index, "kind", "is '" + kindName + "', which is not a kind of step; use one of "
                    + StepKind.fileNames());
        }
        Set<String> allowed = new HashSet<>(COMMON_FIELDS);
        allowed.addAll(kind.required());
        allowed.addAll(OPTIONAL_FIELDS.getOrDefault(kind, Set.of()));
        unknownFields(node, allowed, index);
        for (String field : kind.required()) {
            if (!node.has(field)) {
                throw error(index, field, "is missing: a " + kind.fileName() + " step needs it");
            }
        }
        Duration at = duration(node, "at", index);
        if (at.compareTo(run) >= 0) {
            throw error(index, "at", "is " + at + ", outside the run of " + run.toDays() + " days");
        }
        Duration duration = stepDuration(node, kind, index);
        if (at.plus(duration).compareTo(run) > 0) {
            throw error(index, "duration", "makes the step end at " + at.plus(duration)
                    + ", after the run of " + run.toDays() + " days ends");
        }
        return new Step(index, kind, at, duration, node.has("meter") ? text(node, "meter", index) : null,
                feeders(node, kind, index), node.has("meters") ? texts(node, "meters", index) : null,
                node.has("eventsPerInterval") ? integer(node, "eventsPerInterval", index, 1, 1_000_000) : null,
                node.has("driftSecondsPerDay") ? drift(node, index) : null,
                node.has("riseDb") ? number(node, "riseDb", index, 0.1, 60) : null,
                node.has("radiusMetres") ? number(node, "radiusMetres", index, MIN_RADIUS, MAX_RADIUS) : null,
                node.has("stateOfChargePercent") ? integer(node, "stateOfChargePercent", index, 0, 100) : null);
    }

    private Duration stepDuration(JsonNode node, StepKind kind, int index) {
        if (!node.has("duration")) {
            if (kind.needsDuration()) {
                throw error(index, "duration", "is missing: a " + kind.fileName() + " step lasts a while");
            }
            return kind == StepKind.GATEWAY_REBOOT ? DEFAULT_REBOOT : Duration.ZERO;
        }
        if (kind == StepKind.TAMPER) {
            throw error(index, "duration", "does not apply: a tamper is one moment");
        }
        Duration duration = duration(node, "duration", index);
        if (duration.isZero()) {
            throw error(index, "duration", "must be longer than zero; leave it out where the kind allows");
        }
        return duration;
    }

    private List<String> feeders(JsonNode node, StepKind kind, int index) {
        if (kind == StepKind.INTERFERENCE && node.has("meters") == node.has("feeder")) {
            throw error(index, "meters", "or 'feeder' must be given, one of the two: where the noise rises");
        }
        if (node.has("feeder")) {
            return List.of(text(node, "feeder", index));
        }
        return node.has("feeders") ? texts(node, "feeders", index) : null;
    }

    private double drift(JsonNode node, int index) {
        double drift = number(node, "driftSecondsPerDay", index, -86_400, 86_400);
        if (drift == 0) {
            throw error(index, "driftSecondsPerDay", "must not be 0: a clock that keeps time does not drift");
        }
        return drift;
    }

    /** Two steps of one kind on one target at once contradict each other: which one ends the state? */
    private void checkOverlaps(List<Step> steps) {
        for (int j = 0; j < steps.size(); j++) {
            for (int i = 0; i < j; i++) {
                Step a = steps.get(i);
                Step b = steps.get(j);
                if (a.kind() == b.kind() && a.kind() != StepKind.TAMPER && a.kind().target() != StepKind.Target.METERS
                        && sameTarget(a, b)
                        && overlap(a, b)) {
                    throw error(j, "at", "makes this " + b.kind().fileName() + " step overlap step " + i
                            + ", a " + a.kind().fileName() + " of the same " + targetWord(a.kind())
                            + "; end one before the other begins");
                }
            }
        }
    }

    private static boolean sameTarget(Step a, Step b) {
        return switch (a.kind().target()) {
            case SITE -> true;
            case METER -> a.meter().equals(b.meter());
            case FEEDER, FEEDERS -> a.feeders().stream().anyMatch(b.feeders()::contains);
            default -> false;
        };
    }

    private static boolean overlap(Step a, Step b) {
        return a.at().compareTo(endOf(b)) < 0 && b.at().compareTo(endOf(a)) < 0;
    }

    private static Duration endOf(Step step) {
        return step.open() ? Duration.ofDays(Scenario.MAX_DAYS) : step.end();
    }

    private static String targetWord(StepKind kind) {
        return switch (kind.target()) {
            case SITE -> "site";
            case METER -> "meter";
            default -> "feeder";
        };
    }

    private void unknownFields(JsonNode node, Set<String> allowed, int index) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(index, name, index < 0 ? "is not a field of a scenario; its fields are "
                        + String.join(", ", sorted(allowed))
                        : "does not apply to a " + node.get("kind").asText() + " step; its fields are "
                                + String.join(", ", sorted(allowed)));
            }
        }
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private String text(JsonNode node, String field, int index) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw error(index, field, value == null ? "is missing" : "must be a non-empty string");
        }
        return value.asText();
    }

    private List<String> texts(JsonNode node, String field, int index) {
        JsonNode value = node.get(field);
        if (!value.isArray() || value.isEmpty()) {
            throw error(index, field, "must be a non-empty array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw error(index, field, "must hold only non-empty strings");
            }
            texts.add(item.asText());
        }
        return texts;
    }

    private int integer(JsonNode node, String field, int index, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw error(index, field, (value == null ? "is missing; it" : "is " + value + "; it")
                    + " must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private double number(JsonNode node, String field, int index, double min, double max) {
        JsonNode value = node.get(field);
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw error(index, field, "is " + value + "; it must be a number from " + min + " to " + max);
        }
        return value.asDouble();
    }

    private Duration duration(JsonNode node, String field, int index) {
        String text = text(node, field, index);
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw error(index, field, "is '" + text + "', not an ISO 8601 duration such as P1DT18H or PT30M");
        }
        if (duration.isNegative()) {
            throw error(index, field, "is " + text + "; it must not be negative");
        }
        return duration;
    }

    private ScenarioException error(int index, String field, String problem) {
        return new ScenarioException(source, index, field, problem);
    }
}
