package io.gridside.console.replace;

import atlantafx.base.theme.Styles;
import io.gridside.console.replace.ReplaceGatewayViewModel.RegisterRow;
import io.gridside.console.replace.ReplaceGatewayViewModel.ResultRow;
import java.io.File;
import java.nio.file.Files;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The replacement's simpler steps, each a pane: the site, the gateway, the registers read, their review with the
 * confirmation that posts, and the result.
 */
final class ReplacePanes {

    private ReplacePanes() {
    }

    /** The site database whose replica the new gateway is restored from. */
    static VBox site(ReplaceGatewayViewModel model) {
        TextField database = field("replace-database", model.databaseProperty());
        Button choose = action("replace-choose-database", "site.choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(event -> chooseDatabase(model, choose));
        choose.disableProperty().bind(model.runningProperty());
        Button open = action("replace-open", "site.action");
        open.setOnAction(event -> model.openSite());
        open.disableProperty().bind(model.runningProperty().or(model.databaseProperty().isEmpty()));
        GridPane form = form();
        form.addRow(0, new Label(ReplaceTexts.text("site.database")), database, choose);
        GridPane.setHgrow(database, Priority.SOMETIMES);
        return pane("site.explain", form, open);
    }

    /** A file chooser of site databases, opening in the console's sites folder: a typed path works as well. */
    static FileChooser databaseChooser(ReplaceGatewayViewModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ReplaceTexts.text("site.chooseTitle"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(ReplaceTexts.text("site.files"),
                "*.db"), new FileChooser.ExtensionFilter(ReplaceTexts.text("site.allFiles"), "*"));
        if (Files.isDirectory(model.databaseFolder())) {
            chooser.setInitialDirectory(model.databaseFolder().toFile());
        }
        return chooser;
    }

    private static void chooseDatabase(ReplaceGatewayViewModel model, Button owner) {
        File chosen = databaseChooser(model).showOpenDialog(owner.getScene().getWindow());
        if (chosen != null) {
            model.databaseProperty().set(chosen.getPath());
        }
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

    /** What reading the registers does, and its button: the restore and the read, which post nothing. */
    static VBox registers(ReplaceGatewayViewModel model) {
        Button read = action("replace-read-registers", "registers.action");
        read.getStyleClass().add(Styles.ACCENT);
        read.setOnAction(event -> model.readRegisters());
        read.disableProperty().bind(model.runningProperty());
        return pane("registers.explain", read);
    }

    /** Each meter's register read, its state and gap for review, and the confirmation that posts them. */
    static VBox confirm(ReplaceGatewayViewModel model) {
        Label summary = new Label();
        summary.setId("replace-review-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.reviewSummaryProperty());
        TableView<RegisterRow> table = new TableView<>(model.registers());
        table.setId("replace-registers");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The state carries its code ([UNREAD_REGISTER]), so it gets the width the ids do not need.
        table.getColumns().add(column("result.customer", RegisterRow::customer, 110));
        table.getColumns().add(column("result.meter", RegisterRow::meter, 110));
        table.getColumns().add(column("review.register", RegisterRow::register, 130));
        table.getColumns().add(column("review.readAt", RegisterRow::readAt, 190));
        table.getColumns().add(column("review.state", RegisterRow::state, 260));
        table.getColumns().add(column("result.gap", RegisterRow::gap, 120));
        table.setPrefHeight(200);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label payments = new Label();
        payments.setId("replace-confirm-payments");
        payments.setWrapText(true);
        payments.textProperty().bind(Bindings.createStringBinding(() -> ReplaceTexts.text(
                "confirm.payments", model.payments().size()), model.payments()));
        Button confirm = action("replace-confirm", "confirm.action");
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        confirm.setOnAction(event -> model.confirm());
        confirm.disableProperty().bind(model.runningProperty());
        HBox post = new HBox(10, payments, confirm);
        post.setAlignment(Pos.CENTER_LEFT);
        return pane("confirm.explain", summary, table, warnings(model, "replace-review-warnings"), post);
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
        return new VBox(8, summary, table, warnings(model, "replace-warnings"));
    }

    /** The meters that need a look: the stale and the unread registers, shown only when there are some. */
    private static ListView<String> warnings(ReplaceGatewayViewModel model, String id) {
        ListView<String> warnings = new ListView<>(model.warnings());
        warnings.setId(id);
        warnings.setPrefHeight(90);
        warnings.visibleProperty().bind(Bindings.isNotEmpty(model.warnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());
        return warnings;
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> column = column(key, value);
        column.setPrefWidth(width);
        return column;
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
        explain.setMinHeight(Region.USE_PREF_SIZE);
        VBox pane = new VBox(10, explain);
        pane.getChildren().addAll(nodes);
        return pane;
    }
}
