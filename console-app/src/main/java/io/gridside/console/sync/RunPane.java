package io.gridside.console.sync;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The run under way or last run: its share done, what it is doing, and each stream's items and bytes. */
final class RunPane extends VBox {

    private final SyncViewModel model;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private final TableView<SyncProgress.Stream> streams = SyncTables.table("sync-streams", "sync.run.none");

    RunPane(SyncViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        progress.setId("sync-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        message.setId("sync-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        streams.getColumns().setAll(List.of(
                SyncTables.column("sync.stream.name", 200, RunPane::streamName),
                SyncTables.column("sync.stream.direction", 90, stream -> SyncTexts.text(stream.up()
                        ? "sync.stream.up" : "sync.stream.down")),
                SyncTables.figure(SyncTables.column("sync.stream.items", 140, RunPane::itemsText)),
                SyncTables.figure(SyncTables.column("sync.stream.bytes", 110, stream -> bytes(stream.bytes()))),
                SyncTables.column("sync.stream.state", 160, stream -> SyncTexts.text(stream.done()
                        ? "sync.stream.done" : "sync.stream.sending"))));
        // Seven streams, up and down, fit without a scroll bar; the tables below take what is left.
        streams.setPrefHeight(210);
        streams.setMinHeight(120);
    }

    private void layoutControls() {
        Label title = new Label(SyncTexts.text("sync.run.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox bar = new HBox(10, title, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(bar, message, streams);
        setSpacing(6);
    }

    private void bind() {
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> model.progressProperty().get()
                .fraction(), model.progressProperty()));
        message.textProperty().bind(model.messageProperty());
        streams.setItems(model.streams());
    }

    private static String streamName(SyncProgress.Stream stream) {
        String key = "sync.stream." + stream.name();
        String name = SyncTexts.text(key);
        return name.equals("!" + key + "!") ? stream.name() : name;
    }

    private static String itemsText(SyncProgress.Stream stream) {
        return stream.itemsTotal() > 0 ? SyncTexts.text("sync.stream.itemsOf", stream.items(), stream.itemsTotal())
                : String.format("%,d", stream.items());
    }

    /** {@code 1.5 MiB}, {@code 12 KiB}, {@code 300 B}. */
    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        if (count < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KiB", count / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", count / (1024.0 * 1024));
    }
}
