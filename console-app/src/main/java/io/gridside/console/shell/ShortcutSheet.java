package io.gridside.console.shell;

import atlantafx.base.theme.Styles;
import io.gridside.console.DenseTables;
import io.gridside.console.I18n;
import io.gridside.console.shell.Shortcuts.Shortcut;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The shortcut sheet: every keyboard shortcut of the console and what it does, in the language in use. */
final class ShortcutSheet extends VBox {

    private final TableView<Shortcut> table = DenseTables.table("shortcut-table", null);

    ShortcutSheet() {
        createControls();
        layoutControls();
    }

    private void createControls() {
        setId("shortcut-sheet");
        table.getColumns().setAll(List.of(DenseTables.column("shortcut.keys", 150, Shortcut::keysText),
                DenseTables.column("shortcut.does", 360, Shortcut::description)));
        table.setItems(FXCollections.observableList(Shortcuts.all()));
    }

    private void layoutControls() {
        Label title = new Label(I18n.text("settings.shortcuts"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label note = new Label(I18n.text("shortcut.note"));
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_SMALL);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(title, note, table);
        setSpacing(10);
        setPadding(new Insets(16));
    }
}
