package io.gridside.console.customers;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.service.Amounts;
import io.gridside.console.service.CustomerStatement;
import io.gridside.console.service.StatementExport;
import io.gridside.console.service.StatementLines;
import io.gridside.site.MeterStatus;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Every customer with their meter, balance and credit state, and the chosen customer's statement over a period,
 * day by day, with buttons that export it as CSV or as a printable page.
 */
public final class CustomersView extends VBox {

    /** The style class of a column of figures, which line up on the right. */
    private static final String FIGURE = "figure";

    private final CustomersViewModel model;
    private final TextField filter = new TextField();
    private final TableView<MeterStatus> table = new TableView<>();
    private final Label header = new Label();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Button show = new Button(I18n.text("customers.show"), new FontIcon(Material2MZ.REFRESH));
    private final Button exportCsv = new Button(I18n.text("customers.exportCsv"),
            new FontIcon(Material2AL.GET_APP));
    private final Button exportPage = new Button(I18n.text("customers.exportPage"),
            new FontIcon(Material2MZ.PRINT));
    private final TableView<CustomerStatement.Day> days = new TableView<>();
    private final Label totals = new Label();
    private final Label message = new Label();

    public CustomersView(CustomersViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        from.setConverter(Formats.pickerDays());
        to.setConverter(Formats.pickerDays());
        filter.setId("customers-filter");
        filter.setPromptText(I18n.text("customers.filter.prompt"));
        filter.setPrefColumnCount(28);
        header.setId("statement-header");
        header.getStyleClass().add(Styles.TITLE_4);
        header.setWrapText(true);
        from.setId("statement-from");
        to.setId("statement-to");
        from.setPrefWidth(140);
        to.setPrefWidth(140);
        show.setId("statement-show");
        exportCsv.setId("statement-export-csv");
        exportPage.setId("statement-export-page");
        totals.setId("statement-totals");
        totals.setWrapText(true);
        totals.setMinHeight(Region.USE_PREF_SIZE);
        message.setId("statement-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        createCustomersTable();
        createDaysTable();
    }

    private void createCustomersTable() {
        table.setId("customers-table");
        table.setPlaceholder(new Label(I18n.text("customers.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<MeterStatus, Long> balance = column("customers.col.balance", MeterStatus::balanceMinor);
        balance.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Long minor, boolean empty) {
                super.updateItem(minor, empty);
                MeterStatus row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : Formats.money(minor, row.currency()));
            }
        });
        balance.getStyleClass().add(FIGURE);
        TableColumn<MeterStatus, String> state = column("customers.col.state",
                s -> I18n.text("state." + s.creditState()));
        table.getColumns().setAll(List.of(column("customers.col.customer", MeterStatus::customerId),
                column("customers.col.name", MeterStatus::customerName),
                column("customers.col.meter", MeterStatus::meterId), balance, state));
    }

    private void createDaysTable() {
        days.setId("statement-table");
        days.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        days.setPlaceholder(new Label(I18n.text("customers.statement.none")));
        TableColumn<CustomerStatement.Day, String> date = dayColumn("customers.col.date", d -> d.date().toString());
        days.getColumns().setAll(List.of(date,
                figure(dayColumn("customers.col.kwh", d -> Amounts.kwh(d.energyWh()))),
                money("customers.col.charges", StatementLines::chargesMinor),
                money("customers.col.topUps", StatementLines::topUpsMinor),
                money("customers.col.adjustments", StatementLines::adjustmentsMinor),
                figure(dayColumn("customers.col.dayBalance", d -> money(d.balanceMinor())))));
    }

    private TableColumn<CustomerStatement.Day, String> money(String key, Function<StatementLines, Long> line) {
        return figure(dayColumn(key, d -> money(line.apply(d.lines()))));
    }

    private static <S, T> TableColumn<S, T> figure(TableColumn<S, T> column) {
        column.getStyleClass().add(FIGURE);
        return column;
    }

    private String money(long minor) {
        CustomerStatement shown = model.statementProperty().get();
        return shown == null ? "" : Formats.money(minor, shown.currency());
    }

    private static <T> TableColumn<MeterStatus, T> column(String key, Function<MeterStatus, T> value) {
        TableColumn<MeterStatus, T> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<CustomerStatement.Day, String> dayColumn(String key,
            Function<CustomerStatement.Day, String> value) {
        TableColumn<CustomerStatement.Day, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private void layoutControls() {
        HBox filters = new HBox(10, filter);
        filters.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox period = new HBox(8, new Label(I18n.text("customers.from")), from, new Label(I18n.text("customers.to")),
                to, show, spacer, exportCsv, exportPage);
        period.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(days, Priority.ALWAYS);
        VBox statement = new VBox(8, header, period, days, totals, message);
        statement.setPadding(new Insets(8, 0, 0, 0));
        SplitPane split = new SplitPane(table, statement);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(filters, split);
        setSpacing(10);
        setPadding(new Insets(12));
    }

    private void bind() {
        SortedList<MeterStatus> sorted = new SortedList<>(model.customers());
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> table.getComparator() == null ? Comparator.comparing(MeterStatus::customerId)
                        : table.getComparator(), table.comparatorProperty()));
        table.setItems(sorted);
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.selectedProperty().set(row);
            }
        });
        // After the table has dealt with the new rows itself, which clears its selection.
        sorted.addListener((ListChangeListener<MeterStatus>) change -> Platform.runLater(() -> keepChosenRow(sorted)));
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        show.setOnAction(event -> model.loadStatement());
        exportCsv.setOnAction(event -> model.export(StatementExport.Format.CSV));
        exportPage.setOnAction(event -> model.export(StatementExport.Format.PAGE));
        exportCsv.disableProperty().bind(model.statementProperty().isNull());
        exportPage.disableProperty().bind(model.statementProperty().isNull());
        show.disableProperty().bind(model.selectedProperty().isNull());
        message.textProperty().bind(model.messageProperty());
        Listening.onChange(this, model.statementProperty(), (obs, old, shown) -> showStatement(shown));
        showStatement(null);
    }

    /** Selects again the chosen customer's row after a pull replaced the rows, so the choice survives it. */
    private void keepChosenRow(List<MeterStatus> rows) {
        MeterStatus chosen = model.selectedProperty().get();
        if (chosen == null || table.getSelectionModel().getSelectedItem() != null) {
            return;
        }
        rows.stream().filter(row -> row.customerId().equals(chosen.customerId())).findFirst()
                .ifPresent(row -> table.getSelectionModel().select(row));
    }

    private void showStatement(CustomerStatement shown) {
        if (shown == null) {
            header.setText(I18n.text("customers.statement.choose"));
            days.getItems().clear();
            totals.setText("");
            return;
        }
        header.setText(I18n.text("customers.statement.header", shown.customerId(), shown.customerName(),
                shown.meterIds().isEmpty() ? "\u2013" : String.join(", ", shown.meterIds()), shown.tariffId(),
                money(shown.openingMinor()), money(shown.balanceMinor())));
        days.getItems().setAll(shown.days());
        StatementLines t = shown.totals();
        String text = I18n.text("customers.statement.totals", Amounts.kwh(shown.energyWh()),
                money(t.chargesMinor()), money(t.energyMinor()), money(t.standingMinor()), money(t.taxMinor()),
                money(t.levyMinor()), money(t.minimumMinor()), money(t.debtRecoveryMinor()), money(t.topUpsMinor()),
                money(t.adjustmentsMinor()));
        if (shown.accruedMinor() != 0) {
            // The table shows the gateway's balance, which takes off what the open day accrued and has not posted.
            text += "\n" + I18n.text("customers.statement.accrued", money(shown.accruedMinor()));
        }
        if (!shown.pendingCash().isEmpty()) {
            // A top-up pulled before the gateway posted it is in no balance yet; saying so stops it being taken again.
            text += "\n" + I18n.text("customers.statement.pendingCash", money(shown.pendingCashMinor()),
                    shown.pendingCash().size());
        }
        totals.setText(text);
    }
}
