package io.gridside.console;

import io.gridside.console.shell.SessionViewModel;
import io.gridside.site.MeterStatus;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Says on standard output when the console's window first takes input and when a pulled site is first shown, so
 * that a program that launched the console (the startup benchmark) can time it from outside. Off in normal use:
 * only the system property {@code gridside.startup.marks=true} turns it on.
 *
 * <p>Each mark is one line, {@code gridside-mark NAME}, printed on the pulse after the one that laid the content
 * out, when the toolkit has drawn it once. The launching program takes the time the line arrives; the console
 * itself loads nothing more to make it, so that the mark costs the start it measures nothing.
 */
public final class StartupMarks {

    /** The system property that turns the marks on. */
    public static final String PROPERTY = "gridside.startup.marks";
    /** The mark of the window shown, laid out and drawn once, with the connect screen or the opened site. */
    public static final String FIRST_USABLE_WINDOW = "first-usable-window";
    /** The first pull's meters in the meters list. */
    public static final String SITE_SHOWN = "site-shown";

    private StartupMarks() {
    }

    /** Whether the marks were asked for. */
    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Marks the moment {@code stage}'s scene has been laid out and drawn once after the stage was shown. */
    public static void watchWindow(Stage stage) {
        if (enabled()) {
            markAfterNextLayout(stage.getScene(), FIRST_USABLE_WINDOW, "");
        }
    }

    /** Marks the moment the meters of {@code session}'s first pull are in its list and the scene drew them. */
    public static void watchSite(SessionViewModel session, Scene scene) {
        if (!enabled()) {
            return;
        }
        ListChangeListener<MeterStatus> listener = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends MeterStatus> change) {
                if (!session.meters().isEmpty()) {
                    session.meters().removeListener(this);
                    markAfterNextLayout(scene, SITE_SHOWN, " meters=" + session.meters().size());
                }
            }
        };
        session.meters().addListener(listener);
    }

    /**
     * Waits for a layout pass of {@code scene}, then for the pulse after it, whose start means the frame of the
     * first was drawn, and marks then.
     */
    private static void markAfterNextLayout(Scene scene, String name, String details) {
        Runnable[] laidOut = new Runnable[1];
        laidOut[0] = () -> {
            scene.removePostLayoutPulseListener(laidOut[0]);
            Runnable[] drawn = new Runnable[1];
            drawn[0] = () -> {
                scene.removePreLayoutPulseListener(drawn[0]);
                mark(name, details);
            };
            scene.addPreLayoutPulseListener(drawn[0]);
            Platform.requestNextPulse();
        };
        scene.addPostLayoutPulseListener(laidOut[0]);
        Platform.requestNextPulse();
    }

    private static void mark(String name, String details) {
        // The benchmark reads this line from the console's standard output, the one channel it has to the process.
        System.out.println("gridside-mark " + name + details);
        System.out.flush();
    }
}
