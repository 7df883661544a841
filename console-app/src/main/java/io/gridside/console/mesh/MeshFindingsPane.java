package io.gridside.console.mesh;

import atlantafx.base.theme.Styles;
import io.gridside.console.FittedColumns;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.site.mesh.LinkFinding;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.mesh.SinglePointsOfFailure.PointOfFailure;
import io.gridside.site.mesh.SingleRouteMeters.SingleRoute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The mesh's answers as sortable lists, one tab each with its count: weak links, one-way links, meters with a single
 * route, single points of failure with the customers and daily revenue they would cut off, and meters already
 * unreachable. Choosing a row hands its radios and links to whoever highlights them on the map.
 */
public final class MeshFindingsPane extends TabPane {

    /** How many cut off meters a point of failure's row names before it only counts the rest. */
    private static final int NAMED_CUT_OFF = 4;

    private final ObservableList<LinkFinding> weak = FXCollections.observableArrayList();
    private final ObservableList<LinkFinding> oneWay = FXCollections.observableArrayList();
    private final ObservableList<SingleRoute> singleRoutes = FXCollections.observableArrayList();
    private final ObservableList<PointOfFailure> points = FXCollections.observableArrayList();
    private final ObservableList<String> unreachable = FXCollections.observableArrayList();
    private final Tab weakTab = new Tab();
    private final Tab oneWayTab = new Tab();
    private final Tab singleRouteTab = new Tab();
    private final Tab pointsTab = new Tab();
    private final Tab unreachableTab = new Tab();
    private MeshGraph graph;
    private String currency = "XXX";
    private LinkQuality quality = LinkQuality.DEFAULTS;
    private Consumer<MeshChoice> onChosen = choice -> { };

    public MeshFindingsPane() {
        createTabs();
        setFindings(null, MeshFindings.none(), currency);
    }

    /**
     * Shows the answers worked out on {@code meshGraph} (null with {@link MeshFindings#none()}), revenue in
     * {@code siteCurrency}.
     */
    public void setFindings(MeshGraph meshGraph, MeshFindings findings, String siteCurrency) {
        graph = meshGraph;
        currency = Objects.requireNonNull(siteCurrency, "siteCurrency");
        weak.setAll(findings.weakLinks());
        oneWay.setAll(findings.oneWayLinks());
        singleRoutes.setAll(findings.singleRoutes());
        points.setAll(findings.pointsOfFailure());
        unreachable.setAll(findings.unreachable());
        weakTab.setText(I18n.text("mesh.findings.tab.weak", weak.size()));
        oneWayTab.setText(I18n.text("mesh.findings.tab.oneWay", oneWay.size()));
        singleRouteTab.setText(I18n.text("mesh.findings.tab.singleRoute", singleRoutes.size()));
        pointsTab.setText(I18n.text("mesh.findings.tab.points", points.size()));
        unreachableTab.setText(I18n.text("mesh.findings.tab.unreachable", unreachable.size()));
    }

    /**
     * The thresholds the findings were worked out with, which the lists use to say why a link is in them; the
     * defaults until set. Takes effect from the next {@link #setFindings}.
     */
    public void setQuality(LinkQuality thresholds) {
        quality = Objects.requireNonNull(thresholds, "thresholds");
    }

    /** Called with the radios and links of the row the technician chooses, to highlight and centre on the map. */
    public void setOnChosen(Consumer<MeshChoice> listener) {
        onChosen = Objects.requireNonNull(listener, "listener");
    }

    private void createTabs() {
        setId("mesh-findings");
        // Five tabs share the width left of the radio panel: narrower padding keeps every one in sight.
        getStyleClass().add(Styles.DENSE);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        weakTab.setContent(linkTable("mesh-findings-weak", weak, FindingReasons::weak));
        oneWayTab.setContent(linkTable("mesh-findings-one-way", oneWay, FindingReasons::oneWay));
        singleRouteTab.setContent(table("mesh-findings-single-route", singleRoutes, this::choiceOf, List.of(
                column("mesh.findings.col.meter", "col-meter", SingleRoute::meterId, Function.identity()),
                column("mesh.findings.col.onlyNeighbour", "col-only", SingleRoute::onlyNeighbourId,
                        Function.identity()))));
        pointsTab.setContent(table("mesh-findings-points", points, this::choiceOf, List.of(
                column("mesh.findings.col.meter", "col-meter", PointOfFailure::meterId, Function.identity()),
                column("mesh.findings.col.cutOffCount", "col-cut-off", (PointOfFailure p) -> p.cutOff().size(),
                        String::valueOf),
                column("mesh.findings.col.customers", "col-customers", PointOfFailure::customers, String::valueOf),
                column("mesh.findings.col.revenue", "col-revenue", PointOfFailure::dailyRevenueMinor,
                        minor -> Formats.money(minor, currency)),
                unsorted(column("mesh.findings.col.cutOff", "col-cut-off-meters", PointOfFailure::cutOff,
                        MeshFindingsPane::named)))));
        unreachableTab.setContent(table("mesh-findings-unreachable", unreachable, this::choiceOf, List.of(
                column("mesh.findings.col.meter", "col-meter", Function.<String>identity(), Function.identity()))));
        getTabs().setAll(List.of(pointsTab, weakTab, oneWayTab, singleRouteTab, unreachableTab));
    }

    private TableView<LinkFinding> linkTable(String id, ObservableList<LinkFinding> rows,
            BiFunction<LinkFinding, LinkQuality, String> reason) {
        return table(id, rows, this::choiceOf, List.of(
                column("mesh.findings.col.from", "col-from", LinkFinding::from, Function.identity()),
                column("mesh.findings.col.to", "col-to", LinkFinding::to, Function.identity()),
                column("mesh.findings.col.rssiForward", "col-rssi-forward", LinkFinding::forwardRssiDbm,
                        MeterRadioPanel::dbm),
                column("mesh.findings.col.rssiReverse", "col-rssi-reverse", LinkFinding::reverseRssiDbm,
                        MeterRadioPanel::dbm),
                column("mesh.findings.col.psrForward", "col-psr-forward", LinkFinding::forwardPsr,
                        MeterRadioPanel::share),
                column("mesh.findings.col.psrReverse", "col-psr-reverse", LinkFinding::reversePsr,
                        MeterRadioPanel::share),
                column("mesh.findings.col.etx", "col-etx", LinkFinding::etx, MeterRadioPanel::etx),
                column("mesh.findings.col.age", "col-age", LinkFinding::ageSeconds, MeterRadioPanel::age),
                column("mesh.findings.col.reason", "col-reason", finding -> reasonOf(finding, reason),
                        Function.identity())));
    }

    /** The reason in the technician's words; the analysis' own when other thresholds than the pane's picked it. */
    private String reasonOf(LinkFinding finding, BiFunction<LinkFinding, LinkQuality, String> reason) {
        String words = reason.apply(finding, quality);
        return words.isEmpty() ? finding.reason() : words;
    }

    private <S> TableView<S> table(String id, ObservableList<S> rows, Function<S, MeshChoice> choice,
            List<TableColumn<S, ?>> columns) {
        TableView<S> table = new TableView<>();
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.text("mesh.findings.none")));
        table.getColumns().setAll(columns);
        // The titles are long in French ("Compteurs coupés", "Recette journalière"): they keep their width.
        FittedColumns.fitTitles(table);
        SortedList<S> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, chosen) -> {
            if (chosen != null && graph != null) {
                onChosen.accept(choice.apply(chosen));
            }
        });
        table.setRowFactory(rowsOf -> {
            TableRow<S> row = new TableRow<>();
            // A double click chooses the row again, so the map comes back to it after the technician panned away.
            row.setOnMouseClicked(click -> {
                if (!row.isEmpty() && row.isSelected() && click.getClickCount() > 1 && graph != null) {
                    onChosen.accept(choice.apply(row.getItem()));
                }
            });
            return row;
        });
        return table;
    }

    private static <S, T> TableColumn<S, T> column(String key, String id, Function<S, T> value,
            Function<T, String> text) {
        TableColumn<S, T> column = new TableColumn<>(I18n.text(key));
        column.setId(id);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return column;
    }

    /** A column whose values have no useful order: a list of ids, whose count another column sorts by. */
    private static <S, T> TableColumn<S, T> unsorted(TableColumn<S, T> column) {
        column.setSortable(false);
        return column;
    }

    private static String named(List<String> meters) {
        if (meters.size() <= NAMED_CUT_OFF) {
            return String.join(", ", meters);
        }
        return I18n.text("mesh.findings.more", String.join(", ", meters.subList(0, NAMED_CUT_OFF)),
                meters.size() - NAMED_CUT_OFF);
    }

    private MeshChoice choiceOf(LinkFinding finding) {
        MeshGraph.Link link = graph.link(finding.link());
        return new MeshChoice(new int[] {link.from(), link.to()}, new int[] {finding.link()});
    }

    private MeshChoice choiceOf(SingleRoute route) {
        int[] nodes = {route.node(), graph.indexOf(route.onlyNeighbourId())};
        return new MeshChoice(nodes, linksWithin(nodes));
    }

    private MeshChoice choiceOf(PointOfFailure point) {
        List<Integer> nodes = new ArrayList<>();
        nodes.add(point.node());
        point.cutOff().stream().map(graph::indexOf).filter(index -> index >= 0).forEach(nodes::add);
        int[] indexes = nodes.stream().mapToInt(Integer::intValue).toArray();
        return new MeshChoice(indexes, linksWithin(indexes));
    }

    private MeshChoice choiceOf(String meterId) {
        int node = graph.indexOf(meterId);
        if (node < 0) {
            return new MeshChoice(new int[0], new int[0]);
        }
        return new MeshChoice(new int[] {node}, graph.linksOf(node));
    }

    /** The current links with both ends among {@code nodes}. */
    private int[] linksWithin(int[] nodes) {
        boolean[] among = new boolean[graph.nodeCount()];
        for (int node : nodes) {
            if (node >= 0) {
                among[node] = true;
            }
        }
        return Arrays.stream(nodes).filter(node -> node >= 0).flatMap(node -> IntStream.of(graph.linksOf(node)))
                .distinct().filter(l -> {
                    MeshGraph.Link link = graph.link(l);
                    return !link.stale() && among[link.from()] && among[link.to()];
                }).sorted().toArray();
    }
}
