package io.gridside.console.dashboard;

import atlantafx.base.theme.Styles;
import io.gridside.console.Formats;
import io.gridside.console.I18n;
import io.gridside.link.message.HelloReply;
import io.gridside.site.MeterStatus;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The site at a glance: the gateway, how many meters report, who is low or out of credit. */
public final class DashboardView extends VBox {

    private final DashboardViewModel model;
    private final Label gatewayId = new Label();
    private final Label gatewaySite = new Label();
    private final Label gatewayFirmware = new Label();
    private final Label gatewayClock = new Label();
    private final Label online = value("dashboard-online");
    private final Label low = value("dashboard-low");
    private final Label out = value("dashboard-out");
    private final Label credit = value("dashboard-credit");
    private final TableView<MeterStatus> attention = new TableView<>();
    private final Label attentionEmpty = new Label();
    private final javafx.scene.control.Button audit = new javafx.scene.control.Button(I18n.text("audit.run"));
    private final Label auditResult = new Label();
    private final GatewayHealthCard health;

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        this.health = new GatewayHealthCard(model.gatewayHealth());
        createControls();
        layoutControls();
        bind();
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("stat-value");
        return label;
    }

    private void createControls() {
        gatewayId.getStyleClass().add(Styles.TEXT_BOLD);
        audit.setId("audit");
        auditResult.setId("audit-result");
        auditResult.setWrapText(true);
        attention.setId("attention");
        attention.setPlaceholder(attentionEmpty);
        attention.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        attention.getColumns().setAll(List.of(
                column(I18n.text("meters.col.customer"), MeterStatus::customerId),
                column(I18n.text("meters.col.name"), MeterStatus::customerName),
                column(I18n.text("meters.col.meter"), MeterStatus::meterId),
                column(I18n.text("meters.col.balance"), m -> Formats.money(m.balanceMinor(), m.currency())),
                column(I18n.text("meters.col.state"), m -> I18n.text("state." + m.creditState()))));
    }

    private static TableColumn<MeterStatus, String> column(String title,
            java.util.function.Function<MeterStatus, String> value) {
        TableColumn<MeterStatus, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private void layoutControls() {
        VBox gateway = card(I18n.text("dashboard.gateway"), gatewayId, gatewaySite, gatewayFirmware, gatewayClock);
        FlowPane cards = new FlowPane(16, 16, gateway,
                card(I18n.text("dashboard.meters"), online),
                card(I18n.text("dashboard.low"), low),
                card(I18n.text("dashboard.out"), out),
                card(I18n.text("dashboard.balance"), credit),
                health);
        Label heading = new Label(I18n.text("dashboard.attention"));
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox.setVgrow(attention, Priority.ALWAYS);
        javafx.scene.layout.HBox auditRow = new javafx.scene.layout.HBox(12, audit, auditResult);
        auditRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().setAll(cards, auditRow, heading, attention);
        setSpacing(14);
        setPadding(new Insets(16));
    }

    private static VBox card(String title, Label... lines) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TEXT_MUTED);
        VBox card = new VBox(heading);
        card.getChildren().addAll(lines);
        card.getStyleClass().add("stat-card");
        return card;
    }

    private void bind() {
        attention.setItems(model.attention());
        audit.setOnAction(event -> model.audit());
        auditResult.textProperty().bind(model.auditResultProperty());
        Observable[] counts = {model.onlineProperty(), model.totalProperty(), model.loadedProperty()};
        online.textProperty().bind(Bindings.createStringBinding(model::onlineText, counts));
        low.textProperty().bind(Bindings.createStringBinding(() -> model.figure(
                Integer.toString(model.lowProperty().get())), model.lowProperty(), model.loadedProperty()));
        out.textProperty().bind(Bindings.createStringBinding(() -> model.figure(
                Integer.toString(model.outProperty().get())), model.outProperty(), model.loadedProperty()));
        credit.textProperty().bind(Bindings.createStringBinding(
                () -> model.figure(Formats.money(model.creditMinorProperty().get(), model.currency())),
                model.creditMinorProperty(), model.helloProperty(), model.loadedProperty()));
        attentionEmpty.textProperty().bind(Bindings.createStringBinding(model::attentionEmptyText,
                model.loadedProperty()));
        gatewayId.textProperty().bind(helloText(h -> I18n.text("dashboard.gateway.id", h.gatewayId())));
        gatewaySite.textProperty().bind(helloText(h -> I18n.text("dashboard.gateway.site", h.siteName(),
                h.siteId())));
        gatewayFirmware.textProperty().bind(helloText(h -> I18n.text("dashboard.gateway.firmware", h.firmware())));
        gatewayClock.textProperty().bind(Bindings.createStringBinding(() -> I18n.text("dashboard.gateway.clock",
                Formats.siteTime(model.gatewayClockProperty().get(), model.zone())),
                model.gatewayClockProperty(), model.helloProperty()));
    }

    private javafx.beans.binding.StringBinding helloText(java.util.function.Function<HelloReply, String> text) {
        return Bindings.createStringBinding(() -> model.helloProperty().get() == null ? ""
                : text.apply(model.helloProperty().get()), model.helloProperty());
    }
}
