package io.gridside.console.connect;

import io.gridside.console.I18n;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.service.SerialPorts;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.client.LinkException;
import io.gridside.sim.SiteSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the connect screen offers: the serial ports found, a TCP address, the demo site; and what went wrong. */
public final class ConnectViewModel {

    /** The demo site's clock runs a minute per second, so a new reading arrives every 15 seconds. */
    static final double DEMO_SPEED = 60;
    static final int DEMO_DAYS = 2;

    private final SessionViewModel session;
    private final ObservableList<String> ports = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedPort = new SimpleObjectProperty<>();
    private final StringProperty host = new SimpleStringProperty();
    private final StringProperty port = new SimpleStringProperty();
    private final StringProperty validation = new SimpleStringProperty("");
    private final StringProperty credentialFile = new SimpleStringProperty("");
    private final StringProperty credentialSummary = new SimpleStringProperty("");

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
        session.tasks().submit(I18n.text("task.credential"), context -> describeCredential(path, remember),
                credentialSummary::set, failure -> credentialSummary.set(failure.getMessage()));
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
                I18n.text("role." + credential.role().wireName()), credential.notAfter().toString());
    }

    /** Connects again, trusting the key the gateway presents now; for a supervisor who has checked it. */
    public void repin() {
        validation.set("");
        session.repin();
    }

    /** True when the last connection failed on a changed gateway key, so re-pinning is the way on. */
    public BooleanBinding keyChanged() {
        return session.failureCodeProperty().isEqualTo(LinkException.Code.GATEWAY_KEY_CHANGED);
    }

    /** Looks for serial ports again, in the background. */
    public void refreshPorts() {
        session.tasks().submit(I18n.text("task.ports"),
                context -> SerialPorts.available(),
                this::showPorts, failure -> ports.clear());
    }

    private void showPorts(List<String> found) {
        ports.setAll(found);
        if (selectedPort.get() == null || selectedPort.get().isBlank()) {
            selectedPort.set(found.isEmpty() ? null : found.get(0));
        }
    }

    public void connectSerial() {
        if (selectedPort.get() == null || selectedPort.get().isBlank()) {
            validation.set(I18n.text("connect.portMissing"));
            return;
        }
        connect(new ConnectionTarget.Serial(selectedPort.get().strip()));
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

    public void connectDemo() {
        SiteSpec spec = new SiteSpec(SiteSpec.DEFAULT_METERS, SiteSpec.DEFAULT_SEED, DEMO_DAYS, Instant.now());
        connect(new ConnectionTarget.Demo(spec, DEMO_SPEED));
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

    public StringProperty problemProperty() {
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
