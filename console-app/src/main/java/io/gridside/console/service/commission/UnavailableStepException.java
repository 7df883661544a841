package io.gridside.console.service.commission;

import io.gridside.site.commission.CommissionStep;

/** A step this console cannot do yet: commissioning stops before it, with everything before it kept. */
public final class UnavailableStepException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient CommissionStep step;

    public UnavailableStepException(CommissionStep step) {
        super("The commissioning step " + step + " is not available in this console; the steps before it are kept.");
        this.step = step;
    }

    public CommissionStep step() {
        return step;
    }
}
