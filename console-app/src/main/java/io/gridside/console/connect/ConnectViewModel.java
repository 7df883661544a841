package io.gridside.console.connect;

import io.gridside.console.Failures;
import io.gridside.console.Formats;
import io.gridside.console.Message;
import io.gridside.console.Sentence;
import io.gridside.console.I18n;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.GatewaySearch;
import io.gridside.console.service.SerialPorts;
import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.KeyReplacementFile;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.client.LinkException;
import io.gridside.link.discovery.DiscoveredGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * What the connect screen offers: the serial ports found, marked when they look like a gateway, with a confirm step
 * for one that does not; the gateways that advertise themselves on the LAN, or a typed TCP address; the demo site;
 * and what went wrong.
 */
public final class ConnectViewModel {

    /** The demo site's clock runs a minute per second, so a new reading arrives every 15 seconds. */
    static final double DEMO_SPEED = 60;
    static final int DEMO_DAYS = 2;

    private final SessionViewModel session;
    private final ObservableList<String> ports = FXCollections.observableArrayList();
    private final Map<String, SerialPorts.Port> portsByDevice = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<SerialPorts.Port> unconfirmed = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DiscoveredGateway> discovered = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();
    private final Message searchMessage = new Message();
    private final ObjectProperty<String> selectedPort = new SimpleObjectProperty<>();
    private final StringProperty host = new SimpleStringProperty();
    private final StringProperty port = new SimpleStringProperty();
    private final StringProperty validation = new SimpleStringProperty("");
    private final StringProperty credentialFile = new SimpleStringProperty("");
    private final ObservableList<String> demoScenarios = FXCollections.observableArrayList(Scenarios.names());
    /** The scenario the demo site plays, by name, or null for none. */
    private final StringProperty demoScenario = new SimpleStringProperty();
    private final StringProperty credentialSummary = new SimpleStringProperty("");
    private final StringProperty recordFile = new SimpleStringProperty("");

    public ConnectViewModel(SessionViewModel session) {
        this.session = session;
        host.set(session.settings().get(SessionViewModel.SETTING_HOST, "127.0.0.1"));
        port.set(session.settings().get(SessionViewModel.SETTING_PORT, "7700"));
        selectedPort.set(session.settings().get(SessionViewModel.SETTING_SERIAL, null));
        credentialFile.set(session.credentialFile().toString());
        refreshPorts();
        showCredential(false);
    }

    /** Uses the credential file typed or chosen: remembers it for next time and shows whose it is. */
    public void useCredential(String path) {
        if (path == null || path.isBlank()) {
            return;
        }
        credentialFile.set(path.strip());
        showCredential(true);
    }

    private void showCredential(boolean remember) {
        String path = credentialFile.get();
        session.tasks().submit(Sentence.of("task.credential"), context -> describeCredential(path, remember),
                credentialSummary::set, failure -> credentialSummary.set(Failures.words(failure)));
    }

    private String describeCredential(String path, boolean remember) throws IOException {
        Path file = Path.of(path);
        if (remember) {
            session.settings().put(SessionViewModel.SETTING_CREDENTIAL, file.toString());
        }
        if (!Files.exists(file)) {
            return I18n.text("connect.credential.missing", file);
        }
        TechnicianCredential credential = CredentialFile.read(file).credential();
        return I18n.text("connect.credential.summary", credential.name(), credential.technicianId(),
                I18n.text("role." + credential.role().wireName()), Formats.computerTime(credential.notAfter()));
    }

    /** Connects again, trusting the key the gateway presents now; for a supervisor who has checked it. */
    public void repin() {
        validation.set("");
        session.repin();
    }

    /**
     * Reads the operator's key replacement record named by {@link #recordFileProperty}, in the background, and
     * connects again with it: the gateway's new key is pinned if the record names it. Any technician may.
     */
    public void useRecord() {
        String path = recordFile.get();
        if (path == null || path.isBlank()) {
            validation.set(I18n.text("connect.record.missing"));
            return;
        }
        validation.set("");
        session.tasks().submit(Sentence.of("task.record"), context -> KeyReplacementFile.read(Path.of(path.strip())),
                session::repinWithRecord,
                failure -> validation.set(I18n.text("connect.record.unreadable", Failures.words(failure))));
    }

    /** The path of the key replacement record to use, typed or chosen. */
    public StringProperty recordFileProperty() {
        return recordFile;
    }

    /** True when the last connection failed on a changed gateway key, so re-pinning is the way on. */
    public BooleanBinding keyChanged() {
        return session.failureCodeProperty().isEqualTo(LinkException.Code.GATEWAY_KEY_CHANGED);
    }

    /** Looks for serial ports again, in the background. */
    public void refreshPorts() {
        session.tasks().submit(Sentence.of("task.ports"),
                context -> session.serialPorts().scan(),
                this::showPorts, failure -> ports.clear());
    }

    private void showPorts(List<SerialPorts.Port> found) {
        portsByDevice.clear();
        found.forEach(port -> portsByDevice.put(port.device(), port));
        ports.setAll(portsByDevice.keySet());
        if (selectedPort.get() == null || selectedPort.get().isBlank()) {
            selectedPort.set(found.stream().filter(SerialPorts.Port::looksLikeGateway).findFirst()
                    .or(() -> found.stream().findFirst()).map(SerialPorts.Port::device).orElse(null));
        }
    }

    /** How the list of ports names a device: its path, and whether and why it looks like a gateway. */
    public String portLabel(String device) {
        SerialPorts.Port port = portsByDevice.get(device);
        return port == null ? device : portLabel(port);
    }

    /** The label of a port found by a scan: one that does not look like a gateway says so, whatever its place. */
    static String portLabel(SerialPorts.Port port) {
        String device = port.device();
        return switch (port.kind()) {
            case GATEWAY_USB -> I18n.text("connect.serial.port.gateway", device, port.usbId());
            case SIMULATOR -> I18n.text("connect.serial.port.simulator", device, port.gatewayId());
            default -> I18n.text("connect.serial.port.other", port.summary());
        };
    }

    /**
     * Connects to the chosen port if it looks like a gateway; otherwise asks the technician to confirm first,
     * since bytes sent to some other device may disturb it.
     */
    public void connectSerial() {
        if (selectedPort.get() == null || selectedPort.get().isBlank()) {
            validation.set(I18n.text("connect.portMissing"));
            return;
        }
        String device = selectedPort.get().strip();
        validation.set("");
        unconfirmed.set(null);
        session.tasks().submit(Sentence.of("task.checkPort", device), context -> session.serialPorts().describe(device),
                this::connectIfGateway, failure -> validation.set(Failures.words(failure)));
    }

    private void connectIfGateway(SerialPorts.Port port) {
        if (port.needsConfirmation()) {
            unconfirmed.set(port);
        } else {
            connect(new ConnectionTarget.Serial(port.device()));
        }
    }

    /** The technician confirmed the port that does not look like a gateway: connect to it all the same. */
    public void confirmPort() {
        SerialPorts.Port port = unconfirmed.get();
        unconfirmed.set(null);
        if (port != null) {
            connect(new ConnectionTarget.Serial(port.device(), true));
        }
    }

    /** The technician would rather not use the port that does not look like a gateway. */
    public void cancelPort() {
        unconfirmed.set(null);
    }

    /** A port waiting for the technician to confirm it, or null. */
    public ReadOnlyObjectProperty<SerialPorts.Port> unconfirmedProperty() {
        return unconfirmed.getReadOnlyProperty();
    }

    /** What the confirm step asks, or empty while nothing waits for it. */
    public StringBinding confirmText() {
        return Bindings.createStringBinding(() -> unconfirmed.get() == null ? ""
                : I18n.text("connect.serial.unconfirmed", unconfirmed.get().summary()), unconfirmed);
    }

    /** Listens for gateways' adverts on the LAN for a few seconds, in the background, and lists what answered. */
    public void searchNetwork() {
        searching.set(true);
        searchMessage.say("connect.search.running");
        Task<?> search = session.tasks().submit(Sentence.of("task.search"), context -> {
            context.update(Sentence.of("connect.search.running"), -1, -1);
            return session.gatewaySearch().search(GatewaySearch.DEFAULT_TIME, context);
        }, this::showDiscovered, failure -> {
            searching.set(false);
            discovered.clear();
            searchMessage.fail(failure);
        });
        search.setOnCancelled(event -> {
            searching.set(false);
            searchMessage.say("task.cancelled");
        });
    }

    private void showDiscovered(List<DiscoveredGateway> found) {
        searching.set(false);
        discovered.setAll(found);
        searchMessage.show(found.isEmpty()
                ? Sentence.of("connect.search.none", GatewaySearch.DEFAULT_TIME.toSeconds())
                : Sentence.of("connect.search.found", found.size()));
    }

    /** How the list of gateways found on the LAN names one: site, gateway and where it listens. */
    public String gatewayLabel(DiscoveredGateway gateway) {
        return I18n.text("connect.search.gateway", gateway.advert().siteName(), gateway.advert().gatewayId(),
                gateway.endpoint());
    }

    /** Connects to a gateway found on the LAN, checking that its hello names the gateway its advert did. */
    public void connectDiscovered(DiscoveredGateway gateway) {
        host.set(gateway.host());
        port.set(Integer.toString(gateway.port()));
        validation.set("");
        session.connect(new ConnectionTarget.Tcp(gateway.host(), gateway.port()), gateway.advert().gatewayId());
    }

    public ObservableList<DiscoveredGateway> discovered() {
        return discovered;
    }

    /** True while the LAN is being searched. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** What the last search of the LAN found, or why it failed. */
    public ReadOnlyStringProperty searchMessageProperty() {
        return searchMessage.textProperty();
    }

    public void connectTcp() {
        if (host.get() == null || host.get().isBlank()) {
            validation.set(I18n.text("connect.hostMissing"));
            return;
        }
        int number;
        try {
            number = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            validation.set(I18n.text("connect.portInvalid"));
            return;
        }
        if (number < 1 || number > 65_535) {
            validation.set(I18n.text("connect.portInvalid"));
            return;
        }
        connect(new ConnectionTarget.Tcp(host.get().strip(), number));
    }

    /**
     * Opens the demo site, playing the chosen scenario from the start of its history, which then holds the
     * scenario's days.
     */
    public void connectDemo() {
        String name = demoScenario.get();
        Scenario scenario = name == null || name.isBlank() ? Scenario.NONE : Scenarios.named(name);
        int days = scenario == Scenario.NONE ? DEMO_DAYS : Math.max(DEMO_DAYS, scenario.days());
        SiteSpec spec = new SiteSpec(SiteSpec.DEFAULT_METERS, SiteSpec.DEFAULT_SEED, days, Instant.now());
        connect(new ConnectionTarget.Demo(spec, DEMO_SPEED, scenario));
    }

    /** The scenarios the demo site can play, by name. */
    public ObservableList<String> demoScenarios() {
        return demoScenarios;
    }

    public StringProperty demoScenarioProperty() {
        return demoScenario;
    }

    private void connect(ConnectionTarget target) {
        validation.set("");
        session.connect(target);
    }

    /** True while a connection attempt runs. */
    public BooleanBinding busy() {
        return session.stateProperty().isEqualTo(LinkState.CONNECTING);
    }

    public ObservableList<String> ports() {
        return ports;
    }

    public ObjectProperty<String> selectedPortProperty() {
        return selectedPort;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    /** A mistake in what the technician typed, or the last connection's failure. */
    public StringProperty validationProperty() {
        return validation;
    }

    public ReadOnlyStringProperty problemProperty() {
        return session.problemProperty();
    }

    public StringProperty credentialFileProperty() {
        return credentialFile;
    }

    /** Whose credential is in use, until when; or why it cannot be used. */
    public StringProperty credentialSummaryProperty() {
        return credentialSummary;
    }
}
