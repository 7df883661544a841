package io.gridside.console.service.commission;

/**
 * The work of one commissioning step. It may run again after an interruption: every action that changes the site
 * or the gateway goes through {@link StepContext#once}, so the second run skips what the first applied.
 */
@FunctionalInterface
public interface StepWork {

    StepOutcome run(StepContext context) throws Exception;
}
