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
import io.gridside.link.auth.SigningKey;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.MeterStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * A site's gateway comes back with another key: the connect screen refuses it with both fingerprints, and a
 * supervisor who has checked the gateway re-pins it with one click.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayKeyChangeTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(12, 23, 1, NOW);

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
        Path credential = home.resolve("supervisor.credential.json");
        Files.deleteIfExists(credential);
        CredentialFile.write(credential, DemoOperator.supervisorFor("site-23", NOW));
        tasks = new TaskRunner();
        AppDirs dirs = AppDirs.forCurrentUser();
        Settings settings = Settings.load(dirs);
        settings.put(SessionViewModel.SETTING_CREDENTIAL, credential.toString());
        pinTheOriginalKey(dirs, credential);
        replaced = new SimulatedGateway(SPEC, SimClock.manual(NOW), DemoOperator.trusted(), SigningKey.generate());
        site = SimulatedSite.start(replaced);
        address = site.listenTcp(0);
        session = new SessionViewModel(tasks, dirs, settings);
        stage.setScene(GridsideApp.createScene(session));
        stage.show();
    }

    /** A supervisor's first visit, before the site's gateway was replaced, pinned the original key. */
    private static void pinTheOriginalKey(AppDirs dirs, Path credential) throws IOException {
        try (SimulatedSite original = SimulatedSite.start(SPEC, SimClock.manual(NOW));
                Connector connector = new Connector(GatewayPinFile.of(dirs))) {
            InetSocketAddress at = original.listenTcp(0);
            connector.connect(new ConnectionTarget.Tcp(at.getHostString(), at.getPort()),
                    CredentialFile.read(credential)).close();
        }
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
        site.close();
    }

    @Test
    void refusesTheNewKeyShowingBothFingerprintsUntilASupervisorRepins(FxRobot robot)
            throws TimeoutException, IOException {
        ConnectScreen.pressConnect(robot, address.getPort());

        Label message = robot.lookup("#connect-message").queryAs(Label.class);
        Node repin = robot.lookup("#repin").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, repin::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).contains("GATEWAY_KEY_CHANGED",
                SimulatedGateway.identityKeyFor(SPEC).fingerprint(), replaced.identityKey().fingerprint());
        assertThat(Screens.save(message.getScene(), "connect-key-changed")).exists();

        robot.clickOn("#repin");

        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 12);
        assertThat(robot.lookup("#status-gateway").queryAs(Label.class).getText()).contains("GW-");
    }
}
