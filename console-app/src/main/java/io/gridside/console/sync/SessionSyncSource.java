package io.gridside.console.sync;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.console.service.SiteSync;
import io.gridside.console.service.sync.CloudException;
import io.gridside.console.service.sync.SyncStatus;
import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.message.HelloReply;
import io.gridside.site.sync.Attention;
import io.gridside.site.sync.FieldReview;
import io.gridside.site.sync.SyncConfig;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.concurrent.Task;

/**
 * The sync of the site the session has open: its status as the schedule reports it, pushed to the screen on the
 * JavaFX thread, and the technician's orders carried out in the background. A new session's sync is followed from
 * the moment it connects; the previous one's reports are dropped.
 */
public final class SessionSyncSource implements SyncSource {

    /** Where a failed request's sentence is among the console's texts: {@code sync.failure.CODE}. */
    private static final String FAILURE = "sync.failure.";

    private final SessionViewModel session;
    private final RunSteps steps = new RunSteps();
    private Consumer<SyncOverview> overviews = overview -> { };
    private Consumer<SyncProgress> progress = step -> { };
    private Consumer<ScheduledRun> scheduledRunEnds = end -> { };
    /** The ends of the followed sync's runs worth a notice; read and set on the JavaFX thread. */
    private ScheduledRuns scheduledRuns = new ScheduledRuns(SessionSyncSource::describe);
    /** The sync followed now; read and set on the JavaFX thread. */
    private SiteSync followed;
    /** How the followed sync's last run failed, to word its last error; read and set on the JavaFX thread. */
    private Throwable lastFailure;
    /** The followed sync's status shown last; read and set on the JavaFX thread. */
    private SiteSync.Snapshot shown;
    /**
     * Reads the status again after a language switch, so that the last error reads in the new language; held here
     * and listened to weakly, since the language lives as long as the console.
     */
    private final ChangeListener<Locale> reword = (language, old, now) -> Message.onFxThread(this::reload);

    public SessionSyncSource(SessionViewModel session) {
        this.session = session;
        session.stateProperty().addListener((obs, old, state) -> {
            if (state == LinkState.CONNECTED) {
                follow();
            } else if (state == LinkState.DISCONNECTED) {
                forget();
            }
        });
        I18n.languageProperty().addListener(new WeakChangeListener<>(reword));
    }

    @Override
    public void onScheduledRunEnd(Consumer<ScheduledRun> onEnd) {
        scheduledRunEnds = onEnd;
    }

    @Override
    public void listen(Consumer<SyncOverview> onOverview, Consumer<SyncProgress> onProgress) {
        overviews = onOverview;
        progress = onProgress;
    }

    /** Follows the open session's sync, once per session: a reconnection opens a new one. */
    private void follow() {
        session.loadOnSession(Sentence.of("task.sync.follow"), (open, context) -> open.sync(), sync -> {
            if (sync == followed) {
                reload();
                return;
            }
            followed = sync;
            lastFailure = null;
            shown = null;
            steps.clear();
            scheduledRuns = new ScheduledRuns(SessionSyncSource::describe);
            sync.addListener(snapshot -> Platform.runLater(() -> {
                if (sync == followed) {
                    show(snapshot);
                }
            }));
            sync.addRunEndListener(end -> Platform.runLater(() -> {
                if (sync == followed) {
                    lastFailure = end.failure().orElse(null);
                    if (shown != null) {
                        overviews.accept(overview(shown));
                    }
                    scheduledRuns.told(end).ifPresent(scheduledRunEnds);
                }
            }));
            session.runInBackground(Sentence.of("task.sync.status"), context -> {
                sync.siteStored();
                return sync;
            }, started -> { }, failure -> { });
        }, failure -> { });
    }

    private void forget() {
        followed = null;
        lastFailure = null;
        shown = null;
        steps.clear();
        overviews.accept(SyncOverview.NOT_SET_UP);
        progress.accept(SyncProgress.IDLE);
    }

    @Override
    public void reload() {
        SiteSync sync = followed;
        if (sync != null) {
            session.runInBackground(Sentence.of("task.sync.status"), context -> sync.snapshot(), snapshot -> {
                if (sync == followed) {
                    show(snapshot);
                }
            }, failure -> { });
        }
    }

    @Override
    public void syncNow(Consumer<String> onFailure) {
        SiteSync sync = followed;
        if (sync == null) {
            onFailure.accept(I18n.text("sync.noSite"));
            return;
        }
        Task<?> run = session.tasks().submit(Sentence.of("task.sync.run"), context -> {
            try {
                return sync.runNow().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }, result -> { }, failure -> {
            if (!(failure instanceof CancellationException)) {
                onFailure.accept(describe(failure));
            }
        });
        // The task only waits for the run; a cancel from the task list stops the run itself at its next chunk.
        run.setOnCancelled(event -> sync.cancel());
    }

    /** A failure of a run in a sentence, with the cloud's code when it gave one. */
    static String describe(Throwable failure) {
        if (failure instanceof CloudException cloud) {
            return cloud(cloud);
        }
        return failure instanceof IllegalStateException ? Failures.words(failure) : SessionViewModel.describe(failure);
    }

    /**
     * A request to the cloud that failed, with its code: worded from {@code sync.failure.CODE} in any language but
     * English, where the sync's own sentence (with the cloud's address) is kept, as the log and the command line read
     * it. A code the console has no sentence for (one the cloud chose) keeps the cloud's own words.
     */
    private static String cloud(CloudException cloud) {
        String key = FAILURE + cloud.code();
        String words = Locale.ENGLISH.equals(I18n.locale()) || !I18n.has(key) ? cloud.getMessage()
                : I18n.text(key);
        return words + " [" + cloud.code() + "]";
    }

    @Override
    public void cancel() {
        SiteSync sync = followed;
        if (sync != null) {
            sync.cancel();
        }
    }

    /**
     * Marks the item dealt with; a retry also starts a run at once, which sends the batch again, since its stream's
     * checkpoint never passed it.
     */
    @Override
    public void act(SyncOverview.Attention item, Consumer<String> onFailure) {
        SiteSync sync = followed;
        if (sync == null) {
            onFailure.accept(I18n.text("sync.noSite"));
            return;
        }
        session.runInBackground(Sentence.of("task.sync.act", item.item()), context -> {
            sync.resolve(Long.parseLong(item.id()));
            return item.action() == SyncOverview.Action.RETRY;
        }, retry -> {
            if (retry) {
                syncNow(onFailure);
            }
        }, onFailure);
    }

    @Override
    public void configure(String url, String pin, Consumer<String> onFailure) {
        SiteSync sync = followed;
        if (sync == null) {
            onFailure.accept(I18n.text("sync.noSite"));
            return;
        }
        session.runInBackground(Sentence.of("task.sync.configure", url), context -> {
            sync.configure(url, pin);
            return url;
        }, saved -> { }, onFailure);
    }

    @Override
    public BooleanExpression siteOpen() {
        return session.helloProperty().isNotNull();
    }

    @Override
    public ZoneId zone() {
        HelloReply hello = session.helloProperty().get();
        return hello == null ? ZoneOffset.UTC : ZoneId.of(hello.timeZone());
    }

    private void show(SiteSync.Snapshot snapshot) {
        // The overview first: the end of a run is worded from its last error.
        shown = snapshot;
        overviews.accept(overview(snapshot));
        progress.accept(steps.next(snapshot.status()));
    }

    private SyncOverview overview(SiteSync.Snapshot snapshot) {
        SyncStatus status = snapshot.status();
        SyncConfig config = snapshot.config().orElse(null);
        List<SyncOverview.Attention> attention = status.attention().stream().map(SessionSyncSource::attention)
                .toList();
        List<SyncOverview.Review> reviews = snapshot.reviews().stream()
                .map(review -> review(review, snapshot.laptopId())).toList();
        return new SyncOverview(config == null ? null : config.cloudUrl(), config == null ? null : config.pin(),
                status.connectivity() == SyncStatus.Connectivity.ONLINE, status.waitingByStream(),
                status.lastSuccess().orElse(null), lastError(status.lastError().orElse("")), attention, reviews);
    }

    /**
     * The last error as the site's database keeps it, in English, worded again from the failure it was written from
     * when this console saw that run end.
     *
     * <p>KNOWN SHORTCOMING: the database keeps the error's English text only, so a run that failed before the console
     * was opened, or in another console, shows its last error in English until the next run ends.
     */
    private String lastError(String kept) {
        Throwable failure = lastFailure;
        return failure != null && kept.equals(failure.getMessage()) ? describe(failure) : kept;
    }

    /**
     * An item of the list with its action: an item the cloud rejected ("seq N") is passed by its stream and can
     * only be marked dealt with; a batch or a down stream page is sent or read again.
     *
     * <p>KNOWN SHORTCOMING: the kind is read from the item's text, since the store's list keeps no kind of its own.
     */
    private static SyncOverview.Attention attention(Attention item) {
        SyncOverview.Action action = item.item().startsWith("seq ") ? SyncOverview.Action.RESOLVE
                : SyncOverview.Action.RETRY;
        return new SyncOverview.Attention(Long.toString(item.id()), item.stream(), item.item(),
                I18n.text("sync.attention.problemText", item.message(), item.code(), item.attempts()),
                item.whatToDo(), action, item.firstSeen());
    }

    private static SyncOverview.Review review(FieldReview review, String laptopId) {
        String wonBy = review.wonHlc() != null && review.wonHlc().node().equals(laptopId) ? "console" : "cloud";
        return new SyncOverview.Review(review.customerId(), review.field(), review.lostValue(), review.wonValue(),
                wonBy, review.at());
    }
}
