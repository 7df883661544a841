package io.gridside.console.replay;

import io.gridside.site.outage.Outage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the Replay screen's windows come from and its reports go: the open session, read and written in the
 * background, or a test's stand-in. Every callback runs on the JavaFX thread.
 */
public interface ReplaySource {

    /** Reads the window {@code choice} names, with progress in the task list. */
    void load(WindowChoice choice, Consumer<ReplayWindow> onLoaded, Consumer<String> onFailure);

    /**
     * Writes the incident report of {@code outage} (null for the whole window) as a printable page at {@code page}
     * and as CSV beside it, then hands over the files written.
     */
    void writeReport(ReplayWindow window, Outage outage, Path page, Consumer<List<Path>> onWritten,
            Consumer<String> onFailure);

    /** Runs {@code action} whenever a session opens: another site, or the same one pulled afresh. */
    void onNewSession(Runnable action);

    /** Runs {@code action} after each pull of the site, which the console makes every few seconds. */
    void onPulled(Runnable action);
}
