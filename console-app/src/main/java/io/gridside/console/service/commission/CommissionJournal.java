package io.gridside.console.service.commission;

import io.gridside.site.commission.CommissionStep;
import java.time.Instant;
import java.util.Set;

/**
 * Where commissioning keeps its progress: which steps are done, and which single actions (a meter commissioned, an
 * opening balance posted) have been applied, each under a key that names the action and its content. Every write
 * is durable when the method returns, so that what a resumed run finds recorded was really done.
 */
public interface CommissionJournal {

    /** The steps recorded as done. */
    Set<CommissionStep> done();

    /** Records {@code step} as done, with what it was done with in a few words (possibly empty). */
    void markDone(CommissionStep step, String detail);

    /**
     * Records {@code step} as done at {@code at}, the time it happened by the clock of what did it (the gateway's
     * for go-live); a journal that keeps no times records it as {@link #markDone(CommissionStep, String)} does.
     */
    default void markDone(CommissionStep step, Instant at, String detail) {
        markDone(step, detail);
    }

    /** The words {@code step} was recorded done with, or empty when it is not done. */
    String detail(CommissionStep step);

    /** Records {@code step} and every step after it as not done, as when the technician goes back to it. */
    void reopenFrom(CommissionStep step);

    /** Whether the action named {@code key} has been applied. */
    boolean applied(String key);

    /** Records the action named {@code key} as applied. */
    void markApplied(String key);

    /** Forgets that the action named {@code key} was applied, once it has been undone. */
    void forget(String key);
}
