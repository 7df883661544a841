package io.gridside.ui;

import static io.gridside.ui.FirmwareScreen.onFx;
import static io.gridside.ui.FirmwareScreen.text;
import static io.gridside.ui.FirmwareScreen.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.GridsideApp;
import io.gridside.console.I18n;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.Settings;
import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.MainView;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A console started on the Firmware screen, as {@code demo --screen firmware} starts it: the screen is built while
 * its button is selected already and the session is not yet connected, and still shows the gateway's version and
 * the fleet, pulled because none was stored, once the demo gateway is connected.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FirmwareFirstScreenTest {

    @TempDir
    static Path home;

    private TaskRunner tasks;
    private SessionViewModel session;

    @Start
    void start(Stage stage) {
        System.setProperty("gridside.home", home.toString());
        tasks = new TaskRunner();
        AppDirs dirs = AppDirs.forCurrentUser();
        session = new SessionViewModel(tasks, dirs, Settings.load(dirs));
        stage.setScene(GridsideApp.createScene(session));
        ((MainView) stage.getScene().getRoot()).show("firmware");
        stage.show();
    }

    @AfterEach
    void stop() {
        session.close();
        tasks.close();
    }

    @Test
    void showsTheGatewayAndTheFleetOnceConnected(FxRobot robot) {
        robot.clickOn("#connect-demo");
        waitFor("the demo site's gateway", () -> onFx(() -> session.stateProperty().get() == LinkState.CONNECTED),
                () -> "the connect screen said '" + text(robot, "#problem") + "'");
        assertThat(onFx(() -> robot.lookup("#firmware-view").query().isVisible())).as("the screen started on")
                .isTrue();
        String unknown = onFx(() -> I18n.text("firmware.fleet.gatewayUnknown"));
        waitFor("the gateway's version", () -> !text(robot, "#fw-fleet-gateway").equals(unknown)
                && !text(robot, "#fw-fleet-gateway").equals("(not shown)"),
                () -> "the screen said '" + text(robot, "#fw-fleet-gateway") + "'");
        waitFor("the fleet pulled because none was stored", () -> text(robot, "#fw-fleet-summary")
                .startsWith("60 meters run "), () -> "the screen said '" + text(robot, "#fw-fleet-summary") + "'");
    }
}
