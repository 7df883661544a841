package io.gridside.console.sync;

import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;

/**
 * Where the sync screen's facts come from and its orders go: the open site's sync schedule, or a test's stand-in.
 * Every callback runs on the JavaFX thread; a failure comes as a sentence for the technician.
 */
public interface SyncSource {

    /**
     * Hands {@code onOverview} each new status (after a probe, a run, a change of site) and {@code onProgress}
     * each step of a run, whoever started it: the schedule or the technician.
     */
    void listen(Consumer<SyncOverview> onOverview, Consumer<SyncProgress> onProgress);

    /**
     * Hands {@code onEnd} the end of each run the schedule started by itself that is worth telling the technician
     * of on any screen (see {@link ScheduledRuns}); a run by hand is a task, told of as tasks are. One listener at a
     * time: a frame built again on a language switch replaces the one before.
     */
    void onScheduledRunEnd(Consumer<ScheduledRun> onEnd);

    /** Reads the status again now. */
    void reload();

    /** Starts a run at once, unless one is under way. */
    void syncNow(Consumer<String> onFailure);

    /** Stops the run under way between two chunks; what the cloud acknowledged stays acknowledged. */
    void cancel();

    /** Does {@code item}'s action: sends it again, or marks it dealt with. */
    void act(SyncOverview.Attention item, Consumer<String> onFailure);

    /**
     * Keeps {@code url} and {@code pin} as the site's cloud and starts syncing with it; {@code onFailure} hears what
     * is wrong with either.
     */
    void configure(String url, String pin, Consumer<String> onFailure);

    /** Whether a site is open, whose sync there is to show. */
    BooleanExpression siteOpen();

    /** The site's time zone, in which the screen shows instants. */
    ZoneId zone();
}
