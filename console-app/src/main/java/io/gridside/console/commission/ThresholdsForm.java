package io.gridside.console.commission;

import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The link check's thresholds, which the technician may read and change on the day: the signal either way, the ETX
 * of the route and the number of routes, each with the limit that passes and the limit below which a meter fails.
 * Applying them checks the links again. Closed once the site is live, when no meter is checked again.
 */
final class ThresholdsForm extends FlowPane {

    /** Each field's id and text key, in the view model's order of the thresholds' fields. */
    private static final String[][] FIELDS = {
        {"threshold-pass-rssi", "thresholds.passRssi"}, {"threshold-fail-rssi", "thresholds.failRssi"},
        {"threshold-pass-etx", "thresholds.passEtx"}, {"threshold-fail-etx", "thresholds.failEtx"},
        {"threshold-pass-routes", "thresholds.passRoutes"}, {"threshold-fail-routes", "thresholds.failRoutes"},
    };

    private final CommissionViewModel model;
    private final Button apply = new Button(CommissionTexts.text("thresholds.apply"));

    ThresholdsForm(CommissionViewModel model) {
        this.model = model;
        setId("links-thresholds");
        setHgap(12);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(CommissionTexts.text("thresholds.title"));
        title.setTooltip(new Tooltip(CommissionTexts.text("thresholds.kept")));
        getChildren().add(title);
        BooleanBinding closed = model.runningProperty().or(model.liveProperty());
        for (int i = 0; i < FIELDS.length; i++) {
            getChildren().add(field(i, closed));
        }
        apply.setId("threshold-apply");
        apply.disableProperty().bind(closed);
        apply.setOnAction(event -> model.applyThresholds());
        getChildren().add(apply);
    }

    private HBox field(int index, BooleanBinding closed) {
        TextField field = new TextField();
        field.setId(FIELDS[index][0]);
        field.setPrefColumnCount(4);
        field.textProperty().bindBidirectional(model.thresholdField(index));
        field.disableProperty().bind(closed);
        field.setOnAction(event -> model.applyThresholds());
        Label label = new Label(CommissionTexts.text(FIELDS[index][1]));
        label.setLabelFor(field);
        HBox pair = new HBox(4, label, field);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }
}
