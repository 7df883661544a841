package io.gridside.console.connect;

import io.gridside.console.Listening;
import atlantafx.base.theme.Styles;
import io.gridside.console.I18n;
import io.gridside.link.discovery.DiscoveredGateway;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The first screen: the technician's credential, then three ways to reach a gateway, side by side; the network's
 * lists the gateways it finds.
 */
public final class ConnectView extends VBox {

    private final ConnectViewModel model;
    private final ComboBox<String> ports = new ComboBox<>();
    private final Button refreshPorts = new Button(I18n.text("connect.serial.refresh"));
    private final Button connectSerial = new Button(I18n.text("connect.serial.connect"),
            new FontIcon(Material2MZ.USB));
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final Button connectTcp = new Button(I18n.text("connect.tcp.connect"),
            new FontIcon(Material2MZ.SETTINGS_ETHERNET));
    private final Button searchNetwork = new Button(I18n.text("connect.search"), new FontIcon(Material2MZ.SEARCH));
    private final ListView<DiscoveredGateway> discovered = new ListView<>();
    private final Label searchMessage = new Label();
    private final Button connectDemo = new Button(I18n.text("connect.demo.connect"),
            new FontIcon(Material2MZ.PLAY_ARROW));
    private final ComboBox<String> demoScenario = new ComboBox<>();
    private final Label confirmText = new Label();
    private final Button confirmPort = new Button(I18n.text("connect.serial.confirm"));
    private final Button cancelPort = new Button(I18n.text("connect.serial.cancel"));
    private final VBox confirmBox = new VBox(8);
    private final Label message = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final TextField credentialFile = new TextField();
    private final Button chooseCredential = new Button(I18n.text("connect.credential.choose"),
            new FontIcon(Material2AL.FOLDER_OPEN));
    private final Label credentialSummary = new Label();
    private final Button repin = new Button(I18n.text("connect.repin"), new FontIcon(Material2MZ.VPN_KEY));
    private final Label recordText = new Label(I18n.text("connect.record.text"));
    private final TextField recordFile = new TextField();
    private final Button chooseRecord = new Button(I18n.text("connect.record.choose"),
            new FontIcon(Material2AL.FOLDER_OPEN));
    private final Button useRecord = new Button(I18n.text("connect.record.use"), new FontIcon(Material2MZ.VPN_KEY));
    private final VBox recordBox = new VBox(6);

    public ConnectView(ConnectViewModel model) {
        this.model = model;
        createControls();
        layoutControls();
        bind();
    }

    private void createControls() {
        ports.setId("serial-ports");
        ports.setPromptText(I18n.text("connect.serial.none"));
        ports.setEditable(true);
        ports.setMaxWidth(Double.MAX_VALUE);
        ports.setCellFactory(list -> new PortCell());
        connectSerial.setId("connect-serial");
        confirmText.setId("confirm-port-text");
        confirmText.setWrapText(true);
        confirmText.getStyleClass().add(Styles.WARNING);
        confirmPort.setId("confirm-port");
        confirmPort.getStyleClass().add(Styles.DANGER);
        cancelPort.setId("cancel-port");
        confirmBox.setId("confirm-port-box");
        host.setId("tcp-host");
        port.setId("tcp-port");
        port.setPrefColumnCount(6);
        connectTcp.setId("connect-tcp");
        searchNetwork.setId("search-network");
        discovered.setId("discovered");
        discovered.setPrefHeight(120);
        discovered.setCellFactory(list -> new GatewayCell());
        searchMessage.setId("search-message");
        searchMessage.setWrapText(true);
        connectDemo.setId("connect-demo");
        demoScenario.setId("demo-scenario");
        demoScenario.setPromptText(I18n.text("connect.demo.noScenario"));
        demoScenario.setMaxWidth(Double.MAX_VALUE);
        connectDemo.getStyleClass().add(Styles.ACCENT);
        message.setId("connect-message");
        message.getStyleClass().add("problem-text");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        busy.setMaxSize(28, 28);
        credentialFile.setId("credential-file");
        credentialFile.setPrefColumnCount(40);
        chooseCredential.setId("choose-credential");
        credentialSummary.setId("credential-summary");
        credentialSummary.setWrapText(true);
        repin.setId("repin");
        repin.getStyleClass().add(Styles.DANGER);
        repin.setMinWidth(Region.USE_PREF_SIZE);
        recordText.setWrapText(true);
        recordText.setMinHeight(Region.USE_PREF_SIZE);
        recordFile.setId("repin-record-file");
        recordFile.setPromptText(I18n.text("connect.record.prompt"));
        chooseRecord.setId("choose-repin-record");
        useRecord.setId("repin-record");
        recordBox.setId("repin-record-box");
    }

    private void layoutControls() {
        Label title = new Label(I18n.text("connect.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label(I18n.text("connect.intro"));
        intro.setWrapText(true);

        confirmBox.getChildren().setAll(confirmText, new HBox(8, confirmPort, cancelPort));
        VBox serial = card(I18n.text("connect.serial.heading"), ports, refreshPorts, connectSerial, confirmBox);
        GridPane address = new GridPane();
        address.setHgap(8);
        address.setVgap(8);
        address.addRow(0, new Label(I18n.text("connect.tcp.host")), host);
        address.addRow(1, new Label(I18n.text("connect.tcp.port")), port);
        VBox tcp = card(I18n.text("connect.tcp.heading"), new HBox(8, searchNetwork), searchMessage, discovered,
                address, connectTcp);
        Label demoText = new Label(I18n.text("connect.demo.text"));
        demoText.setWrapText(true);
        Label scenario = new Label(I18n.text("connect.demo.scenario"));
        scenario.setId("connect-demo-scenario-label");
        // Wrapped like the text above it: in French it is wider than the card.
        scenario.setWrapText(true);
        scenario.setMinHeight(Region.USE_PREF_SIZE);
        VBox demo = card(I18n.text("connect.demo.heading"), demoText, scenario, demoScenario, connectDemo);

        HBox cards = new HBox(16, serial, tcp, demo);
        HBox status = new HBox(12, busy, message, repin);
        status.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox record = new HBox(8, recordFile, chooseRecord, useRecord);
        record.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(recordFile, Priority.ALWAYS);
        recordBox.getChildren().setAll(recordText, record);
        getChildren().setAll(title, intro, credentialRow(), cards, status, recordBox);
        setSpacing(16);
        setPadding(new Insets(32));
        setMaxWidth(1100);
    }

    private VBox credentialRow() {
        Label heading = new Label(I18n.text("connect.credential.heading"));
        heading.getStyleClass().add(Styles.TITLE_4);
        HBox file = new HBox(8, credentialFile, chooseCredential);
        file.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(credentialFile, Priority.ALWAYS);
        return new VBox(6, heading, file, credentialSummary);
    }

    private static VBox card(String heading, javafx.scene.Node... body) {
        Label label = new Label(heading);
        label.getStyleClass().add(Styles.TITLE_4);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox card = new VBox(label);
        card.getChildren().addAll(body);
        card.getChildren().add(spacer);
        card.getStyleClass().add("connect-card");
        card.setPrefWidth(320);
        card.setMinWidth(240);
        for (javafx.scene.Node node : body) {
            if (node instanceof Button button) {
                button.setMaxWidth(Double.MAX_VALUE);
            }
        }
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }

    /** Names a gateway found on the LAN, and connects to it when clicked. */
    private final class GatewayCell extends ListCell<DiscoveredGateway> {

        GatewayCell() {
            setOnMouseClicked(event -> {
                if (!isEmpty() && getItem() != null) {
                    model.connectDiscovered(getItem());
                }
            });
        }

        @Override
        protected void updateItem(DiscoveredGateway gateway, boolean empty) {
            super.updateItem(gateway, empty);
            setText(empty || gateway == null ? null : model.gatewayLabel(gateway));
        }
    }

    /** Names a port in the drop-down with what the console knows of it. */
    private final class PortCell extends ListCell<String> {

        @Override
        protected void updateItem(String device, boolean empty) {
            super.updateItem(device, empty);
            setText(empty || device == null ? null : model.portLabel(device));
        }
    }

    private void bind() {
        ports.setItems(model.ports());
        ports.valueProperty().bindBidirectional(model.selectedPortProperty());
        host.textProperty().bindBidirectional(model.hostProperty());
        port.textProperty().bindBidirectional(model.portProperty());
        message.textProperty().bind(Bindings.when(model.validationProperty().isNotEmpty())
                .then(model.validationProperty()).otherwise(model.problemProperty()));
        busy.visibleProperty().bind(model.busy());
        disableProperty().bind(model.busy());
        confirmText.textProperty().bind(model.confirmText());
        confirmBox.visibleProperty().bind(model.unconfirmedProperty().isNotNull());
        confirmBox.managedProperty().bind(confirmBox.visibleProperty());
        discovered.setItems(model.discovered());
        discovered.visibleProperty().bind(Bindings.isNotEmpty(model.discovered()));
        discovered.managedProperty().bind(discovered.visibleProperty());
        searchMessage.textProperty().bind(model.searchMessageProperty());
        searchNetwork.disableProperty().bind(model.searchingProperty());
        searchNetwork.setOnAction(event -> model.searchNetwork());
        refreshPorts.setOnAction(event -> model.refreshPorts());
        connectSerial.setOnAction(event -> model.connectSerial());
        confirmPort.setOnAction(event -> model.confirmPort());
        cancelPort.setOnAction(event -> model.cancelPort());
        connectTcp.setOnAction(event -> model.connectTcp());
        connectDemo.setOnAction(event -> model.connectDemo());
        demoScenario.setItems(model.demoScenarios());
        demoScenario.valueProperty().bindBidirectional(model.demoScenarioProperty());
        credentialFile.setText(model.credentialFileProperty().get());
        Listening.onChange(this, model.credentialFileProperty(), (obs, old, path) -> credentialFile.setText(path));
        credentialFile.setOnAction(event -> model.useCredential(credentialFile.getText()));
        chooseCredential.setOnAction(event -> chooseCredentialFile());
        credentialSummary.textProperty().bind(model.credentialSummaryProperty());
        repin.visibleProperty().bind(model.keyChanged());
        repin.managedProperty().bind(repin.visibleProperty());
        repin.setOnAction(event -> model.repin());
        recordBox.visibleProperty().bind(model.keyChanged());
        recordBox.managedProperty().bind(recordBox.visibleProperty());
        recordFile.textProperty().bindBidirectional(model.recordFileProperty());
        recordFile.setOnAction(event -> model.useRecord());
        chooseRecord.setOnAction(event -> chooseRecordFile());
        useRecord.setOnAction(event -> model.useRecord());
    }

    private void chooseRecordFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("connect.record.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("connect.record.files"),
                "*.json"));
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            model.recordFileProperty().set(chosen.getPath());
        }
    }

    private void chooseCredentialFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.text("connect.credential.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("connect.credential.files"),
                "*.json"));
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            model.useCredential(chosen.getPath());
        }
    }
}
