package io.gridside.console.firmware;

import io.gridside.console.I18n;
import io.gridside.console.service.firmware.PushPhase;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One image on its way to the gateway as the screen shows it: the phase, chunks held of the total, bytes sent and
 * the rate, and a cancel that stops it. The gateway keeps the chunks it holds, so a transfer sent again resumes.
 */
public final class Transfer {

    private final LongSupplier nanoClock;
    private final ObjectProperty<PushPhase> phase = new SimpleObjectProperty<>();
    private final DoubleProperty fraction = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty cancellable = new SimpleBooleanProperty();
    private FirmwareSource.Cancel cancel;
    private long startedNanos;
    private long firstBytes = -1;

    /** A transfer timed by {@code nanoClock}, {@link System#nanoTime} on screen and a test's own in a test. */
    public Transfer(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    void started() {
        cancel = null;
        startedNanos = nanoClock.getAsLong();
        firstBytes = -1;
        phase.set(PushPhase.CHECKING);
        fraction.set(-1);
        progressText.set(I18n.text("firmware.phase.CHECKING"));
        running.set(true);
        cancellable.set(true);
    }

    /** Shows where the transfer stands; bytes sent before the first report count as already there. */
    /** Keeps how to stop the transfer while it runs; a transfer that has already ended needs none. */
    void cancelWith(FirmwareSource.Cancel stop) {
        if (running.get()) {
            cancel = stop;
        }
    }

    void progress(PushPhase now, int held, int chunkCount, long bytesSent) {
        phase.set(now);
        cancellable.set(running.get() && now != PushPhase.INSTALLING && now != PushPhase.DONE);
        if (now != PushPhase.SENDING || chunkCount == 0) {
            fraction.set(now == PushPhase.DONE ? 1 : -1);
            progressText.set(I18n.text("firmware.phase." + now));
            return;
        }
        if (firstBytes < 0) {
            firstBytes = bytesSent;
            startedNanos = nanoClock.getAsLong();
        }
        fraction.set((double) held / chunkCount);
        progressText.set(I18n.text("firmware.sending", held, chunkCount, Sizes.bytes(bytesSent),
                Sizes.rate(bytesSent - firstBytes, nanoClock.getAsLong() - startedNanos)));
    }

    void finished(String text) {
        running.set(false);
        cancellable.set(false);
        cancel = null;
        progressText.set(text);
        if (phase.get() != PushPhase.DONE) {
            fraction.set(0);
        }
    }

    /** Stops the transfer; the gateway keeps the chunks it holds. An install under way is not stopped. */
    public void cancel() {
        if (cancel != null && cancellable.get()) {
            cancel.cancel();
            finished(I18n.text("firmware.cancelled"));
        }
    }

    public ObjectProperty<PushPhase> phaseProperty() {
        return phase;
    }

    /** Chunks held of the total while sending, 1 when done, -1 while the phase has no measure. */
    public DoubleProperty fractionProperty() {
        return fraction;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /**
     * Whether a cancel may stop the transfer now: while checking, offering and sending, not once the gateway
     * installs, since the install ends on the gateway whatever the console does and its outcome must be heard.
     */
    public BooleanProperty cancellableProperty() {
        return cancellable;
    }
}
