package io.gridside.console.commission;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A check's results: each meter's link check with its suggestion, each meter's relay test, or each customer's
 * dry-run bill.
 *
 * <p>KNOWN SHORTCOMING: the meters that need attention are listed here, not yet marked on the mesh view: the mesh
 * view draws the topology a live gateway reports, which a site being commissioned does not have yet.
 */
final class ChecksPane extends VBox {

    private ChecksPane(String explanationKey, TableView<?> table) {
        VBox.setVgrow(table, Priority.ALWAYS);
        setSpacing(10);
        getChildren().setAll(CommissionTables.explanation(explanationKey), table);
    }

    static ChecksPane links(CommissionViewModel model) {
        TableView<CommissionOverview.Link> table = CommissionTables.table("links-table", "links.empty");
        table.getColumns().setAll(
                CommissionTables.column("links.serial", 130, CommissionOverview.Link::serial),
                verdict(CommissionTables.column("links.verdict", 110, CommissionOverview.Link::passes)),
                CommissionTables.wrapping(CommissionTables.column("links.reason", 240,
                        CommissionOverview.Link::reason)),
                CommissionTables.wrapping(CommissionTables.column("links.suggestion", 260,
                        CommissionOverview.Link::suggestion)));
        table.setItems(model.links());
        ChecksPane pane = new ChecksPane("links.explain", table);
        javafx.scene.control.ListView<String> remedies = new javafx.scene.control.ListView<>(model.remedies());
        remedies.setId("links-remedies");
        remedies.setPrefHeight(110);
        remedies.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String remedy, boolean empty) {
                super.updateItem(remedy, empty);
                setText(empty ? null : remedy);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        remedies.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.remedies()));
        remedies.managedProperty().bind(remedies.visibleProperty());
        javafx.scene.control.Label title = new javafx.scene.control.Label(CommissionTexts.text("links.remedies"));
        title.visibleProperty().bind(remedies.visibleProperty());
        title.managedProperty().bind(remedies.visibleProperty());
        pane.getChildren().addAll(title, remedies);
        return pane;
    }

    static ChecksPane relays(CommissionViewModel model) {
        TableView<CommissionOverview.Relay> table = CommissionTables.table("relays-table", "relays.empty");
        table.getColumns().setAll(
                CommissionTables.column("relays.serial", 130, CommissionOverview.Relay::serial),
                verdict(CommissionTables.column("relays.verdict", 110, CommissionOverview.Relay::passes)),
                CommissionTables.wrapping(CommissionTables.column("relays.detail", 400,
                        CommissionOverview.Relay::detail)));
        table.setItems(model.relays());
        return new ChecksPane("relays.explain", table);
    }

    static ChecksPane bills(CommissionViewModel model) {
        TableView<CommissionOverview.Bill> table = CommissionTables.table("bills-table", "bills.empty");
        table.getColumns().setAll(
                CommissionTables.column("bills.customer", 130, CommissionOverview.Bill::customer),
                CommissionTables.column("bills.tariff", 120, CommissionOverview.Bill::tariff),
                CommissionTables.column("bills.energy", 110, CommissionOverview.Bill::energy),
                CommissionTables.column("bills.charge", 130, CommissionOverview.Bill::charge),
                CommissionTables.column("bills.balance", 130, CommissionOverview.Bill::balanceAfter));
        table.setItems(model.bills());
        return new ChecksPane("bills.explain", table);
    }

    /** Shows a pass as words, not as true or false. */
    private static <S> TableColumn<S, Boolean> verdict(TableColumn<S, Boolean> column) {
        column.setCellFactory(shown -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Boolean passes, boolean empty) {
                super.updateItem(passes, empty);
                getStyleClass().removeAll("verdict-pass", "verdict-fail");
                if (empty || passes == null) {
                    setText(null);
                    return;
                }
                setText(CommissionTexts.text(passes ? "check.pass" : "check.attention"));
                getStyleClass().add(passes ? "verdict-pass" : "verdict-fail");
            }
        });
        return column;
    }
}
