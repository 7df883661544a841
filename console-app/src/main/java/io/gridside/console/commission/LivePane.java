package io.gridside.console.commission;

import atlantafx.base.theme.Styles;
import io.gridside.site.commission.CommissionStep;
import javafx.scene.control.Button;
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
        if (!explanationKey.startsWith("report")) {
            Button goLive = new Button(CommissionTexts.text("live.go"));
            goLive.setId("go-live");
            goLive.getStyleClass().add(Styles.DANGER);
            goLive.disableProperty().bind(model.currentProperty().isNotEqualTo(CommissionStep.GO_LIVE)
                    .or(model.runningProperty()));
            goLive.setOnAction(event -> model.goLive());
            getChildren().add(goLive);
        }
    }
}
