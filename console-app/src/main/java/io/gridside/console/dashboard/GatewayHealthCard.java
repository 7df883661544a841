package io.gridside.console.dashboard;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.link.message.GatewayHealth;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The dashboard's card of the gateway's own health: the latest figures, most with a line of their history, and the
 * last quarter hour's traffic with the bursts of the quarter hours before it.
 */
final class GatewayHealthCard extends VBox {

    private final GatewayHealthViewModel model;
    private final GridPane rows = new GridPane();
    private final Sparkline loadHistory = new Sparkline("health-load-history");
    private final Sparkline memoryHistory = new Sparkline("health-memory-history");
    private final Sparkline queueHistory = new Sparkline("health-queue-history");
    private final Sparkline meshHistory = new Sparkline("health-mesh-history");
    private final Sparkline burstHistory = new Sparkline("health-burst-history");
    private final Sparkline signalHistory = new Sparkline("health-signal-history");

    GatewayHealthCard(GatewayHealthViewModel model) {
        this.model = model;
        layoutControls();
        bind();
    }

    private void layoutControls() {
        setId("health-card");
        getStyleClass().add("stat-card");
        Label heading = new Label(I18n.text("dashboard.health"));
        heading.getStyleClass().add(Styles.TEXT_MUTED);
        rows.setHgap(12);
        rows.setVgap(2);
        getChildren().setAll(heading, rows);
    }

    private void bind() {
        addRow(0, "health-uptime", model.uptimeProperty(), null);
        addRow(1, "health-load", model.loadProperty(), loadHistory);
        addRow(2, "health-memory", model.memoryProperty(), memoryHistory);
        addRow(3, "health-queue", model.queueProperty(), queueHistory);
        addRow(4, "health-mesh", model.meshQueueProperty(), meshHistory);
        addRow(5, "health-burst", model.burstProperty(), burstHistory);
        addRow(6, "health-losses", model.lossesProperty(), null);
        addRow(7, "health-backhaul", model.backhaulProperty(), signalHistory);
        addRow(8, "health-clock", model.clockOffsetProperty(), null);
        Listening.onListChange(this, model.history(), change -> redraw());
        redraw();
    }

    private void addRow(int row, String id, ObservableStringValue text, Sparkline history) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        rows.add(label, 0, row);
        if (history != null) {
            rows.add(history, 1, row);
        }
    }

    private void redraw() {
        loadHistory.setValues(model.series(GatewayHealth::loadPerMille));
        memoryHistory.setValues(model.series(GatewayHealth::memoryUsedKib));
        queueHistory.setValues(model.series(GatewayHealth::intakeQueueDepth));
        meshHistory.setValues(model.series(GatewayHealth::meshQueueDepth));
        burstHistory.setValues(model.trafficSeries(GatewayHealth.Traffic::burstPer10s));
        signalHistory.setValues(model.signalSeries());
    }
}
