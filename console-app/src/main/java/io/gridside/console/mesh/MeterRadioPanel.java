package io.gridside.console.mesh;

import atlantafx.base.theme.Styles;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.site.mesh.LinkGrade;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The chosen meter's radio beside the map: who it serves and how far it is from the gateway, its neighbours with
 * both directions' measures in a sortable table, its route, the parents it took and a chart of its link's signal
 * both ways. It only shows a {@link MeterRadio} worked out elsewhere, so nothing here waits on the store.
 */
public final class MeterRadioPanel extends VBox {

    /** Past this many samples the chart draws lines only: a week of quarter hours would hide under its marks. */
    private static final int SYMBOLS_UP_TO = 48;
    /** A pattern of the language in use, its day names in it. */
    private static final String AXIS_TIME = "EEE HH:mm";

    private final Label title = new Label();
    private final Label facts = new Label();
    private final TableView<MeterRadio.Neighbour> neighbours = new TableView<>();
    /** The neighbours' columns under their titles, each as narrow as its values or its title allow. */
    private final List<TableColumn<MeterRadio.Neighbour, ?>> titled = new ArrayList<>();
    private final ListView<MeterRadio.Hop> route = new ListView<>();
    private final ListView<MeterRadio.ParentChange> parents = new ListView<>();
    private final Label parentsEmpty = new Label();
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis rssiAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(timeAxis, rssiAxis);
    private final XYChart.Series<Number, Number> out = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> in = new XYChart.Series<>();
    private final TabPane tabs = new TabPane();
    private ZoneId zone = ZoneId.systemDefault();
    private MeterRadio shown;
    private Consumer<MeshChoice> onChosen = choice -> { };

    public MeterRadioPanel() {
        createControls();
        layoutControls();
        bind();
        clear();
    }

    /** Shows {@code radio}, replacing whatever the panel showed. */
    public void show(MeterRadio radio) {
        shown = Objects.requireNonNull(radio, "radio");
        title.setText(radio.customer() == null ? I18n.text("mesh.radio.title", radio.meterId())
                : I18n.text("mesh.radio.titleCustomer", radio.meterId(), radio.customer()));
        facts.setText(factsOf(radio));
        neighbours.getItems().setAll(radio.neighbours());
        neighbours.setPlaceholder(new Label(I18n.text("mesh.radio.neighbours.none")));
        neighbours.sort();
        route.getItems().setAll(radio.route());
        route.setPlaceholder(new Label(I18n.text(radio.routed() ? "mesh.radio.route.gateway"
                : "mesh.radio.route.none")));
        parents.getItems().setAll(radio.parents());
        parentsEmpty.setText(I18n.text(radio.hasHistory() ? "mesh.radio.parents.none" : "mesh.radio.history.none"));
        drawSignal(radio);
    }

    /** Shows that no meter is chosen. */
    public void clear() {
        shown = null;
        title.setText(I18n.text("mesh.radio.choose"));
        facts.setText("");
        neighbours.getItems().clear();
        neighbours.setPlaceholder(new Label(I18n.text("mesh.radio.route.empty")));
        route.getItems().clear();
        route.setPlaceholder(new Label(I18n.text("mesh.radio.route.empty")));
        parents.getItems().clear();
        parentsEmpty.setText(I18n.text("mesh.radio.history.none"));
        out.getData().clear();
        in.getData().clear();
        chart.setTitle(I18n.text("mesh.radio.signal.none"));
    }

    /** The radio shown, or null when none is. */
    public MeterRadio shown() {
        return shown;
    }

    /** The site's time zone, in which times are written; takes effect from the next {@link #show}. */
    public void setZone(ZoneId siteZone) {
        zone = Objects.requireNonNull(siteZone, "siteZone");
    }

    /** Called with the radios and link of a neighbour or a hop the technician selects, to highlight on the map. */
    public void setOnChosen(Consumer<MeshChoice> listener) {
        onChosen = Objects.requireNonNull(listener, "listener");
    }

    private void createControls() {
        title.setId("mesh-radio-title");
        title.getStyleClass().add("title-4");
        // Wrapped, not cut: "Choose a meter on the map or in a list" is long in French and Portuguese.
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        facts.setId("mesh-radio-facts");
        facts.setWrapText(true);
        createNeighbours();
        route.setId("mesh-radio-route");
        route.setCellFactory(list -> textCell(this::hopText));
        parents.setId("mesh-radio-parents");
        parents.setCellFactory(list -> textCell(change -> I18n.text(change.parentId() == null
                ? "mesh.radio.parents.lost" : "mesh.radio.parents.took",
                Formats.siteTime(change.at(), zone), change.parentId())));
        parents.setPlaceholder(parentsEmpty);
        createChart();
    }

    private void createNeighbours() {
        neighbours.setId("mesh-radio-neighbours");
        neighbours.getStyleClass().add(Styles.DENSE);
        neighbours.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        neighbours.setPlaceholder(new Label(I18n.text("mesh.radio.neighbours.none")));
        TableColumn<MeterRadio.Neighbour, String> id = column("mesh.radio.col.neighbour",
                MeterRadio.Neighbour::neighbourId);
        id.setCellFactory(column -> new NeighbourCell());
        id.setId("col-neighbour");
        TableColumn<MeterRadio.Neighbour, LinkGrade> grade = column("mesh.radio.col.grade",
                MeterRadio.Neighbour::grade);
        grade.setCellFactory(column -> new GradeCell<>());
        grade.setId("col-grade");
        TableColumn<MeterRadio.Neighbour, ?> rssi = pair("mesh.radio.col.rssi",
                figure("mesh.radio.col.out", "col-rssi-out", MeterRadio.Neighbour::rssiOutDbm, Math::round),
                figure("mesh.radio.col.in", "col-rssi-in", MeterRadio.Neighbour::rssiInDbm, Math::round));
        TableColumn<MeterRadio.Neighbour, ?> psr = pair("mesh.radio.col.psr",
                figure("mesh.radio.col.out", "col-psr-out", MeterRadio.Neighbour::psrOut, MeterRadioPanel::percent),
                figure("mesh.radio.col.in", "col-psr-in", MeterRadio.Neighbour::psrIn, MeterRadioPanel::percent));
        neighbours.getColumns().setAll(List.of(id, rssi, psr,
                wider(figure("mesh.radio.col.etx", "col-etx", MeterRadio.Neighbour::etx, MeterRadioPanel::etx), 40),
                wider(figure("mesh.radio.col.age", "col-age", MeterRadio.Neighbour::ageSeconds, MeterRadioPanel::age),
                        44),
                grade));
        id.setMinWidth(80);
        id.setPrefWidth(80);
        grade.setMinWidth(58);
        neighbours.setRowFactory(table -> new NeighbourRow());
        titled.addAll(List.of(id, rssi.getColumns().get(0), rssi.getColumns().get(1), psr.getColumns().get(0),
                psr.getColumns().get(1), neighbours.getColumns().get(3), neighbours.getColumns().get(4), grade));
        // After the skin's first pulse, when the titles have their theme's font.
        neighbours.skinProperty().addListener((obs, old, skin) -> Platform.runLater(this::fitTitles));
    }

    /**
     * Widens each column to its title as the theme draws it: two digits fit 34 pixels, but Swahili's "ndani" and the
     * high-contrast theme's larger "emi." were cut to "n..." and "e...". Each title is measured as its own label
     * lays it out, which is what it draws with, rather than as a text apart, which the window's font smoothing can
     * make a pixel or two narrower.
     */
    private void fitTitles() {
        neighbours.applyCss();
        neighbours.layout();
        for (Node node : neighbours.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && titled.contains(header.getTableColumn())
                    && header.lookup(".label") instanceof Labeled label) {
                TableColumn<?, ?> column = (TableColumn<?, ?>) header.getTableColumn();
                double width = Math.max(column.getMinWidth(), Math.ceil(label.prefWidth(-1)
                        + header.getInsets().getLeft() + header.getInsets().getRight() + 2));
                column.setMinWidth(width);
                column.setPrefWidth(width);
            }
        }
    }

    private static <T> TableColumn<MeterRadio.Neighbour, T> column(String key,
            Function<MeterRadio.Neighbour, T> value) {
        TableColumn<MeterRadio.Neighbour, T> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static <T> TableColumn<MeterRadio.Neighbour, T> figure(String key, String id,
            Function<MeterRadio.Neighbour, T> value, Function<T, ?> text) {
        TableColumn<MeterRadio.Neighbour, T> column = column(key, value);
        column.setId(id);
        column.setMinWidth(34);
        column.setPrefWidth(34);
        column.getStyleClass().add("figure");
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.valueOf(text.apply(item)));
            }
        });
        return column;
    }

    /** A figure column with room for a decimal or a unit, where the others hold two or three digits. */
    private static <T> TableColumn<MeterRadio.Neighbour, T> wider(TableColumn<MeterRadio.Neighbour, T> column,
            double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
        return column;
    }

    /** A share as whole percent, without the sign the column's header gives. */
    private static long percent(double share) {
        return Math.round(share * 100);
    }

    /** A header over the two directions' columns, so that each reads only "out" and "in". */
    private static TableColumn<MeterRadio.Neighbour, ?> pair(String key, TableColumn<MeterRadio.Neighbour, ?> out,
            TableColumn<MeterRadio.Neighbour, ?> in) {
        TableColumn<MeterRadio.Neighbour, Void> pair = new TableColumn<>(I18n.text(key));
        pair.getColumns().setAll(List.of(out, in));
        return pair;
    }

    private void createChart() {
        chart.setId("mesh-radio-signal");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendSide(Side.BOTTOM);
        chart.setMinHeight(180);
        timeAxis.setForceZeroInRange(false);
        timeAxis.setAutoRanging(true);
        timeAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return Formats.pattern(AXIS_TIME).format(Instant.ofEpochSecond(seconds.longValue())
                        .atZone(zone));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("The time axis is not edited.");
            }
        });
        rssiAxis.setForceZeroInRange(false);
        rssiAxis.setLabel(I18n.text("mesh.radio.signal.axis"));
        out.setName(I18n.text("mesh.radio.signal.out"));
        in.setName(I18n.text("mesh.radio.signal.in"));
        chart.getData().setAll(List.of(out, in));
    }

    private void layoutControls() {
        tabs.setId("mesh-radio-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(List.of(new Tab(I18n.text("mesh.radio.tab.neighbours"), neighbours),
                new Tab(I18n.text("mesh.radio.tab.route"), route),
                new Tab(I18n.text("mesh.radio.tab.parents"), parents),
                new Tab(I18n.text("mesh.radio.tab.signal"), chart)));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().setAll(title, facts, tabs);
        setSpacing(6);
        setPadding(new Insets(8, 6, 8, 6));
        getStyleClass().add("mesh-radio-panel");
    }

    private void bind() {
        neighbours.getSelectionModel().selectedItemProperty().addListener((observable, before, chosen) -> {
            if (chosen != null && shown != null) {
                onChosen.accept(new MeshChoice(new int[] {shown.node(), chosen.node()}, chosen.links()));
            }
        });
        route.getSelectionModel().selectedItemProperty().addListener((observable, before, hop) -> {
            if (hop != null) {
                onChosen.accept(new MeshChoice(new int[] {hop.from(), hop.to()},
                        hop.link() < 0 ? new int[0] : new int[] {hop.link()}));
            }
        });
    }

    private void drawSignal(MeterRadio radio) {
        out.getData().setAll(steps(radio.signal(), MeterRadio.SignalPoint::rssiOutDbm));
        in.getData().setAll(steps(radio.signal(), MeterRadio.SignalPoint::rssiInDbm));
        chart.setCreateSymbols(radio.signal().size() <= SYMBOLS_UP_TO);
        chart.setTitle(radio.signal().isEmpty()
                ? I18n.text(radio.hasHistory() ? "mesh.radio.signal.empty" : "mesh.radio.history.none")
                : I18n.text("mesh.radio.signal.title", radio.signal().size()));
    }

    /**
     * The samples as steps: the history records a link's measures only when they change, so a value holds until the
     * next sample rather than sliding towards it.
     *
     * <p>Shortcoming: while the meter has no route there is no link in use, but the line holds its last value across
     * that time up to the next sample; the parents list shows the loss. A gap would need one series per stretch.
     */
    private static List<XYChart.Data<Number, Number>> steps(List<MeterRadio.SignalPoint> points,
            ToIntFunction<MeterRadio.SignalPoint> value) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size() * 2);
        for (int i = 0; i < points.size(); i++) {
            long second = points.get(i).at().getEpochSecond();
            if (i > 0) {
                data.add(new XYChart.Data<>(second, value.applyAsInt(points.get(i - 1))));
            }
            data.add(new XYChart.Data<>(second, value.applyAsInt(points.get(i))));
        }
        return data;
    }

    private String factsOf(MeterRadio radio) {
        String route = radio.node() == 0 ? I18n.text("mesh.radio.gateway")
                : radio.routed() ? I18n.text("mesh.radio.hops", radio.hops()) : I18n.text("mesh.radio.noRoute");
        return radio.stale() ? route + " \u00b7 " + I18n.text("mesh.radio.stale") : route;
    }

    private String hopText(MeterRadio.Hop hop) {
        if (hop.link() < 0) {
            return I18n.text("mesh.radio.hop.unmeasured", hop.fromId(), hop.toId());
        }
        return I18n.text("mesh.radio.hop", hop.fromId(), hop.toId(), dbm(hop.rssiUpDbm()), dbm(hop.rssiDownDbm()),
                etx(hop.etx()), gradeText(hop.gradeUp()), gradeText(hop.gradeDown()));
    }

    static String dbm(double value) {
        return I18n.text("mesh.radio.value.dbm", Math.round(value));
    }

    static String share(double value) {
        return I18n.text("mesh.radio.value.share", value);
    }

    static String etx(double value) {
        return I18n.text("mesh.radio.value.etx", value);
    }

    static String age(long seconds) {
        if (seconds < 0) {
            return I18n.text("mesh.radio.value.never");
        }
        if (seconds < 120) {
            return I18n.text("mesh.radio.value.seconds", seconds);
        }
        if (seconds < 7200) {
            return I18n.text("mesh.radio.value.minutes", seconds / 60);
        }
        return seconds < 172_800 ? I18n.text("mesh.radio.value.hours", seconds / 3600)
                : I18n.text("mesh.radio.value.days", seconds / 86_400);
    }

    static String gradeText(LinkGrade grade) {
        return grade == null ? "\u2013" : I18n.text("mesh.radio.grade." + grade);
    }

    private static <T> ListCell<T> textCell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** A neighbour's id, with how it stands to the meter when it is its parent or child. */
    private static final class NeighbourCell extends TableCell<MeterRadio.Neighbour, String> {

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            boolean inTable = !empty && getIndex() >= 0 && getIndex() < getTableView().getItems().size();
            MeterRadio.Neighbour row = inTable ? getTableView().getItems().get(getIndex()) : null;
            if (row == null) {
                setText(null);
                return;
            }
            setText(row.role() == MeterRadio.Role.NEIGHBOUR ? id
                    : I18n.text("mesh.radio.role." + row.role(), id));
        }
    }

    /** A link's grade in words, coloured by the theme when the link is weak or unusable. */
    static final class GradeCell<S> extends TableCell<S, LinkGrade> {

        @Override
        protected void updateItem(LinkGrade grade, boolean empty) {
            super.updateItem(grade, empty);
            getStyleClass().removeAll("mesh-grade-weak", "mesh-grade-unusable");
            if (empty || grade == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(gradeText(grade));
            // A narrow side panel may cut the word short; the tooltip always has it whole.
            setTooltip(new Tooltip(gradeText(grade)));
            if (grade == LinkGrade.WEAK) {
                getStyleClass().add("mesh-grade-weak");
            } else if (grade == LinkGrade.UNUSABLE) {
                getStyleClass().add("mesh-grade-unusable");
            }
        }
    }

    /** A row drawn faintly when only the past knows its link. */
    private static final class NeighbourRow extends TableRow<MeterRadio.Neighbour> {

        @Override
        protected void updateItem(MeterRadio.Neighbour item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("mesh-stale");
            if (!empty && item != null && item.stale()) {
                getStyleClass().add("mesh-stale");
            }
        }
    }
}
