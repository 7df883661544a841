package io.gridside.console.cash;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.FittedColumns;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.site.MeterStatus;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The top-up half of the cash desk: the customer picker, the form, the confirmation and the receipt. */
final class TopUpPane extends VBox {

    private final TopUpViewModel model;
    private final Label title = new Label(I18n.text("cash.topUp.title"));
    private final TextField query = new TextField();
    private final TableView<MeterStatus> customers = new TableView<>();
    private final Label balance = new Label();
    private final TextField amount = new TextField();
    private final TextField reference = new TextField();
    private final Button review = new Button(I18n.text("cash.review"), new FontIcon(Material2MZ.SEND));
    private final Label confirmation = new Label();
    private final Button confirm = new Button(I18n.text("cash.confirm.button"), new FontIcon(Material2AL.CHECK));
    private final Button back = new Button(I18n.text("cash.back"));
    private final Label receipt = new Label();
    private final Button exportReceipt = new Button(I18n.text("cash.receipt.export"),
            new FontIcon(Material2MZ.PRINT));
    private final Button next = new Button(I18n.text("cash.next"), new FontIcon(Material2AL.ADD));
    private final Label message = new Label();
    private final GridPane form = new GridPane();
    private final VBox confirmBox = new VBox(8);
    private final VBox receiptBox = new VBox(8);

    TopUpPane(TopUpViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        title.getStyleClass().add(Styles.TITLE_4);
        query.setId("cash-customer-query");
        query.setPromptText(I18n.text("cash.customer.prompt"));
        customers.setId("cash-customers");
        customers.setPrefHeight(170);
        customers.setMinHeight(110);
        customers.setPlaceholder(new Label(I18n.text("cash.customer.none")));
        customers.getColumns().setAll(List.of(column("customers.col.customer", MeterStatus::customerId),
                column("customers.col.name", MeterStatus::customerName),
                column("customers.col.meter", MeterStatus::meterId),
                column("customers.col.balance", m -> Formats.money(m.balanceMinor(), m.currency()))));
        // Each column as wide as its title and its texts: a business's name or the high-contrast theme's letters
        // cut a customer's name in a column of a share of the pane's width.
        FittedColumns.fit(customers);
        balance.setId("cash-balance");
        amount.setId("cash-amount");
        amount.setPromptText(I18n.text("cash.amount.prompt"));
        reference.setId("cash-reference");
        reference.setPrefColumnCount(24);
        review.setId("cash-review");
        review.getStyleClass().add(Styles.ACCENT);
        confirmation.setId("cash-confirmation");
        confirm.setId("cash-confirm");
        confirm.getStyleClass().add(Styles.SUCCESS);
        back.setId("cash-back");
        receipt.setId("cash-receipt");
        exportReceipt.setId("cash-receipt-export");
        next.setId("cash-next");
        message.setId("cash-message");
        for (Label label : List.of(confirmation, receipt, message)) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        receipt.getStyleClass().add(Styles.TEXT_BOLD);
    }

    private static TableColumn<MeterStatus, String> column(String key, Function<MeterStatus, String> value) {
        TableColumn<MeterStatus, String> column = new TableColumn<>(I18n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private void layoutControls() {
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(I18n.text("cash.amount")), amount);
        form.addRow(1, new Label(I18n.text("cash.reference")), reference);
        GridPane.setHgrow(reference, Priority.ALWAYS);
        HBox reviewRow = new HBox(8, review);
        reviewRow.setAlignment(Pos.CENTER_LEFT);
        HBox confirmRow = new HBox(8, confirm, back);
        confirmBox.getChildren().setAll(confirmation, confirmRow);
        HBox receiptRow = new HBox(8, exportReceipt, next);
        receiptBox.getChildren().setAll(receipt, receiptRow);
        HBox balanceRow = new HBox(8, new Label(I18n.text("cash.balance")), balance);
        balanceRow.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(customers, Priority.SOMETIMES);
        getChildren().setAll(title, query, customers, balanceRow, form, reviewRow, confirmBox, receiptBox, message);
        setSpacing(8);
    }

    private void bind() {
        customers.setItems(model.matches());
        query.textProperty().bindBidirectional(model.queryProperty());
        customers.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.chosenProperty().set(row);
            }
        });
        // A new top-up forgets the customer, so choosing the same row again must count as a choice.
        Listening.onChange(this, model.chosenProperty(), (obs, old, picked) -> {
            if (picked == null) {
                customers.getSelectionModel().clearSelection();
            }
        });
        balance.textProperty().bind(model.balance());
        amount.textProperty().bindBidirectional(model.amountProperty());
        reference.textProperty().bindBidirectional(model.referenceProperty());
        confirmation.textProperty().bind(model.confirmationProperty());
        receipt.textProperty().bind(model.receiptTextProperty());
        message.textProperty().bind(model.messageProperty());
        showOnStep(form, TopUpViewModel.Step.FORM);
        showOnStep(review, TopUpViewModel.Step.FORM);
        showOnStep(confirmBox, TopUpViewModel.Step.CONFIRM);
        showOnStep(receiptBox, TopUpViewModel.Step.RECEIPT);
        query.disableProperty().bind(model.stepProperty().isNotEqualTo(TopUpViewModel.Step.FORM));
        customers.disableProperty().bind(query.disableProperty());
        review.setOnAction(event -> model.review());
        amount.setOnAction(event -> model.review());
        confirm.setOnAction(event -> model.confirm());
        back.setOnAction(event -> model.back());
        exportReceipt.setOnAction(event -> model.exportReceipt());
        next.setOnAction(event -> model.newTopUp());
    }

    private void showOnStep(Node node, TopUpViewModel.Step step) {
        node.visibleProperty().bind(model.stepProperty().isEqualTo(step));
        node.managedProperty().bind(node.visibleProperty());
    }
}
