package io.gridside.sim.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A scripted run of a simulated site: how long it lasts and the steps that happen during it. Read one with
 * {@link ScenarioParser}, or by name from {@link Scenarios}.
 *
 * @param name a short name, such as {@code feeder-outage}, that causes carry
 * @param description one sentence for the technician who picks it
 * @param days how long the run lasts, from the start of the gateway's history
 * @param steps the steps, in the file's order
 */
public record Scenario(String name, String description, int days, List<Step> steps) {

    /** The most days a scenario may run. */
    public static final int MAX_DAYS = 400;

    /** A run with nothing scripted: the site left to itself. */
    public static final Scenario NONE = new Scenario("none", "Nothing scripted.", MAX_DAYS, List.of());

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        steps = List.copyOf(steps);
    }

    /** The length of the run. */
    public Duration length() {
        return Duration.ofDays(days);
    }
}
