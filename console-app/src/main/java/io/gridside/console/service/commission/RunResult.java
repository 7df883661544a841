package io.gridside.console.service.commission;

import io.gridside.site.commission.CommissionStep;
import java.util.List;
import java.util.Objects;

/**
 * How a run of the commissioning steps ended.
 *
 * @param ran     the steps completed in this run, in order
 * @param stopped the step the run stopped at, or null when every step it was asked to run is done
 * @param waiting what that step needs from the technician, in English; empty when it stopped at none
 * @param says    the same by its key in the commission bundle, for the screen; null when it stopped at none
 */
public record RunResult(List<CommissionStep> ran, CommissionStep stopped, String waiting, CommissionSentence says) {

    public RunResult {
        ran = List.copyOf(ran);
        Objects.requireNonNull(waiting, "waiting");
    }

    /** A run that did {@code ran} and stopped at no step. */
    static RunResult completed(List<CommissionStep> ran) {
        return new RunResult(ran, null, "", null);
    }

    /** Whether every step the run was asked to take is done; for a full run, the site is commissioned. */
    public boolean complete() {
        return stopped == null;
    }
}
