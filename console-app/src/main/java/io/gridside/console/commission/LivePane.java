package io.gridside.console.commission;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Go-live and the report: what switching billing on means, and the report kept once it is signed. */
final class LivePane extends VBox {

    LivePane(CommissionViewModel model, String explanationKey) {
        Label report = new Label();
        report.setId(explanationKey.startsWith("report") ? "report-summary" : "live-summary");
        report.setWrapText(true);
        report.textProperty().bind(model.reportProperty());
        setSpacing(10);
        getChildren().setAll(CommissionTables.explanation(explanationKey), report);
    }
}
