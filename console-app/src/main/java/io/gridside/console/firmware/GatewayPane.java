package io.gridside.console.firmware;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.firmware.FirmwareProduct;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The gateway's update: what it runs now, send the chosen gateway image (chunks held of the total, bytes, rate;
 * cancel), install it, and how the install ended: confirmed, or reverted and why, with the health checks of its
 * trial boot.
 */
final class GatewayPane extends VBox {

    private final FirmwareViewModel model;
    private final Label running = new Label();
    private final Label readiness = new Label();
    private final Button sendButton = new Button(I18n.text("firmware.gateway.send"),
            new FontIcon(Material2MZ.SYSTEM_UPDATE_ALT));
    private final Button cancelButton = new Button(I18n.text("firmware.cancel"),
            new FontIcon(Material2AL.CLOSE));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label outcome = new Label();
    private final TableView<FirmwareState.HealthCheck> checks = Tables.table("fw-gateway-checks", null);

    GatewayPane(FirmwareViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        running.setId("fw-gateway-running");
        running.getStyleClass().add(Styles.TEXT_MUTED);
        readiness.setId("fw-gateway-ready");
        readiness.setWrapText(true);
        sendButton.setId("fw-gateway-send");
        sendButton.getStyleClass().add(Styles.ACCENT);
        cancelButton.setId("fw-gateway-cancel");
        progress.setId("fw-gateway-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progressText.setId("fw-gateway-progress-text");
        progressText.setWrapText(true);
        outcome.setId("fw-gateway-outcome");
        outcome.setWrapText(true);
        for (Label wrapped : List.of(readiness, progressText, outcome)) {
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
        }
        checks.getColumns().setAll(List.of(
                Tables.column("firmware.install.check", 160, FirmwareState.HealthCheck::name),
                Tables.column("firmware.install.passed", 80, check -> I18n.text(check.passed()
                        ? "firmware.check.passed" : "firmware.check.failed")),
                Tables.wrapping(Tables.column("firmware.install.detail", 420, FirmwareState.HealthCheck::detail))));
    }

    private void layoutControls() {
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox actions = new HBox(10, sendButton, progress, cancelButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(checks, Priority.ALWAYS);
        getChildren().setAll(running, readiness, actions, progressText, outcome, checks);
        setSpacing(10);
        getStyleClass().add("firmware-body");
    }

    private void bind() {
        Transfer transfer = model.gatewayTransfer();
        BooleanBinding acceptable = model.acceptableFor(FirmwareProduct.GATEWAY);
        running.textProperty().bind(model.gatewayTextProperty());
        readiness.textProperty().bind(Bindings.createStringBinding(() -> readiness(acceptable.get()),
                acceptable, model.source().supervisor(), model.reviewProperty(), model.gatewayRunningProperty()));
        sendButton.disableProperty().bind(acceptable.not().or(transfer.runningProperty())
                .or(model.source().connected().not()).or(model.source().supervisor().not()));
        sendButton.setOnAction(event -> model.sendToGateway());
        cancelButton.disableProperty().bind(transfer.cancellableProperty().not());
        cancelButton.setOnAction(event -> transfer.cancel());
        progress.progressProperty().bind(transfer.fractionProperty());
        progressText.textProperty().bind(transfer.progressTextProperty());
        Listening.onChange(this, model.outcomeProperty(), (obs, old, ended) -> show(ended));
        show(null);
    }

    /** What stands between the technician and the send, or what the send will do. */
    private String readiness(boolean acceptable) {
        if (!acceptable) {
            return I18n.text("firmware.gateway.needImage");
        }
        if (!model.source().supervisor().get()) {
            return I18n.text("firmware.gateway.needSupervisor");
        }
        String version = model.reviewProperty().get().manifest().version();
        FirmwareState.Slot running = model.gatewayRunningProperty().get();
        return running != null && running.version().equals(version)
                ? I18n.text("firmware.gateway.runsAlready", version)
                : I18n.text("firmware.gateway.ready", version);
    }

    private void show(FirmwareState.Outcome ended) {
        checks.getItems().setAll(ended == null ? List.of() : ended.checks());
        outcome.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (ended == null) {
            outcome.setText("");
            return;
        }
        outcome.getStyleClass().add(ended.confirmed() ? Styles.SUCCESS : Styles.DANGER);
        outcome.setText(ended.confirmed() ? I18n.text("firmware.install.confirmed", ended.version())
                : I18n.text("firmware.install.reverted", ended.version(), ended.reason()));
    }
}
