package io.gridside.console.firmware;

import atlantafx.base.theme.Styles;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.MeterUpdateStatus;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The campaigns and gateway installs the site database holds, newest first. */
final class HistoryPane extends VBox {

    private final FirmwareViewModel model;
    private final Label note = new Label();
    private final TableView<CampaignState> campaigns = Tables.table("fw-history-campaigns", null);
    private final TableView<GatewayInstall> installs = Tables.table("fw-history-installs", null);

    HistoryPane(FirmwareViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        note.setId("fw-history-note");
        note.setWrapText(true);
        campaigns.getColumns().setAll(List.of(
                Tables.column("firmware.history.started", 160, (CampaignState c) -> time(c.started())),
                Tables.clipped(Tables.column("firmware.history.campaign", 210, CampaignState::campaignId)),
                Tables.column("firmware.history.version", 90, CampaignState::version),
                Tables.column("firmware.history.status", 90, (CampaignState c) -> I18n.text(
                        "firmware.status." + c.status())),
                Tables.column("firmware.history.confirmed", 90, (CampaignState c) -> c.counts()
                        .get(MeterUpdateStatus.CONFIRMED) + " / " + c.meters().size()),
                Tables.column("firmware.history.failed", 60, (CampaignState c) -> c.counts()
                        .get(MeterUpdateStatus.FAILED)),
                Tables.column("firmware.history.updated", 160, (CampaignState c) -> time(c.updated())),
                Tables.wrapping(Tables.column("firmware.history.reason", 220, CampaignState::reason))));
        installs.getColumns().setAll(List.of(
                Tables.column("firmware.history.at", 150, (GatewayInstall i) -> time(i.at())),
                Tables.column("firmware.history.version", 110, GatewayInstall::version),
                Tables.column("firmware.history.outcome", 100, (GatewayInstall i) -> I18n.text(i.confirmed()
                        ? "firmware.history.kept" : "firmware.history.reverted")),
                Tables.wrapping(Tables.column("firmware.history.checks", 260, HistoryPane::checks)),
                Tables.wrapping(Tables.column("firmware.history.reason", 300, GatewayInstall::reason))));
    }

    /** The trial boot's checks in a line: {@code mesh-radio passed, meter-read failed}. */
    private static String checks(GatewayInstall install) {
        return install.checks().stream().map(check -> check.name() + " " + I18n.text(check.passed()
                ? "firmware.history.checkPassed" : "firmware.history.checkFailed"))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private String time(java.time.Instant at) {
        return Formats.siteTime(at, model.source().zone());
    }

    private void layoutControls() {
        Label campaignsTitle = new Label(I18n.text("firmware.history.campaigns"));
        campaignsTitle.getStyleClass().add(Styles.TITLE_4);
        Label installsTitle = new Label(I18n.text("firmware.history.installs"));
        installsTitle.getStyleClass().add(Styles.TITLE_4);
        VBox.setVgrow(campaigns, Priority.ALWAYS);
        VBox.setVgrow(installs, Priority.ALWAYS);
        getChildren().setAll(note, campaignsTitle, campaigns, installsTitle, installs);
        setSpacing(8);
        getStyleClass().add("firmware-body");
    }

    private void bind() {
        note.textProperty().bind(model.historyTextProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        campaigns.setItems(model.campaigns());
        installs.setItems(model.installs());
    }
}
