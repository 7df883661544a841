package io.gridside.console.cash;

import javafx.geometry.Insets;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;

/**
 * The cash desk: on the left a cash top-up from the customer's choice to the printed receipt, on the right the
 * day's cash-up of receipts and voids with the cash to hand over.
 */
public final class CashDeskView extends StackPane {

    public CashDeskView(CashDeskViewModel model) {
        TopUpPane topUp = new TopUpPane(model.topUp());
        CashUpPane cashUp = new CashUpPane(model.cashUp());
        topUp.setPadding(new Insets(0, 12, 0, 0));
        cashUp.setPadding(new Insets(0, 0, 0, 12));
        SplitPane split = new SplitPane(topUp, cashUp);
        split.setDividerPositions(0.45);
        getChildren().setAll(split);
        setPadding(new Insets(12));
        setId("cash-desk");
    }
}
