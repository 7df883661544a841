package io.gridside.console.shell;

import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.console.shell.Shortcuts.Shortcut;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The shortcut sheet: every keyboard shortcut of the console and what it does, in the language in use. The screens'
 * shortcuts and the others stand in two lists side by side, so that the whole sheet shows at once on a 1366x768
 * screen in every theme and language, with nothing to scroll.
 */
final class ShortcutSheet extends VBox {

    /** How wide a description may grow before it wraps onto a second line. */
    private static final double DESCRIPTION_WIDTH = 300;

    ShortcutSheet() {
        setId("shortcut-sheet");
        layoutControls();
    }

    private void layoutControls() {
        Label title = new Label(I18n.text("settings.shortcuts"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label note = new Label(I18n.text("shortcut.note"));
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_SMALL);
        List<Shortcut> all = Shortcuts.all();
        GridPane screens = list("shortcut-screens",
                all.stream().filter(shortcut -> shortcut.action() == Shortcuts.Action.SCREEN).toList());
        GridPane others = list("shortcut-others",
                all.stream().filter(shortcut -> shortcut.action() != Shortcuts.Action.SCREEN).toList());
        HBox lists = new HBox(28, screens, others);
        lists.setAlignment(Pos.TOP_LEFT);
        getChildren().setAll(title, note, lists);
        setSpacing(10);
        setPadding(new Insets(16));
    }

    /** The shortcuts given, a line each: keys, then what they do, under the two headings. */
    private static GridPane list(String id, List<Shortcut> shortcuts) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.getStyleClass().add("shortcut-list");
        grid.setHgap(14);
        grid.setVgap(5);
        grid.addRow(0, heading("shortcut.keys"), heading("shortcut.does"));
        for (int i = 0; i < shortcuts.size(); i++) {
            Shortcut shortcut = shortcuts.get(i);
            Label keys = new Label(shortcut.keysText());
            keys.getStyleClass().addAll("shortcut-keys", Styles.TEXT_BOLD);
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label does = new Label(shortcut.description());
            does.getStyleClass().add("shortcut-does");
            does.setWrapText(true);
            does.setMaxWidth(DESCRIPTION_WIDTH);
            does.setMinHeight(Region.USE_PREF_SIZE);
            grid.addRow(i + 1, keys, does);
        }
        return grid;
    }

    private static Label heading(String key) {
        Label heading = new Label(I18n.text(key));
        heading.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        heading.setMinWidth(Region.USE_PREF_SIZE);
        return heading;
    }
}
