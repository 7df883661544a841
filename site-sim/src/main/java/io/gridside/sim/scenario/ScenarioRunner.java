package io.gridside.sim.scenario;

import io.gridside.site.EventKind;
import io.gridside.site.RelayDecision;
import io.gridside.site.RelayState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plays a scenario on the simulated gateway, one quarter hour at a time, and keeps the site's event log: the
 * events its steps cause, each with that step as its cause, and those the site raises on its own (relays the
 * billing engine turns, meters that re-parent, a technician setting the gateway's clock), with no cause.
 *
 * <p>The gateway calls {@link #openInterval} as each quarter hour's tick begins, then moves its mesh on to the
 * interval's end and calls {@link #closeInterval}, then asks, meter by meter, whether its reading reaches the
 * gateway ({@link #delivers}) and for what share of the interval its customer had power ({@link #suppliedShare}).
 * Steps take effect at their own times, to the second, and act on the live mesh: a meter whose supply is cut, and
 * a failed repeater, go quiet in it ({@link MeshTopology#silence}) until {@link #RADIO_BOOT} after they come back;
 * interference raises the noise floor around its meters ({@link MeshTopology#interfere}). A reading reaches the
 * gateway when, at the end of its interval, its meter has power and a live route, and the gateway is up. Nothing
 * here draws a random number, so a scenario and a seed give the same log every time. Not thread-safe: the gateway
 * guards it.
 */
public final class ScenarioRunner {

    /** How long a meter's radio takes to come up once its power or radio is back, before it can rejoin the mesh. */
    public static final Duration RADIO_BOOT = Duration.ofSeconds(30);
    /** How far a meter's clock may be off the gateway's before the gateway corrects it. */
    static final long DRIFT_TOLERANCE_SECONDS = 60;

    /** What a scenario may ask of the gateway it runs on. */
    @FunctionalInterface
    public interface SiteControl {

        /** Makes a meter send {@code eventsPerInterval} events a quarter hour, or stop at 0. */
        void flood(String meterId, int eventsPerInterval);
    }

    /** A step beginning or ending. */
    private record Change(Instant at, BoundStep step, boolean begins) {
    }

    private final Scenario scenario;
    private final MeshTopology topology;
    private final List<String> meterIds;
    private final Map<String, Integer> index = new HashMap<>();
    private final SiteControl control;
    private final EventLog log = new EventLog();
    private final List<BoundStep> steps;
    private final List<Change> changes = new ArrayList<>();
    private final List<BoundStep> lasting = new ArrayList<>();
    private final MeterStates states;
    private final String[] parents;
    /** When the gateway last set each drifting meter's clock, by step; null for other steps. */
    private final Instant[] lastCorrection;
    private int nextChange;
    private boolean gatewayDown;
    private boolean supplyTouched;

    /**
     * Binds {@code scenario} to a site.
     *
     * @param topology the site's mesh, which the steps act on
     * @param feeders the site's feeders, which feeder steps name
     * @param runStart when the run begins, from which the steps' times count
     * @throws ScenarioException naming the step and field that name a meter or feeder the site does not have
     */
    public ScenarioRunner(Scenario scenario, MeshTopology topology, Feeders feeders, Instant runStart,
            SiteControl control) {
        this.scenario = scenario;
        this.topology = topology;
        this.meterIds = topology.meterIds();
        this.control = control;
        this.steps = ScenarioBinding.bind(scenario, topology, feeders, runStart);
        this.states = new MeterStates(topology, log);
        this.parents = meterIds.stream().map(topology::parentOf).toArray(String[]::new);
        for (int i = 0; i < meterIds.size(); i++) {
            index.put(meterIds.get(i), i);
        }
        this.lastCorrection = new Instant[steps.size()];
        for (BoundStep step : steps) {
            changes.add(new Change(step.from, step, true));
            if (step.to.isAfter(step.from)) {
                changes.add(new Change(step.to, step, false));
            }
        }
        // At one instant, what ends goes before what begins, so that back-to-back steps hand over cleanly.
        changes.sort(Comparator.comparing(Change::at).thenComparing(Change::begins)
                .thenComparing(change -> change.step().step.index()));
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The site's event log. */
    public EventLog log() {
        return log;
    }

    /** Whether a backhaul-loss step holds the gateway's backhaul down at {@code at}. */
    public boolean backhaulDownAt(Instant at) {
        return steps.stream().anyMatch(step -> step.step.kind() == StepKind.BACKHAUL_LOSS && step.lastsAt(at));
    }

    /** Whether a gateway-reboot step holds the gateway down at {@code at}. */
    public boolean rebootingAt(Instant at) {
        return steps.stream().anyMatch(step -> step.step.kind() == StepKind.GATEWAY_REBOOT && step.lastsAt(at));
    }

    /** When the gateway last came back from a scripted reboot, at or before {@code at}; null if it never did. */
    public Instant lastRebootEndedBy(Instant at) {
        return steps.stream().filter(step -> step.step.kind() == StepKind.GATEWAY_REBOOT && !step.to.isAfter(at))
                .map(step -> step.to).max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * Checks that {@code scenario} fits a site: that every meter and feeder it names is there.
     *
     * @throws ScenarioException naming the step and field that name a meter or feeder the site does not have
     */
    public static void check(Scenario scenario, MeshTopology topology, Feeders feeders) {
        ScenarioBinding.bind(scenario, topology, feeders, Instant.EPOCH);
    }

    /**
     * Plays the steps that begin or end in the quarter hour [start, end), on the mesh as its update at
     * {@code start} left it.
     */
    public void openInterval(Instant start, Instant end) {
        while (nextChange < changes.size() && changes.get(nextChange).at().isBefore(end)) {
            Instant at = changes.get(nextChange).at();
            while (nextChange < changes.size() && changes.get(nextChange).at().equals(at)) {
                apply(changes.get(nextChange++));
            }
            states.update(at, lasting);
        }
        supplyTouched = steps.stream().anyMatch(step -> (step.effect == BoundStep.Effect.CUT
                || step.effect == BoundStep.Effect.HOLD) && step.touches(start, end));
    }

    /**
     * Takes the mesh's update at {@code end}, the end of the interval just opened: logs the meters that re-parented,
     * works out who reaches the gateway by the new routes, and corrects the clocks the readings arriving then show
     * are off.
     */
    public void closeInterval(Instant end) {
        noteParents(end);
        states.update(end, lasting);
        correctClocks(end);
    }

    /**
     * Whether the reading of the meter at {@code index} for the interval just closed reaches the gateway: its meter
     * has power and a live route, and the gateway is up. Whether the reading then crosses each hop in time is the
     * mesh traffic's part (see {@code io.gridside.sim.mesh.MeshTraffic}).
     */
    public boolean delivers(int index) {
        return !gatewayDown && states.up(index);
    }

    /**
     * The share of the quarter hour from {@code start} in which the customer of the meter at {@code index} had
     * power: its supply was not cut and its relay not held open. Sampled each minute, at the half minute.
     */
    public double suppliedShare(int index, Instant start) {
        if (!supplyTouched) {
            return 1;
        }
        int minutes = (int) io.gridside.site.Reading.INTERVAL.toMinutes();
        int supplied = 0;
        for (int minute = 0; minute < minutes; minute++) {
            Instant at = start.plusSeconds(60L * minute + 30);
            boolean cut = false;
            for (BoundStep step : steps) {
                cut |= (step.effect == BoundStep.Effect.CUT || step.effect == BoundStep.Effect.HOLD)
                        && step.covers(index) && step.lastsAt(at);
            }
            supplied += cut ? 0 : 1;
        }
        return (double) supplied / minutes;
    }

    /** Whether the meter at {@code index} has power at {@code at}: no step cuts its supply then. */
    public boolean poweredAt(int index, Instant at) {
        return steps.stream().noneMatch(step -> step.effect == BoundStep.Effect.CUT && step.covers(index)
                && step.lastsAt(at));
    }

    /** Logs a relay the billing engine turned, as billing's. */
    public void relayTurned(RelayDecision decision) {
        log.add(decision.at(), decision.meterId(), decision.relay() == RelayState.ON ? EventKind.RELAY_ON
                : EventKind.RELAY_OFF, Map.of("reason", "billing", "billingReason", decision.reason()), null);
    }

    /** Logs a technician setting the gateway's clock. */
    public void gatewayClockSet(Instant previous, Instant now) {
        log.add(now, topology.gatewayId(), EventKind.CLOCK_CORRECTION,
                Map.of("correctionSeconds", String.valueOf(Duration.between(previous, now).toSeconds()),
                        "by", "technician"), null);
    }

    private void noteParents(Instant at) {
        for (int i = 0; i < parents.length; i++) {
            String parent = topology.parentOf(meterIds.get(i));
            if (parent != null && !parent.equals(parents[i])) {
                log.add(at, meterIds.get(i), EventKind.PARENT_CHANGE, Map.of("from", String.valueOf(parents[i]),
                        "to", parent), null);
                parents[i] = parent;
            }
        }
    }

    private void apply(Change change) {
        BoundStep step = change.step();
        if (change.begins()) {
            lasting.add(step);
            begin(step);
        } else {
            lasting.remove(step);
            end(step);
        }
        gatewayDown = lasting.stream().anyMatch(s -> s.step.kind() == StepKind.GATEWAY_REBOOT);
    }

    private void begin(BoundStep bound) {
        Step step = bound.step;
        switch (step.kind()) {
            case BACKHAUL_LOSS -> gatewayEvent(bound.from, bound, EventKind.BACKHAUL_DOWN, Map.of());
            case GATEWAY_REBOOT -> gatewayEvent(bound.from, bound, EventKind.GATEWAY_REBOOT,
                    Map.of("downtimeSeconds", String.valueOf(step.duration().toSeconds())));
            case INTERFERENCE -> beginInterference(bound);
            case REPEATER_FAILURE -> failRepeater(bound);
            case TAMPER -> log.add(bound.from, bound.meterId(), EventKind.TAMPER, Map.of("sensor", "cover"),
                    bound.cause);
            case CLOCK_DRIFT -> lastCorrection[steps.indexOf(bound)] = bound.from;
            case MESH_FLOOD -> {
                control.flood(bound.meterId(), step.eventsPerInterval());
                log.add(bound.from, bound.meterId(), EventKind.MESH_FLOOD, Map.of("state", "started",
                        "eventsPerInterval", String.valueOf(step.eventsPerInterval())), bound.cause);
            }
            case BATTERY_LOW -> gatewayEvent(bound.from, bound, EventKind.BATTERY_LOW,
                    step.stateOfChargePercent() == null ? Map.of()
                            : Map.of("stateOfChargePercent", String.valueOf(step.stateOfChargePercent())));
            case INVERTER_TRIP -> gatewayEvent(bound.from, bound, EventKind.INVERTER_TRIP,
                    Map.of("reason", "overload"));
            case GENERATOR_FAILURE -> gatewayEvent(bound.from, bound, EventKind.GENERATOR_FAILURE, Map.of());
            case LOAD_SHEDDING -> gatewayEvent(bound.from, bound, EventKind.LOAD_SHEDDING_START,
                    Map.of("feeders", String.join(",", step.feeders())));
            case MAINTENANCE -> log.add(bound.from, bound.meterId(), EventKind.RELAY_OFF,
                    Map.of("reason", "maintenance"), bound.cause);
            default -> {
                // A loss of supply shows in the meters' own events, which MeterStates logs.
            }
        }
        if (bound.effect == BoundStep.Effect.CUT) {
            bound.meterIds.forEach(id -> topology.silence(id, bound.from, bound.to.plus(RADIO_BOOT)));
        }
    }

    private void end(BoundStep bound) {
        Step step = bound.step;
        switch (step.kind()) {
            case BACKHAUL_LOSS -> gatewayEvent(bound.to, bound, EventKind.BACKHAUL_UP, Map.of());
            case INTERFERENCE -> gatewayEvent(bound.to, bound, EventKind.INTERFERENCE_END, Map.of());
            case MESH_FLOOD -> {
                control.flood(bound.meterId(), 0);
                log.add(bound.to, bound.meterId(), EventKind.MESH_FLOOD, Map.of("state", "stopped"), bound.cause);
            }
            case BATTERY_LOW -> gatewayEvent(bound.to, bound, EventKind.BATTERY_RECOVERED, Map.of());
            case INVERTER_TRIP -> gatewayEvent(bound.to, bound, EventKind.INVERTER_RESET, Map.of());
            case GENERATOR_FAILURE -> gatewayEvent(bound.to, bound, EventKind.GENERATOR_RESTORED, Map.of());
            case LOAD_SHEDDING -> gatewayEvent(bound.to, bound, EventKind.LOAD_SHEDDING_END,
                    Map.of("feeders", String.join(",", step.feeders())));
            case MAINTENANCE -> log.add(bound.to, bound.meterId(), EventKind.RELAY_ON,
                    Map.of("reason", "maintenance"), bound.cause);
            default -> {
                // The other steps' ends show in the meters' own events, or need none.
            }
        }
    }

    /**
     * The noise rises around the step's meters, and the mesh's links there degrade by their signal-to-noise ratio;
     * from now on the step covers the meters inside its circle, whose lost routes carry it as their cause.
     */
    private void beginInterference(BoundStep bound) {
        double rise = bound.step.riseDb();
        List<String> reached = topology.interfere(bound.meterIds, bound.step.radiusMetres(), rise, bound.from,
                bound.to);
        bound.actOn(reached.stream().map(index::get).sorted().toList(), meterIds);
        gatewayEvent(bound.from, bound, EventKind.INTERFERENCE_START,
                Map.of("riseDb", String.format(Locale.ROOT, "%.1f", rise),
                        "meters", String.valueOf(bound.meterIds.size())));
    }

    /**
     * The repeater's radio goes quiet in the mesh. The busiest repeater is the one the most meters route through
     * as the step begins; its subtree loses its routes at once, and each meter in it keeps none unless the mesh
     * finds it another parent at its next update.
     */
    private void failRepeater(BoundStep bound) {
        if (Step.BUSIEST_REPEATER.equals(bound.step.meter())) {
            int busiest = BusiestRepeater.of(topology, index);
            if (busiest >= 0) {
                bound.actOn(List.of(busiest), meterIds);
            }
        }
        topology.silence(bound.meterId(), bound.from, bound.to.plus(RADIO_BOOT));
    }

    private void gatewayEvent(Instant at, BoundStep bound, EventKind kind, Map<String, String> details) {
        log.add(at, topology.gatewayId(), kind, new TreeMap<>(details), bound.cause);
    }

    /** A drifting meter's clock is checked by each reading that arrives, and set once it is a minute off. */
    private void correctClocks(Instant end) {
        for (int s = 0; s < steps.size(); s++) {
            BoundStep step = steps.get(s);
            if (step.step.kind() != StepKind.CLOCK_DRIFT || lastCorrection[s] == null || end.isAfter(step.to)) {
                continue;
            }
            int meter = step.meterIndexes.get(0);
            double offset = step.step.driftSecondsPerDay() * Duration.between(lastCorrection[s], end).toSeconds()
                    / 86_400.0;
            if (Math.abs(offset) >= DRIFT_TOLERANCE_SECONDS && delivers(meter)) {
                long seconds = Math.round(offset);
                log.add(end, step.meterId(), EventKind.CLOCK_DRIFT, Map.of("offsetSeconds", String.valueOf(seconds)),
                        step.cause);
                log.add(end, step.meterId(), EventKind.CLOCK_CORRECTION, Map.of("correctionSeconds",
                        String.valueOf(-seconds), "by", "gateway"), step.cause);
                lastCorrection[s] = end;
            }
        }
    }
}
