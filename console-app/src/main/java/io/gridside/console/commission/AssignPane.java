package io.gridside.console.commission;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Meters to customers: the customer at hand, the scan field that a barcode scanner types into as a keyboard (its
 * code, then Enter), and the meters that joined the mesh as they appear, with the customer each now has. After an
 * assignment the next customer without a meter comes up, so a technician walking the street only scans.
 */
final class AssignPane extends VBox {

    private final CommissionViewModel model;
    private final ComboBox<String> customer = new ComboBox<>();
    private final TextField scan = new TextField();
    private final Button takeBack = new Button(CommissionTexts.text("assign.takeBack"));
    private Set<String> waitingBefore = Set.of();
    private final TableView<CommissionOverview.Joined> joined =
            CommissionTables.table("joined-table", "joined.empty");

    AssignPane(CommissionViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        customer.setId("assign-customer");
        customer.setEditable(true);
        customer.setPrefWidth(200);
        scan.setId("assign-scan");
        scan.setPromptText(CommissionTexts.text("assign.scanPrompt"));
        HBox.setHgrow(scan, Priority.ALWAYS);
        joined.getColumns().setAll(
                CommissionTables.column("joined.serial", 130, CommissionOverview.Joined::serial),
                CommissionTables.column("joined.type", 90, CommissionOverview.Joined::type),
                CommissionTables.column("joined.position", 170, CommissionOverview.Joined::position),
                CommissionTables.column("joined.signal", 200, CommissionOverview.Joined::signal),
                CommissionTables.column("joined.customer", 120, CommissionOverview.Joined::customer));
        joined.setItems(model.joined());
    }

    private void layoutControls() {
        Label scanLabel = new Label(CommissionTexts.text("assign.scan"));
        scanLabel.getStyleClass().add(Styles.TEXT_BOLD);
        HBox row = new HBox(8, new Label(CommissionTexts.text("assign.customer")), customer, scanLabel, scan,
                takeBack);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(joined, Priority.ALWAYS);
        setSpacing(10);
        getChildren().setAll(CommissionTables.explanation("assign.explain"), row, joined);
    }

    private void bind() {
        takeBack.setId("assign-take-back");
        takeBack.setOnAction(event -> model.unassign(customer.getEditor().getText()));
        joined.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && !row.customer().isEmpty()) {
                customer.getEditor().setText(row.customer());
            }
        });
        scan.setOnAction(event -> takeScan());
        // Some scanners end what they read with Tab instead of Enter: that ends a scan too, not the field.
        scan.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !scan.getText().isBlank()) {
                event.consume();
                takeScan();
            }
        });
        Listening.onListChange(this, model.customers(), change
                -> offerNextCustomer());
    }

    private void takeScan() {
        model.assign(scan.getText(), customer.getEditor().getText());
        scan.clear();
    }

    /**
     * Lists the customers without a meter, and puts the first of them in the customer field when it is empty or
     * its customer was just given a meter; a customer the technician chose stays.
     */
    private void offerNextCustomer() {
        List<String> waiting = model.customers().stream().filter(each -> each.meter().isEmpty())
                .map(CommissionOverview.Customer::id).toList();
        String chosen = customer.getEditor().getText().strip();
        boolean justAssigned = waitingBefore.contains(chosen) && !waiting.contains(chosen);
        String offer = chosen.isEmpty() || justAssigned ? (waiting.isEmpty() ? "" : waiting.get(0)) : chosen;
        // The overview comes again every few seconds: what the technician is typing is left alone unless the list
        // changed, and changing an editable box's items may clear its text, so the choice is put back whole.
        if (!customer.getItems().equals(waiting)) {
            customer.getItems().setAll(waiting);
            customer.setValue(offer.isEmpty() ? null : offer);
            customer.getEditor().setText(offer);
        } else if (!offer.equals(chosen)) {
            customer.setValue(offer.isEmpty() ? null : offer);
            customer.getEditor().setText(offer);
        }
        waitingBefore = Set.copyOf(waiting);
    }
}
