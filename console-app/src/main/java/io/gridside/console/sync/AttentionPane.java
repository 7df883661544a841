package io.gridside.console.sync;

import atlantafx.base.theme.Styles;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * The items sync could not deliver and will not try again by itself: what each is, what went wrong, the sentence
 * that says what to do, and a button to send it again or mark it dealt with.
 */
final class AttentionPane extends BorderPane {

    private final SyncViewModel model;
    private final TableView<SyncOverview.Attention> table = SyncTables.table("sync-attention",
            "sync.attention.none");

    AttentionPane(SyncViewModel model) {
        this.model = model;
        createControls();
        setCenter(table);
    }

    private void createControls() {
        table.getColumns().setAll(List.of(
                SyncTables.column("sync.attention.since", 150, item -> Formats.siteTime(item.since(), model.zone())),
                SyncTables.column("sync.attention.stream", 90, SyncOverview.Attention::stream),
                SyncTables.wrapping(SyncTables.column("sync.attention.item", 150, SyncOverview.Attention::item)),
                SyncTables.wrapping(SyncTables.column("sync.attention.problem", 220,
                        SyncOverview.Attention::problem)),
                SyncTables.wrapping(SyncTables.column("sync.attention.whatToDo", 340,
                        SyncOverview.Attention::whatToDo)),
                actionColumn()));
        table.setItems(model.attention());
    }

    private TableColumn<SyncOverview.Attention, SyncOverview.Attention> actionColumn() {
        TableColumn<SyncOverview.Attention, SyncOverview.Attention> column = SyncTables.column("sync.attention.action",
                100, item -> item);
        column.setCellFactory(shown -> new TableCell<>() {
            private final Button button = new Button();

            {
                button.getStyleClass().add(Styles.SMALL);
                button.setOnAction(event -> model.act(getItem()));
            }

            @Override
            protected void updateItem(SyncOverview.Attention item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                boolean retry = item.action() == SyncOverview.Action.RETRY;
                button.setText(I18n.text(retry ? "sync.attention.retry" : "sync.attention.resolve"));
                button.setId("sync-act-" + item.id());
                setGraphic(button);
            }
        });
        column.setSortable(false);
        column.setMinWidth(90);
        return column;
    }
}
