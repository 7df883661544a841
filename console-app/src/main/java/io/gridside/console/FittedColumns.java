package io.gridside.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Keeps every column of a table at least as wide as its title and the widest text of its rows, in the font the
 * theme draws them in, so that no text is cut to an ellipsis: the larger letters of the high-contrast theme and
 * the longer words of another language widen the columns with them. A table wide enough shares what is left over
 * with its last column; one too narrow scrolls sideways rather than cut a meter's id in half.
 */
public final class FittedColumns<S> {

    /** A cell's padding on both sides and a header's room for its sort arrow, past its text. */
    private static final double CELL_ROOM = 22;
    /** The vertical scroll bar and the table's borders, which take from the width its columns share. */
    private static final double TABLE_ROOM = 22;

    private final TableView<S> table;
    /** Whether only the titles are measured: for a table whose cells draw their values in words of their own. */
    private final boolean titlesOnly;
    /** The width of each text met so far in the cells' font: a replay's rows change at every step, its words not. */
    private final Map<String, Double> widths = new HashMap<>();
    /** The width the table needs to show every column whole without scrolling sideways. */
    private final ReadOnlyDoubleWrapper neededWidth = new ReadOnlyDoubleWrapper();
    private Font font;
    private boolean pending;

    private FittedColumns(TableView<S> table, boolean titlesOnly) {
        this.table = table;
        this.titlesOnly = titlesOnly;
    }

    /** Fits {@code table}'s columns to their texts now and whenever its rows, width or theme change. */
    public static <S> FittedColumns<S> fit(TableView<S> table) {
        return follow(new FittedColumns<>(table, false));
    }

    /**
     * Fits {@code table}'s columns to their titles alone: for a table whose cells write their values through cell
     * factories of their own (amounts, lists), whose words the values' own texts would not measure.
     */
    public static <S> FittedColumns<S> fitTitles(TableView<S> table) {
        return follow(new FittedColumns<>(table, true));
    }

    private static <S> FittedColumns<S> follow(FittedColumns<S> fitted) {
        TableView<S> table = fitted.table;
        table.getItems().addListener((ListChangeListener<S>) change -> fitted.fitSoon());
        table.itemsProperty().addListener((obs, old, items) -> {
            items.addListener((ListChangeListener<S>) change -> fitted.fitSoon());
            fitted.fitSoon();
        });
        table.widthProperty().addListener((obs, old, width) -> fitted.fitSoon());
        table.skinProperty().addListener((obs, old, skin) -> fitted.fitSoon());
        table.sceneProperty().addListener((obs, old, scene) -> fitted.fitSoon());
        return fitted;
    }

    /** Fits in the next pulse, once for any number of changes in this one, after the theme's style has applied. */
    private void fitSoon() {
        if (pending) {
            return;
        }
        pending = true;
        Platform.runLater(() -> {
            pending = false;
            fitNow();
        });
    }

    /** Fits the columns to their texts at once; call on the JavaFX thread. */
    public void fitNow() {
        if (table.getScene() == null) {
            return;
        }
        table.applyCss();
        Font cells = cellFont();
        if (!cells.equals(font)) {
            font = cells;
            widths.clear();
        }
        List<? extends TableColumn<S, ?>> columns = table.getColumns();
        double total = 0;
        for (TableColumn<S, ?> column : columns) {
            double needed = Math.ceil(needed(column, table.getItems())) + CELL_ROOM;
            column.setMinWidth(needed);
            total += needed;
        }
        neededWidth.set(total + TABLE_ROOM);
        boolean fits = total <= table.getWidth() - TABLE_ROOM;
        if (fits) {
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        } else {
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            columns.forEach(column -> column.setPrefWidth(column.getMinWidth()));
        }
    }

    /**
     * The width the table needs to show every column whole without scrolling sideways, in the theme and language it
     * was last fitted in: for a layout that can give the table more room when it needs it.
     */
    public ReadOnlyDoubleProperty neededWidthProperty() {
        return neededWidth.getReadOnlyProperty();
    }

    private double needed(TableColumn<S, ?> column, List<S> rows) {
        double widest = measure(column.getText(), Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
        if (titlesOnly) {
            return widest;
        }
        for (S row : rows) {
            Object value = column.getCellData(row);
            if (value != null) {
                widest = Math.max(widest, widths.computeIfAbsent(value.toString(), text -> measure(text, font)));
            }
        }
        return widest;
    }

    /** The font of the table's cells as the theme styles them; the theme's default before any cell is drawn. */
    private Font cellFont() {
        Node cell = table.lookup(".table-row-cell .table-cell");
        if (cell instanceof Labeled labeled) {
            return labeled.getFont();
        }
        Node header = table.lookup(".column-header .label");
        return header instanceof Labeled labeled ? labeled.getFont() : Font.getDefault();
    }

    private static double measure(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
