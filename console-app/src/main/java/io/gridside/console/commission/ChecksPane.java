package io.gridside.console.commission;

import io.gridside.site.commission.LinkVerdict;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A check's results: each meter's link check with its suggestion, each meter's relay test, or each customer's
 * dry-run bill.
 *
 * <p>The link check also shows its thresholds, which the technician may change, and the meters on the mesh view.
 */
final class ChecksPane extends VBox {

    private ChecksPane(String explanationKey, Region table) {
        VBox.setVgrow(table, Priority.ALWAYS);
        setSpacing(10);
        getChildren().setAll(CommissionTables.explanation(explanationKey), table);
    }

    static ChecksPane links(CommissionViewModel model) {
        TableView<CommissionOverview.Link> table = CommissionTables.table("links-table", "links.empty");
        table.getColumns().setAll(
                CommissionTables.column("links.serial", 115, CommissionOverview.Link::serial),
                verdict(CommissionTables.column("links.verdict", 140, CommissionOverview.Link::verdict)),
                CommissionTables.wrapping(CommissionTables.column("links.reason", 170,
                        CommissionOverview.Link::brief), CommissionOverview.Link::reason),
                CommissionTables.wrapping(CommissionTables.column("links.suggestion", 140,
                        CommissionOverview.Link::action), CommissionOverview.Link::suggestion));
        table.setItems(model.links());
        SplitPane split = new SplitPane(table, new LinkMeshPane(model));
        split.setId("links-split");
        split.setDividerPositions(0.55);
        ChecksPane pane = new ChecksPane("links.explain", split);
        pane.getChildren().add(1, new ThresholdsForm(model));
        return pane;
    }

    static ChecksPane relays(CommissionViewModel model) {
        TableView<CommissionOverview.Relay> table = CommissionTables.table("relays-table", "relays.empty");
        table.getColumns().setAll(
                CommissionTables.column("relays.serial", 130, CommissionOverview.Relay::serial),
                verdict(CommissionTables.column("relays.verdict", 110, relay -> relay.passes() ? LinkVerdict.PASS
                        : LinkVerdict.FAIL)),
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

    /** Shows a verdict as words, not as a constant's name, and styles the cell by it. */
    private static <S> TableColumn<S, LinkVerdict> verdict(TableColumn<S, LinkVerdict> column) {
        column.setCellFactory(shown -> new TableCell<>() {
            @Override
            protected void updateItem(LinkVerdict verdict, boolean empty) {
                super.updateItem(verdict, empty);
                getStyleClass().removeAll("verdict-pass", "verdict-fail");
                if (empty || verdict == null) {
                    setText(null);
                    return;
                }
                setText(CommissionTexts.text(switch (verdict) {
                    case PASS -> "check.pass";
                    case ATTENTION -> "check.attention";
                    case FAIL -> "check.fail";
                }));
                getStyleClass().add(verdict == LinkVerdict.PASS ? "verdict-pass" : "verdict-fail");
            }
        });
        return column;
    }
}
