package io.gridside.console.service.commission;

import io.gridside.console.service.Progress;
import io.gridside.link.client.CancelSignal;

/** What a step's work sees while it runs: where to report progress, whether to stop, and the journal's once. */
public interface StepContext {

    Progress progress();

    CancelSignal cancel();

    /**
     * Runs {@code action} unless the action named {@code key} was applied before, then records it as applied.
     * The key is handed to the action too, for a gateway that takes it as its idempotency key: should the console
     * stop between the gateway applying and the journal recording, the gateway still recognises the second try.
     *
     * @return whether the action ran now
     * @throws StepCancelledException when the technician cancelled before the action
     */
    boolean once(String key, Action action) throws Exception;

    /** One action of a step, applied under its key. */
    @FunctionalInterface
    interface Action {
        void apply(String key) throws Exception;
    }
}
