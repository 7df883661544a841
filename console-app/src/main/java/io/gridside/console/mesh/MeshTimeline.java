package io.gridside.console.mesh;

import io.gridside.console.I18n;
import io.gridside.console.service.MeshHistory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

/**
 * The mesh view's time slider: the span of time the site database holds a mesh of, the moment chosen in it (none
 * for the latest), and the time shown in the site's time zone. Moving the slider asks for that moment once it has
 * rested for {@link #SETTLE}, so dragging it across a week loads one mesh, not hundreds.
 */
public final class MeshTimeline {

    /** How long the slider must rest before its moment is loaded. */
    static final Duration SETTLE = Duration.millis(300);

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DoubleProperty min = new SimpleDoubleProperty(0);
    private final DoubleProperty max = new SimpleDoubleProperty(1);
    private final DoubleProperty value = new SimpleDoubleProperty(1);
    private final BooleanProperty available = new SimpleBooleanProperty(false);
    private final ObjectProperty<Instant> chosen = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    /** How {@link #text} is worded, to word it again in another language. */
    private Supplier<String> wording = () -> "";
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private final Consumer<Instant> load;
    private ZoneId zone = ZoneId.systemDefault();
    private boolean setting;

    /** A timeline that hands each moment the technician settles on to {@code load} (null for the latest). */
    MeshTimeline(Consumer<Instant> load) {
        this.load = load;
        value.addListener((obs, old, seconds) -> moved());
        settle.setOnFinished(event -> settled());
    }

    /** Shows {@code span} in {@code zone}, keeping the moment chosen, or at its end when the latest is shown. */
    void show(MeshHistory.Span span, ZoneId siteZone, Instant shown) {
        zone = siteZone;
        setting = true;
        try {
            available.set(span != null && span.last().isAfter(span.first()));
            if (span != null) {
                min.set(span.first().getEpochSecond());
                max.set(Math.max(span.last().getEpochSecond(), span.first().getEpochSecond() + 1));
                value.set(chosen.get() == null ? max.get() : chosen.get().getEpochSecond());
            }
        } finally {
            setting = false;
        }
        if (shown == null) {
            say(() -> I18n.text("mesh.time.none"));
        } else {
            String key = chosen.get() == null ? "mesh.time.latest" : "mesh.time.past";
            String when = SHOWN.format(shown.atZone(zone));
            String zoneId = zone.getId();
            say(() -> I18n.text(key, when, zoneId));
        }
    }

    /** Goes back to the latest mesh held. */
    public void now() {
        settle.stop();
        chosen.set(null);
        setting = true;
        value.set(max.get());
        setting = false;
        load.accept(null);
    }

    /** Chooses {@code at} at once, as though the slider had been moved there and let rest. */
    public void choose(Instant at) {
        settle.stop();
        chosen.set(at);
        setting = true;
        value.set(at.getEpochSecond());
        setting = false;
        load.accept(at);
    }

    private void moved() {
        if (!setting) {
            settle.playFromStart();
        }
    }

    private void settled() {
        if (value.get() >= max.get()) {
            now();
            return;
        }
        Instant at = Instant.ofEpochSecond((long) value.get());
        chosen.set(at);
        String when = SHOWN.format(at.atZone(zone));
        say(() -> I18n.text("mesh.time.loading", when));
        load.accept(at);
    }

    private void say(Supplier<String> words) {
        wording = words;
        text.set(words.get());
    }

    /**
     * Words the moment shown again in the language now in use: for a screen built again by a language switch on this
     * timeline, which outlives it and still held the words of the language before.
     */
    public void reword() {
        text.set(wording.get());
    }

    /** The slider's start: the earliest moment held, in epoch seconds. */
    public DoubleProperty minProperty() {
        return min;
    }

    /** The slider's end: the latest moment held, in epoch seconds. */
    public DoubleProperty maxProperty() {
        return max;
    }

    /** Where the slider stands, in epoch seconds. */
    public DoubleProperty valueProperty() {
        return value;
    }

    /** Whether the database holds more than one moment to move between. */
    public BooleanProperty availableProperty() {
        return available;
    }

    /** The moment the technician chose, or null while the latest mesh is shown. */
    public ObjectProperty<Instant> chosenProperty() {
        return chosen;
    }

    /** The moment shown, in words and the site's time zone. */
    public StringProperty textProperty() {
        return text;
    }
}
