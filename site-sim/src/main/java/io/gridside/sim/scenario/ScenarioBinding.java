package io.gridside.sim.scenario;

import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Binds a scenario to a site: resolves its meters and feeders against the site's, and fails with the step and
 * field of the first that the site does not have.
 */
final class ScenarioBinding {

    private final Scenario scenario;
    private final MeshTopology topology;
    private final Feeders feeders;
    private final List<String> meterIds;
    private final Map<String, Integer> index = new HashMap<>();

    private ScenarioBinding(Scenario scenario, MeshTopology topology, Feeders feeders) {
        this.scenario = scenario;
        this.topology = topology;
        this.feeders = feeders;
        this.meterIds = topology.meterIds();
        for (int i = 0; i < meterIds.size(); i++) {
            index.put(meterIds.get(i), i);
        }
    }

    /**
     * @throws ScenarioException naming the step and field that name a meter or feeder the site does not have
     */
    static List<BoundStep> bind(Scenario scenario, MeshTopology topology, Feeders feeders, Instant runStart) {
        ScenarioBinding binding = new ScenarioBinding(scenario, topology, feeders);
        List<BoundStep> bound = new ArrayList<>();
        for (Step step : scenario.steps()) {
            bound.add(binding.bind(step, runStart));
        }
        return bound;
    }

    private BoundStep bind(Step step, Instant runStart) {
        SiteEvent.Cause cause = new SiteEvent.Cause(scenario.name(), step.index(), step.kind().fileName());
        Instant from = runStart.plus(step.at());
        Instant to = step.open() ? runStart.plus(scenario.length()) : runStart.plus(step.end());
        return new BoundStep(step, cause, from, to, effectOf(step.kind()), meters(step), meterIds);
    }

    private static BoundStep.Effect effectOf(StepKind kind) {
        return switch (kind) {
            case GRID_POWER_LOSS, FEEDER_POWER_LOSS, INVERTER_TRIP, LOAD_SHEDDING -> BoundStep.Effect.CUT;
            case MAINTENANCE -> BoundStep.Effect.HOLD;
            case REPEATER_FAILURE -> BoundStep.Effect.SILENCE;
            default -> BoundStep.Effect.NONE;
        };
    }

    private List<Integer> meters(Step step) {
        return switch (step.kind().target()) {
            case SITE -> step.kind() == StepKind.GRID_POWER_LOSS || step.kind() == StepKind.INVERTER_TRIP
                    ? IntStream.range(0, meterIds.size()).boxed().toList() : List.of();
            case FEEDER -> feederMembers(step, "feeder");
            case FEEDERS -> feederMembers(step, "feeders");
            case METER -> List.of(meter(step, step.meter()));
            case METERS -> step.meters().isEmpty() ? feederMembers(step, "feeder")
                    : step.meters().stream().map(id -> meter(step, id)).distinct().sorted().toList();
        };
    }

    private List<Integer> feederMembers(Step step, String field) {
        List<Integer> members = new ArrayList<>();
        for (String feeder : step.feeders()) {
            List<Integer> of = feeders.members(feeder);
            if (of.isEmpty()) {
                throw new ScenarioException(scenario.name(), step.index(), field, "names feeder " + feeder
                        + ", which this site does not have; its feeders are " + String.join(", ", feeders.names()));
            }
            members.addAll(of);
        }
        return members.stream().distinct().sorted().toList();
    }

    private int meter(Step step, String id) {
        String field = step.kind().target() == StepKind.Target.METERS ? "meters" : "meter";
        if (Step.BUSIEST_REPEATER.equals(id)) {
            return busiestRepeater(step, field);
        }
        Integer at = index.get(id);
        if (at == null) {
            throw new ScenarioException(scenario.name(), step.index(), field, "names meter " + id
                    + ", which this site of " + meterIds.size() + " meters does not have");
        }
        return at;
    }

    /** The meter with the most meters routing through it as the scenario is bound; it is chosen again as it begins. */
    private int busiestRepeater(Step step, String field) {
        int best = BusiestRepeater.of(topology, index);
        if (best < 0) {
            throw new ScenarioException(scenario.name(), step.index(), field, "asks for "
                    + Step.BUSIEST_REPEATER + ", but no meter of this site relays for another");
        }
        return best;
    }
}
