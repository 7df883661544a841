package io.gridside.console.firmware;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The versions the site's meters run: a bar per version, split by hardware revision, from the fleet stored in the
 * site database, and the pull that asks the gateway afresh.
 */
final class FleetPane extends BorderPane {

    private final FirmwareViewModel model;
    private final Label summary = new Label();
    private final Button pullButton = new Button(FirmwareTexts.text("firmware.fleet.pull"),
            new FontIcon(Material2AL.CLOUD_DOWNLOAD));
    private final CategoryAxis versionAxis = new CategoryAxis();
    private final NumberAxis meterAxis = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(versionAxis, meterAxis);

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
        chart.setTitle(FirmwareTexts.text("firmware.fleet.chart"));
        chart.setAnimated(false);
        versionAxis.setLabel(FirmwareTexts.text("firmware.fleet.axisVersion"));
        meterAxis.setLabel(FirmwareTexts.text("firmware.fleet.axisMeters"));
        meterAxis.setMinorTickVisible(false);
        meterAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                // Meters come whole: a tick between two counts is left without a label.
                return value.doubleValue() == Math.rint(value.doubleValue()) ? Long.toString(value.longValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Long.parseLong(text);
            }
        });
    }

    private void layoutControls() {
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(10, summary, pullButton);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("firmware-bar");
        setTop(top);
        setCenter(chart);
        getStyleClass().add("firmware-body");
    }

    private void bind() {
        summary.textProperty().bind(model.fleetTextProperty());
        model.fleetProblemProperty().addListener((obs, was, problem) -> {
            summary.getStyleClass().remove(Styles.DANGER);
            if (problem) {
                summary.getStyleClass().add(Styles.DANGER);
            }
        });
        pullButton.disableProperty().bind(model.source().connected().not());
        pullButton.setOnAction(event -> model.pullFleet());
        model.versionsProperty().addListener((obs, old, now) -> draw(now));
        draw(model.versionsProperty().get());
        pullButton.getStyleClass().add(Styles.ACCENT);
    }

    /** One series per hardware revision, so each revision has its own colour in every bar. */
    private void draw(FleetVersions versions) {
        chart.getData().clear();
        versionAxis.getCategories().setAll(versions.versions());
        for (String hardware : versions.hardwareIds()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(hardware);
            for (String version : versions.versions()) {
                series.getData().add(new XYChart.Data<>(version, versions.count(version, hardware)));
            }
            chart.getData().add(series);
        }
    }
}
