package io.gridside.console.service.sync;

import io.gridside.link.client.CancelSignal;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries within a run: a request that failed for a retryable reason is tried again after a back-off (or the wait
 * the cloud asked for, if longer), at most {@value #MAX} times in a row; the run checks for a cancel between tries.
 */
final class Attempts {

    /** How many failures in a row of one step end the step. */
    static final int MAX = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Attempts.class);

    /** A request that may fail. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws CloudException;
    }

    private final Backoff backoff;
    private final Sleeper sleeper;
    private final CancelSignal cancel;

    Attempts(Backoff backoff, Sleeper sleeper, CancelSignal cancel) {
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.cancel = cancel;
    }

    /** Runs {@code call}, retrying a retryable failure up to {@value #MAX} attempts in all. */
    <T> T run(String what, Call<T> call) throws CloudException {
        return run(what, call, e -> false);
    }

    /** Runs {@code call} as {@link #run(String, Call)} does, but gives up at once on a failure {@code giveUp} names. */
    <T> T run(String what, Call<T> call, Predicate<CloudException> giveUp) throws CloudException {
        for (int failures = 1; ; failures++) {
            checkCancel();
            try {
                return call.call();
            } catch (CloudException e) {
                if (e.kind() != CloudException.Kind.RETRYABLE || failures >= MAX || giveUp.test(e)) {
                    throw e;
                }
                waitAfter(what, e, failures);
            }
        }
    }

    /** Waits before the next try of {@code what}, after its {@code failures}-th failure in a row. */
    void waitAfter(String what, CloudException e, int failures) {
        Duration wait = backoff.delay(failures);
        if (e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0) {
            wait = e.retryAfter().compareTo(Backoff.CAP) > 0 ? Backoff.CAP : e.retryAfter();
        }
        LOG.info("{} failed ({}: {}); try {} of {} in {} ms.", what, e.code(), e.getMessage(), failures + 1, MAX,
                wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            checkCancel();
            throw new CancellationException("The sync was interrupted.");
        }
        checkCancel();
    }

    /** Ends the run here if the technician asked it to stop. */
    void checkCancel() {
        if (cancel.isCancelled()) {
            throw new CancellationException("The sync was cancelled; what the cloud acknowledged is kept, and the "
                    + "next run goes on from there.");
        }
    }
}
