package io.gridside.console.firmware;

import io.gridside.console.DenseTables;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/** The small pieces the Firmware screen's tables share. */
final class Tables {

    private Tables() {
    }

    /** A column titled by the message {@code titleKey} that shows {@code value} of each row. */
    static <S, T> TableColumn<S, T> column(String titleKey, double width, Function<S, T> value) {
        return DenseTables.column(titleKey, width, value);
    }

    /** Wraps the text of {@code column}'s cells at its width, so that a long sentence is read whole. */
    static <S, T> TableColumn<S, T> wrapping(TableColumn<S, T> column) {
        column.setCellFactory(shown -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(12));
                text.getStyleClass().add("firmware-cell-text");
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item.toString());
                setGraphic(empty ? null : text);
            }
        });
        return column;
    }

    /**
     * Keeps the text of {@code column}'s cells on one line, cut where it must, with the whole in the cell's tooltip:
     * for a table of many rows whose long sentences repeat.
     */
    static <S, T> TableColumn<S, T> clipped(TableColumn<S, T> column) {
        column.setCellFactory(shown -> new TableCell<>() {
            private final Tooltip whole = new Tooltip();

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? "" : item.toString();
                setText(text);
                whole.setText(text);
                setTooltip(text.isEmpty() ? null : whole);
            }
        });
        return column;
    }

    /**
     * A dense table of {@code id} whose columns share its width and that says {@code emptyKey} while empty: a
     * laptop's screen shows twice the rows of a table at the theme's usual spacing.
     */
    static <S> TableView<S> table(String id, String emptyKey) {
        return DenseTables.table(id, emptyKey);
    }
}
