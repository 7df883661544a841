package io.gridside.console.service.commission;

import java.util.Objects;

/**
 * How a step's run ended: done, or waiting for the technician (a file to choose, meters still to assign), with a
 * sentence that says what is missing.
 *
 * @param done    whether the step is complete
 * @param waiting what the step still needs from the technician, empty when done
 */
public record StepOutcome(boolean done, String waiting) {

    public StepOutcome {
        Objects.requireNonNull(waiting, "waiting");
        if (done != waiting.isEmpty()) {
            throw new IllegalArgumentException("A done step waits for nothing, a step not done says what it needs");
        }
    }

    public static StepOutcome finished() {
        return new StepOutcome(true, "");
    }

    public static StepOutcome waitingFor(String what) {
        return new StepOutcome(false, what);
    }
}
