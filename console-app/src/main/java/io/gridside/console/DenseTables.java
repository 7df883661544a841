package io.gridside.console;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The tables the screens' panes build alike: dense, their columns sharing the table's width, every text from the
 * bundles through {@link I18n}, so a language switch reaches them when the screen is built again.
 */
public final class DenseTables {

    private DenseTables() {
    }

    /** A column titled by the text {@code titleKey} that shows {@code value} of each row. */
    public static <S, T> TableColumn<S, T> column(String titleKey, double width, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(I18n.text(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /**
     * A dense table of {@code id} whose columns share its width and that says {@code emptyKey} while empty (nothing
     * when it is null): a laptop's screen shows twice the rows of a table at the theme's usual spacing.
     */
    public static <S> TableView<S> table(String id, String emptyKey) {
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
