package io.gridside.console.service.commission;

import io.gridside.site.commission.CommissionStep;
import java.util.Objects;

/**
 * Where one step stands, as the commissioning screen lists them down its side.
 *
 * @param step   the step
 * @param status done, current (the first not done), left, or unavailable when this console cannot do it
 */
public record StepState(CommissionStep step, Status status) {

    public StepState {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
    }

    /** How far a step is. */
    public enum Status {
        DONE, CURRENT, LEFT, UNAVAILABLE
    }
}
