package io.gridside.sim.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a scenario: what happens, when, for how long, and to what. Fields a kind does not use are null.
 *
 * @param index the step's place in its scenario, from 0, which errors and causes name it by
 * @param at when it begins, from the start of the run
 * @param duration how long it lasts; zero for a step that is one moment, and for a clock drift that never ends
 * @param meter the meter it acts on: an id, or {@value #BUSIEST_REPEATER} for the meter most others route through
 * @param feeders the feeders it acts on
 * @param meters the meters it acts on, for interference
 * @param eventsPerInterval how many events a flooding meter sends a quarter hour
 * @param driftSecondsPerDay how far a drifting meter's clock moves from true time a day, fast when positive
 * @param riseDb how far interference raises the noise floor
 * @param radiusMetres how far interference reaches from the middle of its meters; null for just far enough to
 *     cover them
 * @param stateOfChargePercent the battery bank's state of charge when it is low
 */
public record Step(int index, StepKind kind, Duration at, Duration duration, String meter, List<String> feeders,
        List<String> meters, Integer eventsPerInterval, Double driftSecondsPerDay, Double riseDb,
        Double radiusMetres, Integer stateOfChargePercent) {

    /** A meter selector: the meter with the most meters routing through it when the scenario starts. */
    public static final String BUSIEST_REPEATER = "@busiest-repeater";

    public Step {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(duration, "duration");
        feeders = feeders == null ? List.of() : List.copyOf(feeders);
        meters = meters == null ? List.of() : List.copyOf(meters);
    }

    /** When it ends, from the start of the run; a drift without a duration never does. */
    public Duration end() {
        return at.plus(duration);
    }

    /** Whether the step lasts from its start until the run ends. */
    boolean open() {
        return duration.isZero() && kind == StepKind.CLOCK_DRIFT;
    }
}
