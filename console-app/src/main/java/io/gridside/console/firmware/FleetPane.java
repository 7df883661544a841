package io.gridside.console.firmware;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The versions the site's meters run: a bar per version, split by hardware revision, from the fleet stored in the
 * site database, and the pull that asks the gateway afresh; above them, what the gateway itself runs.
 */
final class FleetPane extends BorderPane {

    private final FirmwareViewModel model;
    private final Label summary = new Label();
    private final Button pullButton = new Button(I18n.text("firmware.fleet.pull"),
            new FontIcon(Material2AL.CLOUD_DOWNLOAD));
    private final Label gateway = new Label();
    private final FleetChart chart = new FleetChart();

    FleetPane(FirmwareViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        summary.setId("fw-fleet-summary");
        summary.setWrapText(true);
        pullButton.setId("fw-fleet-pull");
        chart.setId("fw-fleet-chart");
        chart.setTitle(I18n.text("firmware.fleet.chart"));
        gateway.setId("fw-fleet-gateway");
        gateway.getStyleClass().add(Styles.TEXT_MUTED);
    }

    private void layoutControls() {
        VBox lines = new VBox(4, summary, gateway);
        HBox.setHgrow(lines, Priority.ALWAYS);
        HBox top = new HBox(10, lines, pullButton);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("firmware-bar");
        setTop(top);
        setCenter(chart);
        getStyleClass().add("firmware-body");
    }

    private void bind() {
        summary.textProperty().bind(model.fleetTextProperty());
        gateway.textProperty().bind(model.gatewayTextProperty());
        Listening.onChange(this, model.fleetProblemProperty(), (obs, was, problem) -> {
            summary.getStyleClass().remove(Styles.DANGER);
            if (problem) {
                summary.getStyleClass().add(Styles.DANGER);
            }
        });
        pullButton.disableProperty().bind(model.source().connected().not());
        pullButton.setOnAction(event -> model.pullFleet());
        Listening.onChange(this, model.versionsProperty(), (obs, old, now) -> chart.show(now));
        chart.show(model.versionsProperty().get());
        pullButton.getStyleClass().add(Styles.ACCENT);
    }
}
