package io.gridside.console.sync;

import atlantafx.base.theme.Styles;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The run under way or the last one: the buttons that start a run by hand or cancel it between two chunks, its
 * share done, what it is doing, and each stream's items and bytes.
 */
final class RunPane extends VBox {

    private final SyncViewModel model;
    private final ProgressBar progress = new ProgressBar(0);
    private final Button syncNow = new Button(I18n.text("sync.now"), new FontIcon(Material2MZ.SYNC));
    private final Button cancel = new Button(I18n.text("sync.cancel"), new FontIcon(Material2AL.CLOSE));
    private final Label message = new Label();
    private final TableView<SyncProgress.Stream> streams = SyncTables.table("sync-streams", "sync.run.none");

    RunPane(SyncViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        syncNow.setId("sync-now");
        syncNow.getStyleClass().add(Styles.ACCENT);
        syncNow.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setId("sync-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        progress.setId("sync-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        message.setId("sync-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        streams.getColumns().setAll(List.of(
                SyncTables.column("sync.stream.name", 200, RunPane::streamName),
                SyncTables.column("sync.stream.direction", 90, stream -> I18n.text(stream.up()
                        ? "sync.stream.up" : "sync.stream.down")),
                SyncTables.figure(SyncTables.column("sync.stream.items", 140, RunPane::itemsText)),
                SyncTables.figure(SyncTables.column("sync.stream.bytes", 110, stream -> bytes(stream.bytes()))),
                SyncTables.column("sync.stream.state", 160, stream -> I18n.text(stream.done()
                        ? "sync.stream.done" : "sync.stream.sending"))));
        // The up streams of a run fit without a scroll bar on a laptop's screen; the lists below take the rest.
        streams.setPrefHeight(190);
        streams.setMinHeight(175);
    }

    private void layoutControls() {
        Label title = new Label(I18n.text("sync.run.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox bar = new HBox(10, title, syncNow, cancel, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(bar, message, streams);
        setSpacing(6);
    }

    private void bind() {
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> model.progressProperty().get()
                .fraction(), model.progressProperty()));
        message.textProperty().bind(model.messageProperty());
        syncNow.disableProperty().bind(model.configuredProperty().not().or(model.runningProperty()));
        syncNow.setOnAction(event -> model.syncNow());
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(event -> model.cancel());
        streams.setItems(model.streams());
        // Once a run has ended, an empty table means the run had nothing to move, not that none has run.
        ((Label) streams.getPlaceholder()).textProperty().bind(Bindings.when(model.ranProperty()
                .or(model.runningProperty())).then(I18n.text("sync.run.empty")).otherwise(I18n.text("sync.run.none")));
    }

    private static String streamName(SyncProgress.Stream stream) {
        String key = "sync.stream." + stream.name();
        String name = I18n.text(key);
        return name.equals("!" + key + "!") ? stream.name() : name;
    }

    private static String itemsText(SyncProgress.Stream stream) {
        return stream.itemsTotal() > 0 ? I18n.text("sync.stream.itemsOf", stream.items(), stream.itemsTotal())
                : Formats.number(stream.items());
    }

    /** {@code 1.5 MiB}, {@code 12 KiB}, {@code 300 B}, in the console's language: see {@link Formats#bytes}. */
    static String bytes(long count) {
        return Formats.bytes(count);
    }
}
