package io.gridside.console.replay;

import io.gridside.console.I18n;
import io.gridside.console.Sentence;
import io.gridside.console.service.Progress;
import io.gridside.console.service.ReplayHistory;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.site.SiteInfo;
import io.gridside.site.outage.Outage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Replay screen's windows read from the open session's site database, and its reports written, in the
 * background.
 */
public final class SessionReplaySource implements ReplaySource {

    private final SessionViewModel session;

    public SessionReplaySource(SessionViewModel session) {
        this.session = session;
    }

    @Override
    public void load(WindowChoice choice, Consumer<ReplayWindow> onLoaded, Consumer<String> onFailure) {
        session.loadOnSession(Sentence.of("task.replay"), (open, context) -> read(open.replayHistory(), choice,
                context), onLoaded, failure -> onFailure.accept(SessionViewModel.describe(failure)));
    }

    /** Reads the window {@code choice} names from {@code history}; says in a sentence why when it cannot. */
    static ReplayWindow read(ReplayHistory history, WindowChoice choice, Progress progress) {
        SiteInfo site = history.site().orElseThrow(() -> new ReplayUnavailableException(
                I18n.text("replay.nothingPulled")));
        Instant last = history.lastEventAt().orElseThrow(() -> new ReplayUnavailableException(
                I18n.text("replay.noEventsHeld")));
        Instant end = choice.end(last, site.zone());
        try {
            return ReplayWindow.load(history, choice.start(end), end, progress);
        } catch (UnsupportedOperationException notBuilt) {
            throw new ReplayUnavailableException(I18n.text("replay.engineMissing"), notBuilt);
        }
    }

    @Override
    public void writeReport(ReplayWindow window, Outage outage, Path page, Consumer<List<Path>> onWritten,
            Consumer<String> onFailure) {
        session.runOnSession(Sentence.of("task.replayReport"), (open, context) -> ReplayReports.write(
                open.replayHistory(), window, outage, page), onWritten,
                failure -> onFailure.accept(SessionViewModel.describe(failure)));
    }

    @Override
    public void onNewSession(Runnable action) {
        session.onNewSession(hello -> {
            if (hello != null) {
                action.run();
            }
        });
    }

    @Override
    public void onPulled(Runnable action) {
        session.pullsProperty().addListener((obs, old, count) -> action.run());
    }
}
