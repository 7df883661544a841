package io.gridside.console.commission;

import io.gridside.site.commission.CommissionStep;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The gateway and the pack: where the factory-fresh gateway answers, the key it presented and the console pinned,
 * and the operator's commissioning pack of tariffs and technician credentials for it.
 */
final class GatewayPane extends VBox {

    private final CommissionViewModel model;
    private final TextField address = new TextField();
    private final Button connect = new Button(CommissionTexts.text("gateway.connect"));
    private final Label pinned = new Label();

    GatewayPane(CommissionViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
    }

    private void createControls() {
        address.setId("gateway-address");
        address.textProperty().bindBidirectional(model.addressFieldProperty());
        HBox.setHgrow(address, Priority.ALWAYS);
        connect.setId("gateway-connect");
        CommissionTables.accentWhileCurrent(connect, model, CommissionStep.GATEWAY);
        connect.setOnAction(event -> model.connectGateway(address.getText()));
        pinned.setId("gateway-pinned");
        pinned.setWrapText(true);
        pinned.textProperty().bind(model.gatewayProperty());
    }

    private void layoutControls() {
        HBox row = new HBox(8, new Label(CommissionTexts.text("gateway.address")), address, connect);
        row.setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        getChildren().setAll(CommissionTables.explanation("gateway.explain"), row, pinned,
                CommissionTables.explanation("pack.explain"),
                CommissionTables.fileRow("pack", "pack.load", model.packFieldProperty(), model::choosePack,
                        model, CommissionStep.PACK));
    }
}
