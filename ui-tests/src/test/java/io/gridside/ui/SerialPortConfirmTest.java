package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.PublishedPorts;
import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.sim.SimulatedSite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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

/** A serial port that does not look like a gateway is used only once the technician confirms it. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SerialPortConfirmTest {

    @TempDir
    static Path home;

    private SiteConsole console;
    private SimulatedSite site;
    private SessionViewModel session;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, 10, 23);
        site = console.site();
        session = console.session();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void asksBeforeUsingAPortThatDoesNotLookLikeAGateway(FxRobot robot) throws IOException, TimeoutException {
        String device = site.listenSerial();
        choosePort(robot, device);

        robot.clickOn("#connect-serial");

        Node confirm = robot.lookup("#confirm-port-box").query();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, confirm::isVisible);
        assertThat(robot.lookup("#confirm-port-text").queryAs(Label.class).getText())
                .contains(device, "does not look like a Gridside gateway");
        assertThat(Screens.save(confirm.getScene(), "connect-confirm-port")).exists();
        robot.clickOn("#cancel-port");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(confirm.isVisible()).isFalse();
        assertThat(session.stateProperty().get()).isEqualTo(LinkState.DISCONNECTED);

        robot.clickOn("#connect-serial");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, confirm::isVisible);
        robot.clickOn("#confirm-port");

        Label link = robot.lookup("#status-link").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> link.getText().equals("SERIAL " + device));
    }

    @Test
    void connectsAtOnceToASimulatorsPublishedPort(FxRobot robot) throws IOException, TimeoutException {
        String device = site.listenSerial();
        PublishedPorts.in(AppDirs.forCurrentUser()).publish(device, site.gateway().layout().gatewayId());
        choosePort(robot, device);

        robot.clickOn("#connect-serial");

        Label link = robot.lookup("#status-link").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> link.getText().equals("SERIAL " + device));
        assertThat(robot.lookup("#confirm-port-box").query().isVisible()).isFalse();
    }

    private static void choosePort(FxRobot robot, String device) {
        robot.clickOn("#serial-ports").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(device).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
