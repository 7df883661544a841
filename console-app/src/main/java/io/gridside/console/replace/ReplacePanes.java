package io.gridside.console.replace;

import atlantafx.base.theme.Styles;
import io.gridside.console.replace.ReplaceGatewayViewModel.ResultRow;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The replacement's simpler steps, each a pane: the site, the gateway, the confirmation and the result. */
final class ReplacePanes {

    private ReplacePanes() {
    }

    /** The site database whose replica the new gateway is restored from. */
    static VBox site(ReplaceGatewayViewModel model) {
        TextField database = field("replace-database", model.databaseProperty());
        Button open = action("replace-open", "site.action");
        open.setOnAction(event -> model.openSite());
        open.disableProperty().bind(model.runningProperty().or(model.databaseProperty().isEmpty()));
        GridPane form = form();
        form.addRow(0, new Label(ReplaceTexts.text("site.database")), database);
        return pane("site.explain", form, open);
    }

    /** The new gateway's address and the supervisor's credential that pins its key. */
    static VBox gateway(ReplaceGatewayViewModel model) {
        TextField address = field("replace-address", model.addressProperty());
        TextField credential = field("replace-credential", model.credentialProperty());
        Button reach = action("replace-reach", "gateway.action");
        reach.setOnAction(event -> model.reachGateway());
        reach.disableProperty().bind(model.runningProperty().or(model.addressProperty().isEmpty()));
        GridPane form = form();
        form.addRow(0, new Label(ReplaceTexts.text("gateway.address")), address);
        form.addRow(1, new Label(ReplaceTexts.text("gateway.credential")), credential);
        return pane("gateway.explain", form, reach);
    }

    /** What the confirmation does, and its button. */
    static VBox confirm(ReplaceGatewayViewModel model) {
        Label payments = new Label();
        payments.setId("replace-confirm-payments");
        payments.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> ReplaceTexts.text(
                "confirm.payments", model.payments().size()), model.payments()));
        Button confirm = action("replace-confirm", "confirm.action");
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setOnAction(event -> model.confirm());
        confirm.disableProperty().bind(model.runningProperty());
        return pane("confirm.explain", payments, confirm);
    }

    /** What the replacement posted, per customer, and the meters that need a look. */
    static VBox result(ReplaceGatewayViewModel model) {
        Label summary = new Label();
        summary.setId("replace-result");
        summary.setWrapText(true);
        summary.textProperty().bind(model.resultSummaryProperty());
        TableView<ResultRow> table = new TableView<>(model.results());
        table.setId("replace-results");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("result.customer", ResultRow::customer));
        table.getColumns().add(column("result.meter", ResultRow::meter));
        table.getColumns().add(column("result.gap", ResultRow::gap));
        table.getColumns().add(column("result.payments", ResultRow::payments));
        table.getColumns().add(column("result.balance", ResultRow::balance));
        VBox.setVgrow(table, Priority.ALWAYS);
        ListView<String> warnings = new ListView<>(model.warnings());
        warnings.setId("replace-warnings");
        warnings.setPrefHeight(110);
        warnings.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.warnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());
        VBox pane = new VBox(8, summary, table, warnings);
        return pane;
    }

    static <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(ReplaceTexts.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(36);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    static Button action(String id, String key) {
        Button button = new Button(ReplaceTexts.text(key));
        button.setId(id);
        return button;
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.setAlignment(Pos.CENTER_LEFT);
        return form;
    }

    private static VBox pane(String explainKey, javafx.scene.Node... nodes) {
        Label explain = new Label(ReplaceTexts.text(explainKey));
        explain.setWrapText(true);
        VBox pane = new VBox(10, explain);
        pane.getChildren().addAll(nodes);
        return pane;
    }
}
