package io.gridside.console.service.commission;

import io.gridside.site.commission.CommissionStep;

/** The technician cancelled a step between two of its actions; what was applied stays recorded. */
public final class StepCancelledException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient CommissionStep step;

    public StepCancelledException(CommissionStep step) {
        super("Commissioning was cancelled during the step " + step + "; it resumes where it stopped.");
        this.step = step;
    }

    public CommissionStep step() {
        return step;
    }
}
