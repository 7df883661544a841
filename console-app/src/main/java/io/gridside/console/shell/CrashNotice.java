package io.gridside.console.shell;

import io.gridside.console.I18n;
import io.gridside.console.support.Incidents;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * What the technician sees of an error the console did not foresee, on the JavaFX thread or any other: a short
 * notice with the incident code and the way to export diagnostics, never a stack trace, which goes to the log under
 * the same code. The console keeps running; a second error while the notice is open updates it instead of opening
 * another window, so that an error repeated at every frame cannot bury the screen under notices.
 */
public final class CrashNotice {

    private static final double NOTICE_WIDTH = 480;

    private final Window owner;
    private Alert shown;
    private int count;

    private CrashNotice(Window owner) {
        this.owner = owner;
    }

    /**
     * Catches every uncaught error from now on, on the JavaFX thread and on every other thread, and shows it over
     * {@code owner}. Call on the JavaFX thread.
     */
    public static CrashNotice install(Window owner) {
        CrashNotice notice = new CrashNotice(owner);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> notice.report("the thread " + thread.getName(), e));
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> notice.report("the JavaFX thread", e));
        return notice;
    }

    /** Logs {@code failure} under a new incident code and shows the code; from any thread. */
    public void report(String where, Throwable failure) {
        String incident = Incidents.record(where, failure);
        if (Platform.isFxApplicationThread()) {
            show(incident);
        } else {
            Platform.runLater(() -> show(incident));
        }
    }

    private void show(String incident) {
        count++;
        String text = I18n.text("support.crash.text", incident);
        String shownText = count > 1 ? text + "\n\n" + I18n.text("support.crash.more", count - 1) : text;
        if (shown != null) {
            shown.setContentText(shownText);
            shown.getDialogPane().getScene().getWindow().sizeToScene();
            return;
        }
        shown = new Alert(Alert.AlertType.ERROR, shownText, new ButtonType(I18n.text("support.crash.close")));
        shown.initModality(Modality.NONE);
        if (owner != null && owner.isShowing()) {
            shown.initOwner(owner);
        }
        shown.setTitle(I18n.text("support.crash.title"));
        shown.setHeaderText(I18n.text("support.crash.title"));
        DialogPane pane = shown.getDialogPane();
        pane.setId("crash-notice");
        // A wider notice that grows with its text, so that the code is never cut off.
        pane.setPrefWidth(NOTICE_WIDTH);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        shown.setOnHidden(event -> {
            shown = null;
            count = 0;
        });
        shown.show();
    }
}
