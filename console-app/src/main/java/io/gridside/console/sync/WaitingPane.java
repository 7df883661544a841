package io.gridside.console.sync;

import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** What waits to go up, by priority in the order sync sends it: payments, ledger, events and edits, readings. */
final class WaitingPane extends VBox {

    private final SyncViewModel model;
    private final GridPane counts = new GridPane();

    WaitingPane(SyncViewModel model) {
        this.model = model;
        layoutControls();
    }

    private void layoutControls() {
        Label title = new Label(I18n.text("sync.waiting.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        counts.setHgap(16);
        counts.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints figures = new ColumnConstraints();
        figures.setHalignment(HPos.RIGHT);
        figures.setMinWidth(60);
        counts.getColumnConstraints().setAll(names, figures);
        int row = 0;
        for (SyncPriority priority : SyncPriority.values()) {
            counts.addRow(row++, name("sync.waiting." + priority.name().toLowerCase(Locale.ROOT)), count(priority));
        }
        Label total = new Label();
        total.setId("sync-waiting-total");
        total.getStyleClass().add(Styles.TEXT_BOLD);
        total.textProperty().bind(Bindings.createStringBinding(() -> String.format("%,d",
                model.overviewProperty().get().waitingTotal()), model.overviewProperty()));
        Label totalName = name("sync.waiting.total");
        totalName.getStyleClass().add(Styles.TEXT_BOLD);
        counts.addRow(row, totalName, total);
        getChildren().setAll(title, counts);
        setSpacing(8);
        setMinWidth(Region.USE_PREF_SIZE);
        getStyleClass().add("sync-card");
    }

    private static Label name(String key) {
        Label name = new Label(I18n.text(key));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        return name;
    }

    private Label count(SyncPriority priority) {
        Label count = new Label();
        count.setId("sync-waiting-" + priority.name().toLowerCase(Locale.ROOT));
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format("%,d",
                priority.waiting(model.overviewProperty().get())), model.overviewProperty()));
        return count;
    }
}
