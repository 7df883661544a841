package io.gridside.console.commission;

import io.gridside.console.Listening;
import io.gridside.console.DenseTables;
import atlantafx.base.theme.Styles;
import io.gridside.site.commission.CommissionStep;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;

/** The small pieces the Commissioning screen's panes share: tables and a file row. */
final class CommissionTables {

    private CommissionTables() {
    }

    /** A column titled by the text {@code titleKey} that shows {@code value} of each row. */
    static <S, T> TableColumn<S, T> column(String titleKey, double width, Function<S, T> value) {
        return DenseTables.column(CommissionTexts.PREFIX + titleKey, width, value);
    }

    /**
     * Wraps the text of {@code column}'s cells at its width, so that a reason or a suggestion is read whole, the
     * row growing to its lines; its cell's tooltip holds it too.
     */
    static <S> TableColumn<S, String> wrapping(TableColumn<S, String> column) {
        return wrapping(column, null);
    }

    /**
     * Wraps the text of {@code column}'s cells as above; the cell's tooltip holds what {@code whole} gives of its
     * row (the sentences a few words in the cell stand for), or the cell's text when {@code whole} is null.
     */
    static <S> TableColumn<S, String> wrapping(TableColumn<S, String> column, Function<S, String> whole) {
        column.setCellFactory(shown -> new javafx.scene.control.TableCell<>() {
            // A Text, unlike a Label, gives the height of its wrapped lines, so the row grows to show them all.
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                String value = empty || item == null ? "" : item;
                S row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String tip = whole == null || row == null ? value : whole.apply(row);
                text.setText(value);
                setTooltip(tip == null || tip.isEmpty() ? null : new javafx.scene.control.Tooltip(tip));
                setGraphic(empty ? null : text);
            }
        });
        return column;
    }

    /** A dense table of {@code id} whose columns share its width and that says {@code emptyKey} while empty. */
    static <S> TableView<S> table(String id, String emptyKey) {
        return DenseTables.table(id, CommissionTexts.PREFIX + emptyKey);
    }

    /**
     * A row with a path field, a button that chooses the file and a button that hands the path to {@code action}:
     * the field takes a typed or pasted path too, as a technician with the file's path in a message would.
     */
    static HBox fileRow(String id, String actionKey, javafx.beans.property.StringProperty value,
            Consumer<Path> action, CommissionViewModel model, CommissionStep step) {
        TextField path = new TextField();
        path.textProperty().bindBidirectional(value);
        path.setId(id + "-path");
        path.setPromptText(CommissionTexts.text("file.prompt"));
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button(CommissionTexts.text("file.choose"));
        choose.setOnAction(event -> {
            java.io.File file = new FileChooser().showOpenDialog(choose.getScene().getWindow());
            if (file != null) {
                path.setText(file.getPath());
            }
        });
        Button run = new Button(CommissionTexts.text(actionKey));
        run.setId(id + "-action");
        accentWhileCurrent(run, model, step);
        run.disableProperty().bind(path.textProperty().isEmpty());
        run.setOnAction(event -> action.accept(Path.of(path.getText().strip())));
        HBox row = new HBox(8, path, choose, run);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * Accents {@code button} while {@code step} is the current one, when it is the action that applies; at any
     * other time it is a plain button, so that one button at most stands out on the screen.
     */
    static void accentWhileCurrent(Button button, CommissionViewModel model, CommissionStep step) {
        Runnable restyle = () -> {
            button.getStyleClass().remove(Styles.ACCENT);
            if (model.currentProperty().get() == step) {
                button.getStyleClass().add(Styles.ACCENT);
            }
        };
        Listening.onChange(button, model.currentProperty(), (obs, was, now) -> restyle.run());
        restyle.run();
    }

    /** A sentence that explains a pane, wrapped to its width. */
    static Label explanation(String key) {
        Label text = new Label(CommissionTexts.text(key));
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        return text;
    }
}
