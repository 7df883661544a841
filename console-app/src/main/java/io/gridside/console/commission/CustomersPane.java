package io.gridside.console.commission;

import io.gridside.site.commission.CommissionStep;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The planned customers: the operator's CSV to import, then each customer with the tariff, the meter and the
 * opening balance that commissioning gives them.
 */
final class CustomersPane extends VBox {

    CustomersPane(CommissionViewModel model, String explanationKey, boolean withImport) {
        TableView<CommissionOverview.Customer> table = customerTable(model);
        table.setId(withImport ? "commission-customers" : "commission-balances");
        VBox.setVgrow(table, Priority.ALWAYS);
        setSpacing(10);
        getChildren().add(CommissionTables.explanation(explanationKey));
        if (withImport) {
            getChildren().add(CommissionTables.fileRow("customers", "customers.import",
                    model.customersFieldProperty(), model::importCustomers, model, CommissionStep.CUSTOMERS));
        }
        getChildren().add(table);
    }

    static TableView<CommissionOverview.Customer> customerTable(CommissionViewModel model) {
        TableView<CommissionOverview.Customer> table =
                CommissionTables.table("commission-customers", "customers.empty");
        table.getColumns().setAll(
                CommissionTables.column("customers.id", 110, CommissionOverview.Customer::id),
                CommissionTables.column("customers.name", 200, CommissionOverview.Customer::name),
                CommissionTables.column("customers.tariff", 120, CommissionOverview.Customer::tariff),
                CommissionTables.column("customers.meter", 130, CommissionOverview.Customer::meter),
                CommissionTables.column("customers.balance", 130, CommissionOverview.Customer::openingBalance));
        table.setItems(model.customers());
        return table;
    }
}
