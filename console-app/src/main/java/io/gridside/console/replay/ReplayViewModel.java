package io.gridside.console.replay;

import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.Retext;
import io.gridside.console.mesh.MeshPalette;
import io.gridside.console.mesh.MeshSceneBuilder.LegendEntry;
import io.gridside.site.outage.MeterSpan;
import io.gridside.site.outage.Outage;
import io.gridside.site.replay.SiteState;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Replay screen's state: the window read, the instant shown in it and the site's state there (the mesh scene
 * and the meters' rows), how it plays, and the outages the diagnosis found with the one chosen.
 *
 * <p>Seeking asks the window's {@link StateAt} for the state at the instant, which is fast, and paints the scene in
 * place; reading a window runs in the background through the {@link ReplaySource}. While playing, the view's pulse
 * calls {@link #pulse(long)} once a frame, so the mesh changes at most once a pulse; the table, whose rows cost more,
 * follows at most {@link #ROWS_PER_SECOND} times a second, and at once when paused.
 */
public final class ReplayViewModel implements Retext {

    /** How often a second the meters table follows a playing replay. */
    static final int ROWS_PER_SECOND = 4;

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]", Locale.ROOT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final ReplaySource source;
    private final ObjectProperty<WindowChoice> choice = new SimpleObjectProperty<>(WindowChoice.LAST_WEEK);
    private final ObjectProperty<ReplayWindow> window = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> instant = new SimpleObjectProperty<>();
    private final ObjectProperty<SiteState> state = new SimpleObjectProperty<>();
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(Speed.X1_000);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final StringProperty instantText = new SimpleStringProperty("");
    private final StringProperty zoneText = new SimpleStringProperty("");
    private final StringProperty rowsNote = new SimpleStringProperty(I18n.text("replay.meters.none"));
    private final StringProperty summary = new SimpleStringProperty("");
    private final Message message = new Message();
    private final Message diagnosisMessage = new Message();
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final ObservableList<MeterRow> rows = FXCollections.observableArrayList();
    private final FilteredList<MeterRow> shownRows = new FilteredList<>(rows);
    private final ObjectProperty<RowFilter> rowFilter = new SimpleObjectProperty<>(RowFilter.ALL);
    private final StringProperty rowText = new SimpleStringProperty("");
    private final ObservableList<Outage> outages = FXCollections.observableArrayList();
    private final ObjectProperty<Outage> chosenOutage = new SimpleObjectProperty<>();
    private final StringProperty outageDetails = new SimpleStringProperty("");
    private final ObjectProperty<ReplayScene> scene = new SimpleObjectProperty<>();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final ObservableList<LegendEntry> legend = FXCollections.observableArrayList();
    private final ReplayClock clock = new ReplayClock();
    private ReplayScene.Colours colours = ReplayScene.Colours.of(MeshPalette.fallback());
    private long[] eventMillis = new long[0];
    private long rowsShownAt = Long.MIN_VALUE;
    private SiteState rowsOf;
    private boolean loadAsked;

    public ReplayViewModel(ReplaySource source) {
        this.source = source;
        legend.setAll(ReplayScene.legend(colours));
        rowFilter.addListener((obs, old, now) -> refilter());
        rowText.addListener((obs, old, now) -> refilter());
        playing.addListener((obs, old, now) -> played(now));
        source.onNewSession(() -> {
            if (loadAsked) {
                load();
            }
        });
        // A pull every few seconds must not throw away the outage chosen or stop a replay playing: only a screen
        // that has no window yet (the first pull had not brought the events) reads again by itself.
        source.onPulled(() -> {
            if (loadAsked && window.get() == null && !loading.get()) {
                load();
            }
        });
    }

    /** Takes the colours from the theme that styles the view; call once it shows. */
    public void usePalette(MeshPalette palette) {
        colours = ReplayScene.Colours.of(palette);
        legend.setAll(ReplayScene.legend(colours));
        repaint();
    }

    /** Reads the window chosen in the background and shows it; the instant is kept when the new window has it. */
    public void load() {
        loadAsked = true;
        loading.set(true);
        source.load(choice.get(), loaded -> {
            loading.set(false);
            show(loaded);
        }, why -> {
            loading.set(false);
            message.showWords(why);
        });
    }

    /** Shows the window held again, so its outages' count and the state line read in the language now in use. */
    @Override
    public void retext() {
        ReplayWindow held = window.get();
        if (held != null) {
            show(held);
        }
    }

    /** Reads the window once, the first time the screen shows. */
    public void shown() {
        if (!loadAsked) {
            load();
        }
    }

    /**
     * Shows {@code loaded}: its outages, its scene, and the instant shown before when the new window has it within
     * its history, else the start of its first outage, else its first event: never an instant before the history
     * held, whose state nobody knows.
     */
    public void show(ReplayWindow loaded) {
        playing.set(false);
        Instant before = instant.get();
        eventMillis = loaded.eventMillis();
        rowsOf = null;
        chosenOutage.set(null);
        outageDetails.set("");
        outages.setAll(loaded.diagnosis() == null ? List.of() : loaded.diagnosis().outages());
        diagnosisMessage.show(loaded.diagnosisProblem() != null ? Sentence.verbatim(loaded.diagnosisProblem())
                : Sentence.of("replay.outages.found", outages.size()));
        message.show(loaded.events().isEmpty() ? Sentence.of("replay.noEvents") : Sentence.NONE);
        // The window last: whoever hears of it finds its events, outages and scene in place.
        scene.set(ReplayScene.of(loaded));
        window.set(loaded);
        boolean keep = before != null && !before.isBefore(loaded.from()) && before.isBefore(loaded.to())
                && !loaded.beforeHistory(before);
        if (keep || outages.isEmpty()) {
            seek(keep ? before : loaded.opening());
        } else {
            chooseOutage(firstOutage());
        }
    }

    /**
     * Where a freshly read window opens: its first outage that cut customers' supply, else its first outage, which
     * is where the technician's question ("why did the site go dark?") usually is.
     */
    private Outage firstOutage() {
        return outages.stream().filter(Outage::supplyLost).findFirst().orElse(outages.get(0));
    }

    /** Moves to {@code at}, kept within the window, and shows the site's state there. */
    public void seek(Instant at) {
        ReplayWindow shown = window.get();
        if (shown == null || at == null) {
            return;
        }
        instant.set(shown.clamp(at));
        instantText.set(SHOWN.format(instant.get().atZone(shown.zone())));
        zoneText.set(ReplayTexts.zoneName(shown.zone(), instant.get()));
        state.set(shown.states().at(instant.get()));
        repaint();
        summary.set(ReplayTexts.stateLine(shown, instant.get(), state.get()));
        if (!playing.get()) {
            showRows();
        }
    }

    /** Moves a playing replay on by the time since the last pulse ({@code nowNanos}, monotonic) times the speed. */
    public void pulse(long nowNanos) {
        ReplayWindow shown = window.get();
        if (!playing.get() || shown == null) {
            return;
        }
        Instant next = clock.advance(instant.get(), speed.get(), nowNanos);
        if (!next.isBefore(shown.to())) {
            seek(shown.to());
            playing.set(false);
            return;
        }
        seek(next);
        if (rowsShownAt == Long.MIN_VALUE || nowNanos - rowsShownAt >= 1_000_000_000L / ROWS_PER_SECOND) {
            rowsShownAt = nowNanos;
            showRows();
        }
    }

    private void played(boolean now) {
        clock.reset();
        rowsShownAt = Long.MIN_VALUE;
        if (!now) {
            showRows();
        } else if (window.get() != null && !instant.get().isBefore(window.get().to().minusMillis(1))) {
            seek(window.get().opening());
        }
    }

    /** Plays when paused, pauses when playing. */
    public void togglePlay() {
        playing.set(window.get() != null && !playing.get());
    }

    /** Moves to the next event after the instant; nothing after the last. */
    public void stepNext() {
        step(EventDensity.next(eventMillis, instant.get() == null ? Long.MIN_VALUE : instant.get().toEpochMilli()));
    }

    /** Moves to the last event before the instant; nothing before the first. */
    public void stepPrevious() {
        step(instant.get() == null ? -1 : EventDensity.previous(eventMillis, instant.get().toEpochMilli()));
    }

    private void step(long millis) {
        playing.set(false);
        if (millis >= 0) {
            seek(Instant.ofEpochMilli(millis));
        } else {
            message.say("replay.step.none");
        }
    }

    /** Moves to the instant typed in {@link #instantTextProperty()}, read in the site's time zone. */
    public void seekTyped() {
        ReplayWindow shown = window.get();
        if (shown == null) {
            return;
        }
        Instant at;
        try {
            at = LocalDateTime.parse(instantText.get().strip(), TYPED).atZone(shown.zone()).toInstant();
        } catch (DateTimeParseException e) {
            message.say("replay.instant.bad", instantText.get().strip());
            return;
        }
        if (at.isBefore(shown.from()) || !at.isBefore(shown.to())) {
            message.say("replay.instant.outside", Formats.siteTime(shown.from(), shown.zone()),
                    Formats.siteTime(shown.to(), shown.zone()));
            return;
        }
        playing.set(false);
        message.clear();
        seek(at);
    }

    /** Chooses {@code outage}: moves to its start, rings its meters and tells its evidence. */
    public void chooseOutage(Outage outage) {
        chosenOutage.set(outage);
        ReplayScene shown = scene.get();
        if (outage == null) {
            outageDetails.set("");
            if (shown != null) {
                shown.highlight(List.of());
                revision.set(revision.get() + 1);
            }
            return;
        }
        outageDetails.set(ReplayTexts.details(outage, window.get().zone()));
        if (shown != null) {
            shown.highlight(outage.spans().stream().map(MeterSpan::meterId).toList());
        }
        playing.set(false);
        seek(outage.start());
    }

    /**
     * Writes the incident report of the chosen outage ({@code wholeWindow} false) or of the window, as a printable
     * page at {@code page} and CSV beside it, in the background.
     */
    public void writeReport(boolean wholeWindow, Path page) {
        ReplayWindow shown = window.get();
        if (shown == null || page == null) {
            return;
        }
        Outage outage = wholeWindow ? null : chosenOutage.get();
        if (!wholeWindow && outage == null) {
            message.say("replay.report.chooseOutage");
            return;
        }
        message.say("replay.report.writing");
        source.writeReport(shown, outage, page, written -> message.say("replay.report.written",
                String.join(", ", written.stream().map(file -> file.toAbsolutePath().toString()).toList())),
                why -> message.say("replay.report.failed", why));
    }

    /** The file name a report is offered under: the site's outage id or the window's days. */
    public String reportFileName(boolean wholeWindow) {
        ReplayWindow shown = window.get();
        if (!wholeWindow && chosenOutage.get() != null) {
            return "incident-" + chosenOutage.get().id() + ".html";
        }
        if (shown == null) {
            return "incident-report.html";
        }
        return "incidents-" + shown.from().atZone(shown.zone()).toLocalDate() + "-to-"
                + shown.to().minusMillis(1).atZone(shown.zone()).toLocalDate() + ".html";
    }

    private void repaint() {
        ReplayScene shown = scene.get();
        if (shown != null && state.get() != null) {
            if (beforeHistory()) {
                shown.paintUnknown(colours);
            } else {
                shown.paint(state.get(), colours);
            }
            revision.set(revision.get() + 1);
        }
    }

    /** Whether the instant comes before the history held, where no meter's state is known. */
    private boolean beforeHistory() {
        return window.get() != null && instant.get() != null && window.get().beforeHistory(instant.get());
    }

    private void showRows() {
        SiteState now = state.get();
        ReplayWindow shown = window.get();
        if (now == null || shown == null) {
            return;
        }
        if (beforeHistory()) {
            rowsOf = null;
            rows.clear();
            rowsNote.set(I18n.text("replay.meters.beforeHistory"));
            return;
        }
        if (now == rowsOf) {
            return;
        }
        rowsNote.set(I18n.text("replay.meters.none"));
        rowsOf = now;
        List<MeterRow> built = new ArrayList<>(now.meterIds().size());
        for (int i = 0; i < now.meterIds().size(); i++) {
            String meter = now.meterIds().get(i);
            built.add(new MeterRow(meter, shown.customerOf().getOrDefault(meter, ""), now.powered(i),
                    now.talking(i), now.parent(i) == null ? "" : now.parent(i), now.relay(i),
                    shown.feederOf().getOrDefault(meter, "")));
        }
        rows.setAll(built);
    }

    private void refilter() {
        RowFilter filter = rowFilter.get();
        String text = rowText.get();
        shownRows.setPredicate(row -> filter.matches(row, text));
    }

    public ObjectProperty<WindowChoice> choiceProperty() {
        return choice;
    }

    /** The window shown, null until one is read. */
    public ObjectProperty<ReplayWindow> windowProperty() {
        return window;
    }

    /** The instant shown. */
    public ObjectProperty<Instant> instantProperty() {
        return instant;
    }

    /** The site's state at the instant. */
    public ObjectProperty<SiteState> stateProperty() {
        return state;
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** The instant as a person reads it in the site's time zone, and where one is typed to seek. */
    public StringProperty instantTextProperty() {
        return instantText;
    }

    /** The site's time zone as a person reads it at the instant ("EAT"), written beside the instant. */
    public StringProperty zoneTextProperty() {
        return zoneText;
    }

    /**
     * How many meters had power and could talk, and how the gateway and the plant stood; before the history held
     * begins, that it is not known.
     */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** What the screen tells the technician: a failed read, a mistyped instant, a report written. */
    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    /** How many outages the diagnosis found, or why there is no diagnosis. */
    public ReadOnlyStringProperty diagnosisMessageProperty() {
        return diagnosisMessage.textProperty();
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** The meters at the instant, as filtered; sort it through a sorted list in the view. */
    public ObservableList<MeterRow> rows() {
        return shownRows;
    }

    /** What the meters table says when it lists none: no meter matches, or none is known yet. */
    public StringProperty rowsNoteProperty() {
        return rowsNote;
    }

    public ObjectProperty<RowFilter> rowFilterProperty() {
        return rowFilter;
    }

    /** Text a row must hold in its meter, customer, parent or feeder; blank for any. */
    public StringProperty rowTextProperty() {
        return rowText;
    }

    public ObservableList<Outage> outages() {
        return outages;
    }

    public ObjectProperty<Outage> chosenOutageProperty() {
        return chosenOutage;
    }

    /** The chosen outage's cause, evidence and competing explanations. */
    public StringProperty outageDetailsProperty() {
        return outageDetails;
    }

    /** The mesh at the instant; replaced when a window is read, painted in place as the instant moves. */
    public ObjectProperty<ReplayScene> sceneProperty() {
        return scene;
    }

    /** Rises each time the scene is painted in place, so that the view draws again. */
    public IntegerProperty revisionProperty() {
        return revision;
    }

    public ObservableList<LegendEntry> legend() {
        return legend;
    }

    /** The events' times of the window, sorted, in epoch milliseconds: what the timeline's histogram counts. */
    public long[] eventMillis() {
        return eventMillis;
    }
}
