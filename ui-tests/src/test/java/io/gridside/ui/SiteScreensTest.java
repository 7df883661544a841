package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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
 * The window opens with the connect screen and the meters screen built; the other site screens are built when a
 * connection is asked for, so that the start builds little the technician cannot see yet.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SiteScreensTest {

    private static final int METERS = 12;

    @TempDir
    static Path home;

    private SiteConsole console;
    private InetSocketAddress address;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, METERS, 29);
        address = console.site().listenTcp(0);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void theSiteScreensAreBuiltWhenAConnectionIsAskedFor(FxRobot robot) {
        assertThat(robot.lookup("#connect-message").tryQuery()).isPresent();
        assertThat(robot.lookup("#meters-table").tryQuery()).isPresent();
        assertThat(robot.lookup("#dashboard-online").tryQuery()).as("no connection asked for yet").isEmpty();
        assertThat(robot.lookup("#exceptions-table").tryQuery()).as("no connection asked for yet").isEmpty();

        ConnectScreen.connect(robot, address.getPort(), METERS);

        assertThat(shownScreen(robot.lookup("#dashboard-online").query()).isVisible()).isTrue();
        assertThat(shownScreen(robot.lookup("#exceptions-table").query()).isVisible()).isFalse();

        robot.clickOn("#nav-exceptions");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shownScreen(robot.lookup("#exceptions-table").query()).isVisible()).isTrue();
        assertThat(shownScreen(robot.lookup("#dashboard-online").query()).isVisible()).isFalse();
    }

    @Test
    void eachScreenIsBuiltOnceAndShownWithItsButton(FxRobot robot) {
        ConnectScreen.connect(robot, address.getPort(), METERS);
        robot.clickOn("#nav-mesh");
        WaitForAsyncUtils.waitForFxEvents();
        Node mesh = robot.lookup("#mesh-time").query();

        robot.clickOn("#nav-meters");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shownScreen(robot.lookup("#meters-table").query()).isVisible()).isTrue();
        assertThat(shownScreen(mesh).isVisible()).isFalse();

        robot.clickOn("#nav-mesh");
        WaitForAsyncUtils.waitForFxEvents();

        Node shownAgain = robot.lookup("#mesh-time").query();
        assertThat(shownAgain).as("built once, not again").isSameAs(mesh);
        assertThat(shownScreen(mesh).isVisible()).isTrue();
    }

    /** The screen {@code node} is on: the frame's child that it shows and hides. */
    private static Node shownScreen(Node node) {
        Node screen = node;
        while (!"site-screens".equals(screen.getParent().getId())) {
            screen = screen.getParent();
        }
        return screen;
    }
}
