package io.gridside.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every column of a table at least as wide as its title and the widest text of its rows, in the font the
 * theme draws them in, so that no text is cut to an ellipsis: the larger letters of the high-contrast theme and
 * the longer words of another language widen the columns with them. A table wide enough shares what is left over
 * with its last column; one too narrow scrolls sideways rather than cut a meter's id in half.
 *
 * <p>The fit stays cheap on the JavaFX thread for a site of thousands of meters: a text's width is the sum of its
 * characters' widths, each measured once per font, and only the widest text of each column is laid out in full;
 * after the first fit only the rows added or replaced since the last are measured. A column so keeps the width of
 * the widest text it has shown until its rows are all measured again (another font, another list of rows, or a
 * refit), which also spares a table whose rows change at every step from columns that jump.
 */
public final class FittedColumns<S> {

    private static final Logger LOG = LoggerFactory.getLogger(FittedColumns.class);
    /** A cell's padding on both sides and a header's room for its sort arrow, past its text. */
    private static final double CELL_ROOM = 22;
    /** The vertical scroll bar and the table's borders, which take from the width its columns share. */
    private static final double TABLE_ROOM = 22;

    private final TableView<S> table;
    /** Whether only the titles are measured: for a table whose cells draw their values in words of their own. */
    private final boolean titlesOnly;
    private final ListChangeListener<S> rowsChanged = this::rowsChanged;
    /**
     * What the rows' list holds: weakly, since the list is often a view model's that outlives the screen, and a
     * language or theme switch builds the screen again on it.
     */
    private final ListChangeListener<S> rowsChangedWeakly = new WeakListChangeListener<>(rowsChanged);
    /** The list of rows whose changes are followed: the table's, which a screen may replace. */
    private ObservableList<S> followed;
    /** The rows added or replaced since the last fit, which the next measures unless it measures them all. */
    private final List<S> addedRows = new ArrayList<>();
    private boolean measureAll = true;
    /** The columns whose texts changed while the rows stayed, which the next fit measures in every row. */
    private final Set<TableColumn<S, ?>> columnsChanged = new HashSet<>();
    /** The widest text of each column's rows measured so far, without the cell's room. */
    private final Map<TableColumn<S, ?>, Double> widest = new HashMap<>();
    /** The width of each character met so far in the cells' font. */
    private final Map<Integer, Double> advances = new HashMap<>();
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
        fitted.followRows();
        // An invalidation, not a change: a table built while its site has no meters yet swaps one empty list for
        // another, which a change listener takes for no change at all, and the rows that came later went unmeasured.
        table.itemsProperty().addListener((Observable items) -> fitted.followRows());
        table.widthProperty().addListener((obs, old, width) -> fitted.fitSoon());
        table.skinProperty().addListener((obs, old, skin) -> fitted.fitSoon());
        table.sceneProperty().addListener((obs, old, scene) -> fitted.fitSoon());
        return fitted;
    }

    private void followRows() {
        if (followed != null) {
            followed.removeListener(rowsChangedWeakly);
        }
        followed = table.getItems();
        if (followed != null) {
            followed.addListener(rowsChangedWeakly);
        }
        refit();
    }

    private void rowsChanged(ListChangeListener.Change<? extends S> change) {
        while (change.next() && !measureAll) {
            if (change.wasAdded()) {
                addedRows.addAll(change.getAddedSubList());
            }
        }
        if (addedRows.size() > table.getItems().size()) {
            // A table out of sight while pulls replace its rows: measuring them all at once costs less.
            measureAll = true;
            addedRows.clear();
        }
        fitSoon();
    }

    /** Measures every row again at the next pulse. */
    public void refit() {
        measureAll = true;
        addedRows.clear();
        fitSoon();
    }

    /**
     * Measures {@code column} in every row again at the next pulse: for a column whose texts changed while the rows
     * did not, as one worked out from something the rows do not hold.
     */
    public void refit(TableColumn<S, ?> column) {
        columnsChanged.add(column);
        fitSoon();
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
        long began = System.nanoTime();
        table.applyCss();
        Font cells = cellFont();
        if (!cells.equals(font)) {
            font = cells;
            advances.clear();
            measureAll = true;
        }
        if (measureAll) {
            widest.clear();
        }
        int measured = measureAll ? table.getItems().size() : addedRows.size();
        double total = 0;
        for (TableColumn<S, ?> column : table.getColumns()) {
            boolean all = measureAll || columnsChanged.contains(column);
            double text = all ? widestText(column, table.getItems())
                    : Math.max(widest.getOrDefault(column, 0.0), widestText(column, addedRows));
            widest.put(column, text);
            double needed = Math.ceil(Math.max(text, titleWidth(column))) + CELL_ROOM;
            column.setMinWidth(needed);
            total += needed;
        }
        measureAll = false;
        addedRows.clear();
        columnsChanged.clear();
        share(total);
        LOG.debug("Fitted the columns of table {} to {} rows of {} in {} ms.", table.getId(), measured,
                table.getItems().size(), (System.nanoTime() - began) / 1_000_000.0);
    }

    private void share(double total) {
        neededWidth.set(total + TABLE_ROOM);
        if (total <= table.getWidth() - TABLE_ROOM) {
            // A column's width does not grow by itself to a larger minimum, and the constrained policy shares the
            // width out from the columns' widths as they are: one narrower than its text stayed so, cut.
            table.getColumns().forEach(column -> column.setPrefWidth(Math.max(column.getWidth(),
                    column.getMinWidth())));
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        } else {
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            table.getColumns().forEach(column -> column.setPrefWidth(column.getMinWidth()));
        }
    }

    /**
     * The width the table needs to show every column whole without scrolling sideways, in the theme and language it
     * was last fitted in: for a layout that can give the table more room when it needs it.
     */
    public ReadOnlyDoubleProperty neededWidthProperty() {
        return neededWidth.getReadOnlyProperty();
    }

    private double titleWidth(TableColumn<S, ?> column) {
        return measure(column.getText(), Font.font(font.getFamily(), FontWeight.BOLD, font.getSize()));
    }

    /**
     * The width of the widest text of {@code column} in {@code rows}: each text is summed from its characters'
     * widths, and the widest so found is laid out in full, in case its letters sit closer or wider together.
     */
    private double widestText(TableColumn<S, ?> column, List<S> rows) {
        if (titlesOnly) {
            return 0;
        }
        String widestText = null;
        double widestSum = 0;
        for (S row : rows) {
            Object value = column.getCellData(row);
            if (value != null) {
                String text = value.toString();
                double sum = summedWidth(text);
                if (widestText == null || sum > widestSum) {
                    widestText = text;
                    widestSum = sum;
                }
            }
        }
        return widestText == null ? 0 : Math.max(widestSum, measure(widestText, font));
    }

    private double summedWidth(String text) {
        double sum = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            sum += advances.computeIfAbsent(text.codePointAt(i), letter -> measure(Character.toString(letter), font));
        }
        return sum;
    }

    /**
     * The font of the table's cells as the theme styles them; before any cell is drawn, the titles' font at the
     * cells' regular weight, as the theme writes the titles in bold.
     */
    private Font cellFont() {
        Node cell = table.lookup(".table-row-cell .table-cell");
        if (cell instanceof Labeled labeled) {
            return labeled.getFont();
        }
        Node header = table.lookup(".column-header .label");
        Font titles = header instanceof Labeled labeled ? labeled.getFont() : Font.getDefault();
        return Font.font(titles.getFamily(), FontWeight.NORMAL, titles.getSize());
    }

    private static double measure(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
