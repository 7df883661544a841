package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.GridsideApp;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.ConnectionTarget;
import io.gridside.console.service.Connector;
import io.gridside.console.service.GatewayPinFile;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.GatewayKeyReplacement;
import io.gridside.link.auth.KeyReplacementFile;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SigningKey;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.MeterStatus;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A site's gateway comes back with another key while a technician, not a supervisor, is on site: the connect
 * screen offers to load the operator's key replacement record, refuses one that names another key, and re-pins
 * with the right one.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayKeyRecordTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(12, 23, 1, NOW);
    private static final String SITE = "site-23";

    @TempDir
    static Path home;

    private SimulatedGateway replaced;
    private SimulatedSite site;
    private InetSocketAddress address;
    private TaskRunner tasks;
    private SessionViewModel session;

    @Start
    void start(Stage stage) throws IOException {
        System.setProperty("gridside.home", home.toString());
        AppDirs dirs = AppDirs.forCurrentUser();
        pinTheOriginalKey(dirs);
        Path technician = home.resolve("technician.credential.json");
        Files.deleteIfExists(technician);
        CredentialFile.write(technician, DemoOperator.signingKey().issue("T-0042", "Amina Wanjiru",
                Role.TECHNICIAN, List.of(SITE), NOW.minus(Duration.ofDays(1)), Duration.ofDays(30), Map.of()));
        Settings settings = Settings.load(dirs);
        settings.put(SessionViewModel.SETTING_CREDENTIAL, technician.toString());
        tasks = new TaskRunner();
        replaced = new SimulatedGateway(SPEC, SimClock.manual(NOW), DemoOperator.trusted(), SigningKey.generate());
        site = SimulatedSite.start(replaced);
        address = site.listenTcp(0);
        session = new SessionViewModel(tasks, dirs, settings);
        stage.setScene(GridsideApp.createScene(session));
        stage.show();
    }

    /** A supervisor's first visit, before the site's gateway was replaced, pinned the original key. */
    private static void pinTheOriginalKey(AppDirs dirs) throws IOException {
        try (SimulatedSite original = SimulatedSite.start(SPEC, SimClock.manual(NOW));
                Connector connector = new Connector(GatewayPinFile.of(dirs))) {
            InetSocketAddress at = original.listenTcp(0);
            connector.connect(new ConnectionTarget.Tcp(at.getHostString(), at.getPort()),
                    DemoOperator.supervisorFor(SITE, NOW)).close();
        }
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
        site.close();
    }

    @Test
    void aTechnicianLoadsTheOperatorsRecordAndTheNewKeyIsPinned(FxRobot robot)
            throws TimeoutException, IOException {
        Path wrong = record("wrong.json", SigningKey.generate().publicKey());
        Path right = record("right.json", replaced.identityKey().publicKey());
        ConnectScreen.pressConnect(robot, address.getPort());

        Label message = robot.lookup("#connect-message").queryAs(Label.class);
        Node recordBox = robot.lookup("#repin-record-box").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, recordBox::isVisible);
        useRecord(robot, wrong);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> message.getText().contains("record was not accepted") && recordBox.isVisible());
        assertThat(message.getText()).contains("GATEWAY_KEY_CHANGED", replaced.identityKey().fingerprint());
        assertThat(Screens.save(message.getScene(), "connect-key-record-refused")).exists();

        useRecord(robot, right);

        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 12);
        assertThat(Files.readString(home.resolve("config").resolve(GatewayPinFile.FILE)))
                .contains(replaced.identityKey().fingerprint(), "replacementRecord", "T-0042");
    }

    /** Puts the record's path in the field, as the file chooser does, and clicks to use it. */
    private static void useRecord(FxRobot robot, Path record) {
        TextField field = robot.lookup("#repin-record-file").queryAs(TextField.class);
        robot.interact(() -> field.setText(record.toString()));
        robot.clickOn("#repin-record");
    }

    /** The demo operator's record that the site's gateway now holds {@code newKey}, valid by the laptop's clock. */
    private Path record(String name, ByteString newKey) throws IOException {
        Path file = home.resolve(name);
        Files.deleteIfExists(file);
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        KeyReplacementFile.write(file, DemoOperator.signingKey().sign(new GatewayKeyReplacement(SITE,
                replaced.profile().gatewayId(), newKey, Ed25519.keyDigest(SimulatedGateway.identityKeyFor(SPEC)
                .publicKey()), issued, issued.plus(Duration.ofDays(7)), "gateway replaced", DemoOperator.KEY_ID)));
        return file;
    }
}
