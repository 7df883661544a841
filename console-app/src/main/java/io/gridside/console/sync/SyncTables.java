package io.gridside.console.sync;

import io.gridside.console.DenseTables;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** The small pieces the Sync screen's tables share. */
final class SyncTables {

    /** Four lines of the table's text. */
    private static final double MAX_LINES_HEIGHT = 4 * 17;

    private SyncTables() {
    }

    /** A column titled by the message {@code titleKey} that shows {@code value} of each row. */
    static <S, T> TableColumn<S, T> column(String titleKey, double width, Function<S, T> value) {
        return DenseTables.column(titleKey, width, value);
    }

    /** A column of figures, set to the right so that they line up. */
    static <S, T> TableColumn<S, T> figure(TableColumn<S, T> column) {
        column.getStyleClass().add("figure");
        return column;
    }

    /**
     * Wraps the text of {@code column}'s cells at its width, so that a sentence of what to do is read whole; a text
     * longer than four lines (a cloud's long error) is cut there, and its cell's tooltip holds all of it.
     */
    static <S, T> TableColumn<S, T> wrapping(TableColumn<S, T> column) {
        column.setCellFactory(shown -> new TableCell<>() {
            private final Label text = new Label();
            private final Tooltip whole = new Tooltip();

            {
                text.setWrapText(true);
                text.maxWidthProperty().bind(column.widthProperty().subtract(12));
                text.setMaxHeight(MAX_LINES_HEIGHT);
                text.getStyleClass().add("sync-cell-text");
                whole.setWrapText(true);
                whole.setMaxWidth(600);
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String value = empty || item == null ? "" : item.toString();
                text.setText(value);
                whole.setText(value);
                setTooltip(value.isEmpty() ? null : whole);
                setGraphic(empty ? null : text);
            }
        });
        return column;
    }

    /** A dense table of {@code id} whose columns share its width and that says {@code emptyKey} while empty. */
    static <S> TableView<S> table(String id, String emptyKey) {
        return DenseTables.table(id, emptyKey);
    }
}
