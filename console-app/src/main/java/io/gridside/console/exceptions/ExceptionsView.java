package io.gridside.console.exceptions;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.FittedColumns;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.console.service.VeeQueue;
import io.gridside.site.vee.ExceptionDecision;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
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
 * The exceptions queue: the reads VEE held back, filtered by kind, the chosen one's detail with the reads involved,
 * the gaps' estimates, and the technician's decision on the chosen exception or estimate.
 */
public final class ExceptionsView extends VBox {

    private static final String FIGURE = "figure";

    private final ExceptionsViewModel model;
    private final Button check = new Button(I18n.text("exceptions.check"), new FontIcon(Material2MZ.REFRESH));
    private final ComboBox<ReadRule> kind = new ComboBox<>();
    private final CheckBox showDecided = new CheckBox(I18n.text("exceptions.showDecided"));
    private final Label count = new Label();
    private final TableView<VeeQueue.Item> table = new TableView<>();
    private final TableView<GapEstimate> estimates = new TableView<>();
    private final Label detail = new Label();
    private final ListView<String> reads = new ListView<>();
    private final TextField value = new TextField();
    private final TextField reason = new TextField();
    private final Button accept = new Button(I18n.text("exceptions.accept"), new FontIcon(Material2AL.CHECK));
    private final Button override = new Button(I18n.text("exceptions.override"), new FontIcon(Material2AL.EDIT));
    private final Label message = new Label();

    public ExceptionsView(ExceptionsViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        check.setId("exceptions-check");
        kind.setId("exceptions-kind");
        List<ReadRule> kinds = new ArrayList<>();
        kinds.add(null);
        kinds.addAll(List.of(ReadRule.values()));
        kind.getItems().setAll(kinds);
        kind.setCellFactory(list -> new KindCell());
        kind.setButtonCell(new KindCell());
        kind.getSelectionModel().selectFirst();
        showDecided.setId("exceptions-show-decided");
        count.setId("exceptions-count");
        detail.setId("exception-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.getStyleClass().add(Styles.TEXT_BOLD);
        reads.setId("exception-reads");
        reads.setPrefHeight(90);
        reads.setPlaceholder(new Label(I18n.text("exceptions.reads.none")));
        value.setId("exception-value");
        value.setPrefColumnCount(14);
        reason.setId("exception-reason");
        reason.setPromptText(I18n.text("exceptions.reason.prompt"));
        HBox.setHgrow(reason, Priority.ALWAYS);
        accept.setId("exception-accept");
        override.setId("exception-override");
        accept.setMinWidth(Region.USE_PREF_SIZE);
        override.setMinWidth(Region.USE_PREF_SIZE);
        message.setId("exceptions-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        createQueueTable();
        createEstimatesTable();
    }

    private void createQueueTable() {
        table.setId("exceptions-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(I18n.text("exceptions.none")));
        table.getColumns().setAll(List.of(
                column("exceptions.col.kind", i -> ExceptionsViewModel.kindName(i.exception().rule())),
                column("exceptions.col.meter", i -> i.exception().meterId()),
                column("exceptions.col.customer", i -> i.customerId() == null ? "\u2013" : i.customerId()),
                column("exceptions.col.time", i -> Formats.siteTime(i.exception().at(), model.zone())),
                figure(column("exceptions.col.register", i -> wh(i.exception().read().registerWh()))),
                column("exceptions.col.wrong", i -> i.exception().detail()),
                column("exceptions.col.decision", i -> decision(i.decision()))));
        table.getColumns().get(0).setPrefWidth(170);
        table.getColumns().get(3).setPrefWidth(150);
        table.getColumns().get(5).setPrefWidth(330);
    }

    private void createEstimatesTable() {
        estimates.setId("estimates-table");
        estimates.setPlaceholder(new Label(I18n.text("exceptions.estimates.none")));
        estimates.getColumns().setAll(List.of(estimateColumn("exceptions.col.meter", GapEstimate::meterId),
                estimateColumn("exceptions.col.from", g -> Formats.siteTime(g.gapStart(), model.zone())),
                estimateColumn("exceptions.col.to", g -> Formats.siteTime(g.gapEnd(), model.zone())),
                figure(estimateColumn("exceptions.col.quarters", g -> Formats.number(g.intervals()))),
                figure(estimateColumn("exceptions.col.energy", g -> wh(g.deltaWh()))),
                estimateColumn("exceptions.col.method", ExceptionsView::method),
                estimateColumn("exceptions.col.status", ExceptionsView::status)));
        // Each title and value whole: the quarter hours' title was cut to "Quarts ..." in French, in a half-width
        // table whose columns shared its width evenly.
        FittedColumns.fit(estimates);
    }

    /** How an estimate spread its gap, in words: "linear", "profile", as the technician reads it. */
    private static String method(GapEstimate estimate) {
        return I18n.text("exceptions.method." + estimate.method().name().toLowerCase(Locale.ROOT));
    }

    /** Where an estimate stands, in words. */
    private static String status(GapEstimate estimate) {
        return I18n.text("exceptions.status." + estimate.status().name().toLowerCase(Locale.ROOT));
    }

    private static String wh(long wh) {
        return I18n.text("exceptions.wh", wh);
    }

    private String decision(ExceptionDecision decision) {
        if (decision == null) {
            return I18n.text("exceptions.open");
        }
        return I18n.text("exceptions.decision." + decision.outcome().name().toLowerCase(Locale.ROOT),
                wh(decision.registerWh()), decision.by(), Formats.siteTime(decision.decidedAt(), model.zone()),
                decision.why());
    }

    private static <S> TableColumn<S, String> figure(TableColumn<S, String> column) {
        column.getStyleClass().add(FIGURE);
        return column;
    }

    private static TableColumn<VeeQueue.Item, String> column(String key, Function<VeeQueue.Item, String> text) {
        TableColumn<VeeQueue.Item, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<GapEstimate, String> estimateColumn(String key, Function<GapEstimate, String> text) {
        TableColumn<GapEstimate, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        return column;
    }

    private void layoutControls() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(10, check, new Label(I18n.text("exceptions.kind")), kind, showDecided, spacer, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        Label valueLabel = new Label(I18n.text("exceptions.value"));
        Label reasonLabel = new Label(I18n.text("exceptions.reason"));
        valueLabel.setMinWidth(Region.USE_PREF_SIZE);
        reasonLabel.setMinWidth(Region.USE_PREF_SIZE);
        valueLabel.minWidthProperty().bind(reasonLabel.widthProperty());
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox valueRow = new HBox(8, valueLabel, value, accept, override);
        valueRow.setAlignment(Pos.CENTER_LEFT);
        HBox reasonRow = new HBox(8, reasonLabel, reason);
        reasonRow.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(6, reasonRow, valueRow);
        Label readsTitle = new Label(I18n.text("exceptions.reads"));
        VBox.setVgrow(reads, Priority.ALWAYS);
        VBox detailPane = new VBox(6, detail, readsTitle, reads, form);
        Label estimatesTitle = new Label(I18n.text("exceptions.estimates"));
        estimatesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(estimates, Priority.ALWAYS);
        VBox estimatesPane = new VBox(6, estimatesTitle, estimates);
        SplitPane lower = new SplitPane(detailPane, estimatesPane);
        lower.setDividerPositions(0.5);
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(filters, split, message);
        setSpacing(10);
        setPadding(new Insets(12));
    }

    private void bind() {
        table.setItems(model.shown());
        estimates.setItems(model.estimates());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        showDecided.selectedProperty().bindBidirectional(model.showDecidedProperty());
        value.textProperty().bindBidirectional(model.valueProperty());
        reason.textProperty().bindBidirectional(model.reasonProperty());
        message.textProperty().bind(model.messageProperty());
        count.textProperty().bind(Bindings.createStringBinding(() -> I18n.text("exceptions.count",
                model.items().stream().filter(VeeQueue.Item::open).count(), model.items().size()), model.items()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            model.selectedItemProperty().set(row);
            if (row != null) {
                estimates.getSelectionModel().clearSelection();
            }
        });
        estimates.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            model.selectedEstimateProperty().set(row);
            if (row != null) {
                table.getSelectionModel().clearSelection();
            }
        });
        Listening.onChange(this, model.selectedItemProperty(), (obs, old, item) -> showDetail());
        Listening.onChange(this, model.selectedEstimateProperty(), (obs, old, estimate) -> showDetail());
        check.setOnAction(event -> model.check());
        accept.setOnAction(event -> model.accept());
        override.setOnAction(event -> model.override());
        check.disableProperty().bind(model.busyProperty());
        accept.disableProperty().bind(model.busyProperty().or(model.selectedItemProperty().isNull()
                .and(model.selectedEstimateProperty().isNull())));
        override.disableProperty().bind(accept.disableProperty());
        visibleProperty().addListener((obs, was, visible) -> {
            if (visible) {
                model.check();
            }
        });
        showDetail();
    }

    private void showDetail() {
        VeeQueue.Item item = model.selectedItemProperty().get();
        GapEstimate estimate = model.selectedEstimateProperty().get();
        if (item != null) {
            detail.setText(I18n.text("exceptions.detail", ExceptionsViewModel.kindName(item.exception().rule()),
                    item.exception().meterId(), Formats.siteTime(item.exception().at(), model.zone()),
                    item.exception().detail(), decision(item.decision())));
            reads.getItems().setAll(item.reads().stream().map(r -> read(r, item)).toList());
            value.setPromptText(I18n.text("exceptions.value.register"));
        } else if (estimate != null) {
            detail.setText(I18n.text("exceptions.estimateDetail", estimate.meterId(),
                    Formats.siteTime(estimate.gapStart(), model.zone()), Formats.siteTime(estimate.gapEnd(),
                    model.zone()), wh(estimate.deltaWh()), method(estimate), status(estimate)));
            reads.getItems().setAll(estimate.energiesWh().stream().map(ExceptionsView::wh).toList());
            value.setPromptText(I18n.text("exceptions.value.intervals"));
        } else {
            detail.setText(I18n.text("exceptions.choose"));
            reads.getItems().clear();
            value.setPromptText("");
        }
    }

    private String read(RawRead read, VeeQueue.Item item) {
        boolean atItsTime = read.at().equals(item.exception().at());
        return I18n.text(atItsTime ? "exceptions.read.held" : "exceptions.read",
                Formats.siteTime(read.at(), model.zone()), wh(read.registerWh()));
    }

    /** Names a kind of exception, or every kind. */
    private static final class KindCell extends ListCell<ReadRule> {
        @Override
        protected void updateItem(ReadRule rule, boolean empty) {
            super.updateItem(rule, empty);
            setText(empty ? null : ExceptionsViewModel.kindName(rule));
        }
    }
}
