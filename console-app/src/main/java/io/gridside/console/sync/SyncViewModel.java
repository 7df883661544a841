package io.gridside.console.sync;

import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.console.I18n;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sync status and the Sync screen's state: the site's overview as last read, the run under way, and the words
 * the indicator and the screen show. Changes happen on the JavaFX thread; the source does the work in the
 * background.
 */
public final class SyncViewModel {

    private final SyncSource source;
    private final Supplier<Instant> clock;
    private final ObjectProperty<SyncOverview> overview = new SimpleObjectProperty<>(SyncOverview.NOT_SET_UP);
    private final ObjectProperty<SyncProgress> progress = new SimpleObjectProperty<>(SyncProgress.IDLE);
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();
    private final Message message = new Message();
    private final ObservableList<SyncOverview.Attention> attention = FXCollections.observableArrayList();
    private final ObservableList<SyncOverview.Review> reviews = FXCollections.observableArrayList();
    private final ObservableList<SyncProgress.Stream> streams = FXCollections.observableArrayList();
    private final BooleanBinding running = Bindings.createBooleanBinding(() -> progress.get().running(), progress);
    private final BooleanBinding online = Bindings.createBooleanBinding(() -> overview.get().online(), overview);
    private final BooleanBinding configured = Bindings.createBooleanBinding(() -> overview.get().configured(),
            overview);
    private final BooleanBinding needsAttention = Bindings.isNotEmpty(attention);
    private final BooleanBinding neverSyncedWithWaiting = Bindings.createBooleanBinding(() -> overview.get()
            .configured() && overview.get().lastSuccess() == null && overview.get().waitingTotal() > 0, overview);
    private final StringBinding indicatorText;
    private final StringBinding lastSuccessText = Bindings.createStringBinding(this::lastSuccess, overview, now);
    /** Whether a run ended in this session, so that an empty stream table says the run had nothing to move. */
    private final BooleanProperty ran = new SimpleBooleanProperty();
    private boolean cancelAsked;

    public SyncViewModel(SyncSource source) {
        this(source, Instant::now);
    }

    /** A model whose "synced 4 min ago" is counted on {@code clock}. */
    public SyncViewModel(SyncSource source, Supplier<Instant> clock) {
        this.source = source;
        this.clock = clock;
        this.indicatorText = Bindings.createStringBinding(this::indicator, overview, progress, now,
                source.siteOpen());
        now.set(clock.get());
        source.listen(this::show, this::follow);
    }

    /**
     * Hands {@code onEnd} the ends of the runs the schedule started by itself that are worth a notice, in place of
     * the listener handed before; see {@link SyncSource#onScheduledRunEnd}.
     */
    public void onScheduledRunEnd(Consumer<ScheduledRun> onEnd) {
        source.onScheduledRunEnd(onEnd);
    }

    /** Reads the status afresh, as the screen does when it shows. */
    public void reload() {
        tick();
        source.reload();
    }

    /** Moves "synced ... ago" on to the clock's time now. */
    public void tick() {
        now.set(clock.get());
    }

    /** Starts a run by hand. */
    public void syncNow() {
        cancelAsked = false;
        message.say("sync.run.starting");
        source.syncNow(this::failed);
    }

    /** Stops the run under way between two chunks. */
    public void cancel() {
        cancelAsked = true;
        message.say("sync.run.cancelling");
        source.cancel();
    }

    /** Sends {@code item} again or marks it dealt with, as its button says. */
    public void act(SyncOverview.Attention item) {
        message.say(item.action() == SyncOverview.Action.RETRY ? "sync.attention.retrying"
                : "sync.attention.resolving", item.item());
        source.act(item, this::failed);
    }

    /** Keeps {@code url} and {@code pin} as the site's cloud and starts syncing with it. */
    public void configure(String url, String pin) {
        message.say("sync.cloud.saving", url.strip());
        source.configure(url.strip(), pin.strip(), this::failed);
    }

    private void failed(String problem) {
        message.showWords(problem);
    }

    private void show(SyncOverview shown) {
        tick();
        overview.set(shown);
        attention.setAll(shown.attention());
        reviews.setAll(shown.reviews());
    }

    private void follow(SyncProgress step) {
        boolean ended = progress.get().running() && !step.running();
        progress.set(step);
        streams.setAll(step.streams());
        if (ended) {
            ran.set(true);
            message.show(endText());
            cancelAsked = false;
        } else if (step.running() && !cancelAsked) {
            message.say("sync.run.running");
        }
    }

    private Sentence endText() {
        if (cancelAsked) {
            return Sentence.of("sync.run.cancelled");
        }
        String error = overview.get().lastError();
        return error.isEmpty() ? Sentence.of("sync.run.done") : Sentence.verbatim(error);
    }

    private String indicator() {
        SyncOverview shown = overview.get();
        if (!source.siteOpen().get()) {
            return I18n.text("indicator.noSite");
        }
        if (!shown.configured()) {
            return I18n.text("indicator.notSetUp");
        }
        if (progress.get().running()) {
            double fraction = progress.get().fraction();
            return fraction < 0 ? I18n.text("indicator.syncing")
                    : I18n.text("indicator.syncingPercent", Math.round(fraction * 100));
        }
        return I18n.text(shown.online() ? "indicator.online" : "indicator.offline", shown.waitingTotal(),
                lastSuccess());
    }

    private String lastSuccess() {
        Instant last = overview.get().lastSuccess();
        return last == null ? I18n.text("sync.never") : I18n.text("sync.synced", Ago.text(last, now.get()));
    }

    public ReadOnlyObjectProperty<SyncOverview> overviewProperty() {
        return overview;
    }

    public ReadOnlyObjectProperty<SyncProgress> progressProperty() {
        return progress;
    }

    /** What the last order by hand came to, or what the run under way is doing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    public ObservableList<SyncOverview.Attention> attention() {
        return attention;
    }

    public ObservableList<SyncOverview.Review> reviews() {
        return reviews;
    }

    /** The streams of the run under way or last run. */
    public ObservableList<SyncProgress.Stream> streams() {
        return streams;
    }

    /** True once a run has ended in this session. */
    public ReadOnlyBooleanProperty ranProperty() {
        return ran;
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    public BooleanBinding onlineProperty() {
        return online;
    }

    public BooleanBinding configuredProperty() {
        return configured;
    }

    public BooleanBinding needsAttentionProperty() {
        return needsAttention;
    }

    /**
     * Whether items wait for a site that never reached the cloud: nothing gathered on site is in the cloud yet, so
     * the indicator must not look settled even while the cloud answers.
     */
    public BooleanBinding neverSyncedWithWaitingProperty() {
        return neverSyncedWithWaiting;
    }

    /** The indicator's words: online or offline, what waits, when the site last synced; or a run's share done. */
    public StringBinding indicatorTextProperty() {
        return indicatorText;
    }

    /** "synced 4 min ago", or that the site never synced. */
    public StringBinding lastSuccessTextProperty() {
        return lastSuccessText;
    }

    /** Whether a site is open, whose sync there is to show. */
    public BooleanExpression siteOpenProperty() {
        return source.siteOpen();
    }

    public ZoneId zone() {
        return source.zone();
    }
}
