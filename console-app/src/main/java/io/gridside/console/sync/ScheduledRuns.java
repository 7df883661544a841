package io.gridside.console.sync;

import io.gridside.console.service.sync.SyncSchedule;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Which ends of the site's sync runs the technician is told of apart from the Sync screen: those of the runs the
 * schedule started by itself, since a run by hand is a task and told of as tasks are; not a cancelled one, which a
 * person asked for; and a failure only when it is not the one told last, so that a laptop offline for a day hears
 * once that the cloud does not answer, not at every try of the back-off.
 */
final class ScheduledRuns {

    private final Function<Throwable, String> describe;
    private String lastFailure;

    /** Ends told with each failure worded by {@code describe}. */
    ScheduledRuns(Function<Throwable, String> describe) {
        this.describe = describe;
    }

    /** What to tell of {@code end}, or empty when it is not worth a notice. */
    Optional<ScheduledRun> told(SyncSchedule.RunEnd end) {
        if (end.byHand() || end.failure().filter(CancellationException.class::isInstance).isPresent()) {
            return Optional.empty();
        }
        Optional<String> failure = end.failure().map(describe);
        String before = lastFailure;
        lastFailure = failure.orElse(null);
        if (failure.isPresent() && failure.get().equals(before)) {
            return Optional.empty();
        }
        return Optional.of(new ScheduledRun(end.took(), failure));
    }
}
