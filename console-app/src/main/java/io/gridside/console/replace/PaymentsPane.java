package io.gridside.console.replace;

import io.gridside.console.replace.ReplacementWork.Entered;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The payments made since the replica's last pull that this laptop does not hold, entered as the command line's
 * {@code --payment} and {@code --receipt} take them (a receipt slip's when its receipt number is filled in), in a
 * small table, and the last receipt number of each slips' book where a slip may be lost (the command's {@code
 * --last-receipt}, checked by the same rule); the technician says the list is complete before it is checked.
 */
final class PaymentsPane extends VBox {

    private final ReplaceGatewayViewModel model;
    private final TextField receipt = field("replace-pay-receipt", 10);
    private final TextField technician = field("replace-pay-technician", 10);
    private final TextField reference = field("replace-pay-reference", 10);
    private final TextField customer = field("replace-pay-customer", 8);
    private final TextField amount = field("replace-pay-amount", 6);
    private final TextField time = field("replace-pay-time", 12);
    private final TextField lastReceipts = field("replace-last-receipts", 24);
    private final TableView<Entered> table;

    PaymentsPane(ReplaceGatewayViewModel model) {
        this.model = model;
        this.table = new TableView<>(model.payments());
        createControls();
    }

    private void createControls() {
        setSpacing(8);
        Label explain = new Label(ReplaceTexts.text("payments.explain"));
        explain.setWrapText(true);
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        List<String> keys = List.of("payments.receipt", "payments.technician", "payments.reference",
                "payments.customer", "payments.amount", "payments.time");
        List<TextField> fields = List.of(receipt, technician, reference, customer, amount, time);
        for (int i = 0; i < keys.size(); i++) {
            form.add(new Label(ReplaceTexts.text(keys.get(i))), i, 0);
            form.add(fields.get(i), i, 1);
        }
        Button add = ReplacePanes.action("replace-pay-add", "payments.add");
        add.setOnAction(event -> add());
        add.disableProperty().bind(reference.textProperty().isEmpty());
        form.add(add, keys.size(), 1);
        table.setId("replace-payments");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(ReplacePanes.column("payments.receipt", Entered::receipt));
        table.getColumns().add(ReplacePanes.column("payments.technician", Entered::technician));
        table.getColumns().add(ReplacePanes.column("payments.reference", Entered::reference));
        table.getColumns().add(ReplacePanes.column("payments.customer", Entered::customer));
        table.getColumns().add(ReplacePanes.column("payments.amount", Entered::amount));
        table.getColumns().add(ReplacePanes.column("payments.time", Entered::time));
        table.setPrefHeight(160);
        VBox.setVgrow(table, Priority.ALWAYS);
        Button remove = ReplacePanes.action("replace-pay-remove", "payments.remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> model.payments().remove(table.getSelectionModel().getSelectedItem()));
        lastReceipts.textProperty().bindBidirectional(model.lastReceiptsProperty());
        lastReceipts.setPromptText("AA11BB-0007");
        Label lastReceiptsLabel = new Label(ReplaceTexts.text("payments.lastReceipt"));
        lastReceiptsLabel.setWrapText(true);
        lastReceiptsLabel.setLabelFor(lastReceipts);
        HBox books = new HBox(8, lastReceiptsLabel, lastReceipts);
        books.setAlignment(Pos.CENTER_LEFT);
        CheckBox complete = new CheckBox(ReplaceTexts.text("payments.complete"));
        complete.setId("replace-payments-complete");
        complete.selectedProperty().bindBidirectional(model.paymentsCompleteProperty());
        Button next = ReplacePanes.action("replace-check-payments", "payments.action");
        next.setOnAction(event -> model.checkPayments());
        next.disableProperty().bind(model.runningProperty());
        HBox actions = new HBox(10, remove, complete, next);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(explain, form, table, books, actions);
    }

    private void add() {
        model.addPayment(new Entered(receipt.getText(), technician.getText(), reference.getText(),
                customer.getText(), amount.getText(), time.getText()));
        for (TextField field : List.of(receipt, technician, reference, customer, amount, time)) {
            field.clear();
        }
    }

    private static TextField field(String id, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        return field;
    }
}
