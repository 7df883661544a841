package io.gridside.console.firmware;

import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
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
        TableColumn<S, T> column = new TableColumn<>(I18n.text(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
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
        TableView<S> table = new TableView<>();
        table.setId(id);
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(emptyKey == null ? "" : I18n.text(emptyKey));
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        return table;
    }
}
