package io.gridside.console.shell;

import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.Sentence;
import io.gridside.console.support.DiagnosticsExport;
import io.gridside.console.support.LinkStatistics;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Modality;

/**
 * The settings menu's "Export diagnostics": asks where to save, then writes the diagnostics bundle in the background
 * (a task of the task list) with the link's figures and journal as the status bar shows them and the open site, and
 * tells where it went.
 */
public final class DiagnosticsExportItem extends MenuItem {

    private final SessionViewModel session;

    DiagnosticsExportItem(SessionViewModel session) {
        super(I18n.text("support.export"));
        this.session = session;
        setId("settings-diagnostics");
        setOnAction(event -> chooseAndExport());
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("support.export.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("support.export.files"),
                "*.zip"));
        chooser.setInitialFileName(DiagnosticsExport.fileName(Clock.systemUTC().instant()));
        chooser.setInitialDirectory(DiagnosticsExport.defaultFolder(session.dirs()).toFile());
        File chosen = chooser.showSaveDialog(getParentPopup() == null ? null : getParentPopup().getOwnerWindow());
        if (chosen != null) {
            export(chosen.toPath());
        }
    }

    /** Writes the bundle to {@code file} in the background; the link's state is read here, on the JavaFX thread. */
    public void export(Path file) {
        LinkStatistics link = linkStatistics();
        Path site = session.siteFile();
        List<Path> credentials = List.of(session.credentialFile());
        DiagnosticsExport export = new DiagnosticsExport(session.dirs(), Clock.systemUTC());
        session.runInBackground(Sentence.of("support.export.task"),
                context -> export.write(file, site, link, credentials),
                written -> told(file, written),
                failure -> tell(Alert.AlertType.WARNING, I18n.text("support.export.failed", failure)));
    }

    /** Says where the bundle went, and, as a warning, what it could not read. */
    private static void told(Path file, DiagnosticsExport.Written written) {
        String done = I18n.text("support.export.done", file);
        if (written.warnings().isEmpty()) {
            tell(Alert.AlertType.INFORMATION, done);
        } else {
            // KNOWN SHORTCOMING: the warnings of what could not be read are in English, as the log writes them.
            tell(Alert.AlertType.WARNING, done + "\n\n" + String.join("\n", written.warnings()));
        }
    }

    private LinkStatistics linkStatistics() {
        List<String> figures = new ArrayList<>();
        figures.add("state: " + session.stateProperty().get());
        figures.add("link: " + session.linkLabelProperty().get());
        figures.add("gateway: " + (session.helloProperty().get() == null ? "-"
                : session.helloProperty().get().gatewayId()));
        figures.add("round trip: " + (session.roundTripProperty().get() == null ? "-"
                : Formats.decimal(session.roundTripProperty().get().toNanos() / 1e6, 1) + " ms"));
        figures.add("bytes per second: " + Math.round(session.bytesPerSecondProperty().get()));
        figures.add("frames dropped: " + session.framesDroppedProperty().get());
        figures.add("frames resent: " + session.retransmissionsProperty().get());
        figures.add("problem: " + session.problemProperty().get());
        return new LinkStatistics(figures, List.copyOf(session.journal().entries()));
    }

    private static void tell(Alert.AlertType type, String text) {
        Alert alert = new Alert(type, text);
        alert.initModality(Modality.NONE);
        alert.getDialogPane().setId("diagnostics-exported");
        alert.show();
    }
}
