package io.gridside.console.meters;

import io.gridside.console.FittedColumns;
import io.gridside.console.Formats;
import io.gridside.console.Listening;
import io.gridside.console.I18n;
import io.gridside.site.CreditState;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Every meter in a sortable, filterable table, and charts of the chosen meter's recent power and voltage. A reading
 * whose meter reported no voltage or peak leaves a gap in those lines rather than a made-up point.
 */
public final class MetersView extends VBox {

    /** A pattern of the language in use, its day names in it. */
    private static final String AXIS_TIME = "EEE HH:mm";
    private static final long TICK_HOURS = 6;

    private final MetersViewModel model;
    private final TextField filter = new TextField();
    private final ComboBox<CreditState> stateFilter = new ComboBox<>();
    private final Label count = new Label();
    private final TableView<MeterStatus> table = new TableView<>();
    private FittedColumns<MeterStatus> fitted;
    private TableColumn<MeterStatus, String> limitColumn;
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis powerAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(timeAxis, powerAxis);
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> peakSeries = new XYChart.Series<>();
    private final NumberAxis voltageTimeAxis = new NumberAxis();
    private final NumberAxis voltageAxis = new NumberAxis();
    private final LineChart<Number, Number> voltageChart = new LineChart<>(voltageTimeAxis, voltageAxis);
    private final List<XYChart.Series<Number, Number>> voltageSeries = List.of(
            new XYChart.Series<>(), new XYChart.Series<>(), new XYChart.Series<>());

    public MetersView(MetersViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        filter.setId("meters-filter");
        filter.setPromptText(I18n.text("meters.filter.prompt"));
        filter.setPrefColumnCount(28);
        stateFilter.setId("meters-state");
        stateFilter.getItems().add(null);
        stateFilter.getItems().addAll(model.states());
        stateFilter.setConverter(stateNames());
        stateFilter.setPromptText(I18n.text("meters.filter.state"));
        count.setId("meters-count");
        createTable();
        createChart();
        createVoltageChart();
    }

    private void createTable() {
        table.setId("meters-table");
        table.setPlaceholder(new Label(I18n.text("meters.none")));
        TableColumn<MeterStatus, ShownValue<Long>> balance = column("meters.col.balance",
                meter -> new ShownValue<>(meter.balanceMinor(), Formats.money(meter.balanceMinor(), meter.currency())));
        balance.setId("col-balance");
        TableColumn<MeterStatus, ShownValue<Instant>> lastReading = column("meters.col.lastReading", meter ->
                new ShownValue<>(meter.lastReadingAt(), Formats.siteTime(meter.lastReadingAt(), model.zone())));
        lastReading.setId("col-last-reading");
        TableColumn<MeterStatus, ShownValue<CreditState>> state = column("meters.col.state",
                meter -> new ShownValue<>(meter.creditState(), I18n.text("state." + meter.creditState())));
        state.setCellFactory(column -> new StateCell());
        limitColumn = column("meters.col.limit", model::powerLimitText);
        limitColumn.setId("col-limit");
        table.getColumns().setAll(List.of(column("meters.col.meter", MeterStatus::meterId),
                column("meters.col.customer", MeterStatus::customerId),
                column("meters.col.name", MeterStatus::customerName), balance, lastReading,
                column("meters.col.signal", MeterStatus::rssiDbm), limitColumn, state));
        // Each column as wide as its title and the texts it shows, in the theme's font and the language's words.
        fitted = FittedColumns.fit(table);
    }

    private static <T> TableColumn<MeterStatus, T> column(String key, Function<MeterStatus, T> value) {
        TableColumn<MeterStatus, T> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private void createChart() {
        chart.setId("meter-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendSide(Side.RIGHT);
        prepareTimeAxis(timeAxis);
        powerAxis.setLabel(I18n.text("meters.chart.y"));
        series.setName(I18n.text("meters.chart.series"));
        peakSeries.setName(I18n.text("meters.chart.peak"));
        chart.getData().setAll(List.of(series, peakSeries));
    }

    private void createVoltageChart() {
        voltageChart.setId("meter-voltage-chart");
        voltageChart.setAnimated(false);
        voltageChart.setCreateSymbols(false);
        voltageChart.setLegendSide(Side.RIGHT);
        prepareTimeAxis(voltageTimeAxis);
        voltageAxis.setForceZeroInRange(false);
        voltageAxis.setLabel(I18n.text("meters.voltage.y"));
        List<String> names = List.of("meters.voltage.min", "meters.voltage.average", "meters.voltage.max");
        for (int i = 0; i < names.size(); i++) {
            voltageSeries.get(i).setName(I18n.text(names.get(i)));
        }
        voltageChart.getData().setAll(voltageSeries);
    }

    private void prepareTimeAxis(NumberAxis axis) {
        axis.setForceZeroInRange(false);
        axis.setMinorTickCount(6);
        axis.setTickLabelsVisible(false);
        axis.setLabel(I18n.text("meters.chart.x"));
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return Formats.pattern(AXIS_TIME).format(Instant.ofEpochSecond(seconds.longValue())
                        .atZone(model.zone()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("The time axis is not edited.");
            }
        });
    }

    private void layoutControls() {
        HBox filters = new HBox(10, filter, stateFilter, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        SplitPane split = new SplitPane(table, chart, voltageChart);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.46, 0.73);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(filters, split);
        setSpacing(10);
        setPadding(new Insets(12));
    }

    private void bind() {
        SortedList<MeterStatus> sorted = new SortedList<>(model.meters());
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(
                () -> table.getComparator() == null ? Comparator.comparing(MeterStatus::meterId)
                        : table.getComparator(), table.comparatorProperty()));
        table.setItems(sorted);
        // The limits' texts change while the rows stay: their column is measured again with them.
        Listening.onMapChange(this, model.powerLimits(), change -> {
            table.refresh();
            fitted.refit(limitColumn);
        });
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        stateFilter.valueProperty().bindBidirectional(model.stateFilterProperty());
        count.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text("meters.count", model.meters().size(), model.totalCount()),
                model.meters(), model.allMeters()));
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        chart.titleProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? I18n.text("meters.chart.none")
                : I18n.text("meters.chart.title", model.selectedProperty().get().meterId()),
                model.selectedProperty()));
        voltageChart.titleProperty().bind(Bindings.createStringBinding(() -> model.readings().isEmpty()
                || model.readings().stream().anyMatch(r -> r.quality() != null)
                ? I18n.text("meters.voltage.title") : I18n.text("meters.voltage.none"), model.readings()));
        Listening.onListChange(this, model.readings(), change -> redrawChart());
    }

    private void redrawChart() {
        var points = model.readings().stream()
                .map(r -> new XYChart.Data<Number, Number>(r.intervalStart().getEpochSecond(),
                        r.energyWh() * 3600.0 / Reading.INTERVAL.toSeconds()))
                .toList();
        series.getData().setAll(points);
        peakSeries.getData().setAll(measured(Reading.Quality::peakWatts));
        voltageSeries.get(0).getData().setAll(measured(Reading.Quality::minVolts));
        voltageSeries.get(1).getData().setAll(measured(Reading.Quality::averageVolts));
        voltageSeries.get(2).getData().setAll(measured(Reading.Quality::maxVolts));
        timeAxis.setTickLabelsVisible(!points.isEmpty());
        voltageTimeAxis.setTickLabelsVisible(!points.isEmpty());
        if (!points.isEmpty()) {
            long first = points.get(0).getXValue().longValue();
            long last = points.get(points.size() - 1).getXValue().longValue();
            fitTimeAxis(timeAxis, first, last);
            fitTimeAxis(voltageTimeAxis, first, last);
            chart.requestLayout();
            voltageChart.requestLayout();
        }
    }

    /** One point per reading that carries a quality: its interval's start and {@code value} of the quality. */
    private List<XYChart.Data<Number, Number>> measured(Function<Reading.Quality, Number> value) {
        return model.readings().stream().filter(r -> r.quality() != null)
                .map(r -> new XYChart.Data<Number, Number>(r.intervalStart().getEpochSecond(),
                        value.apply(r.quality())))
                .toList();
    }

    /** Ticks every six hours on the site's clock (00:00, 06:00, ...), from the first reading to the last. */
    private void fitTimeAxis(NumberAxis axis, long firstSecond, long lastSecond) {
        long step = TICK_HOURS * 3600;
        long offset = model.zone().getRules().getOffset(Instant.ofEpochSecond(firstSecond)).getTotalSeconds();
        axis.setAutoRanging(false);
        axis.setLowerBound(Math.floorDiv(firstSecond + offset, step) * step - offset);
        axis.setUpperBound(Math.floorDiv(lastSecond + offset + step - 1, step) * step - offset);
        axis.setTickUnit(step);
        axis.requestAxisLayout();
    }

    private static StringConverter<CreditState> stateNames() {
        return new StringConverter<>() {
            @Override
            public String toString(CreditState state) {
                return state == null ? I18n.text("meters.filter.state") : I18n.text("state." + state);
            }

            @Override
            public CreditState fromString(String text) {
                throw new UnsupportedOperationException("The state filter is chosen, not typed.");
            }
        };
    }

    /** A credit state in words, coloured by the theme when the customer needs attention. */
    private static final class StateCell extends TableCell<MeterStatus, ShownValue<CreditState>> {

        @Override
        protected void updateItem(ShownValue<CreditState> shown, boolean empty) {
            super.updateItem(shown, empty);
            getStyleClass().removeAll("state-low", "state-disconnected");
            if (empty || shown == null || shown.value() == null) {
                setText(null);
                return;
            }
            setText(shown.text());
            CreditState state = shown.value();
            if (state == CreditState.DISCONNECTED) {
                getStyleClass().add("state-disconnected");
            } else if (state != CreditState.ACTIVE) {
                // Low, emergency credit, grace and arrears all call for a top-up soon.
                getStyleClass().add("state-low");
            }
        }
    }
}
