package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.sim.SimulatedSite;
import io.gridside.site.MeterStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
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
 * A gateway on the LAN whose link drops: the console says so and resumes the session by itself, or connects anew
 * when the gateway no longer holds it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DroppedLinkTest {

    @TempDir
    static Path home;

    private SiteConsole console;
    private SimulatedSite site;
    private InetSocketAddress address;
    private SessionViewModel session;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, 30, 17);
        site = console.site();
        session = console.session();
        address = site.listenTcp(0);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private TableView<MeterStatus> connect(FxRobot robot) {
        return ConnectScreen.connect(robot, address.getPort(), 30);
    }

    private void awaitConnectedAgain(FxRobot robot) throws TimeoutException {
        Label link = robot.lookup("#status-link").queryAs(Label.class);
        Label problem = robot.lookup("#problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> link.getText().startsWith("TCP")
                && problem.getText().isEmpty() && session.stateProperty().get() == LinkState.CONNECTED);
    }

    @Test
    void resumesTheSessionByItselfAfterTheLinkDrops(FxRobot robot) throws TimeoutException {
        TableView<MeterStatus> table = connect(robot);

        site.dropTcpSessions();

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> session.journal().entries().stream()
                .anyMatch(line -> line.contains("dropped") && line.contains("Resuming") && line.contains("CLOSED")));
        awaitConnectedAgain(robot);
        robot.clickOn("#link-details");
        ListView<String> journal = robot.lookup("#link-journal").queryListView();
        assertThat(journal.getItems()).as("resumed, not connected anew")
                .filteredOn(line -> line.contains("Connected to gateway")).hasSize(1);
        assertThat(journal.getItems()).anyMatch(line -> line.contains("again"));
        assertThat(journal.lookupAll(".scroll-bar")).as("long lines wrap instead of scrolling sideways")
                .noneMatch(bar -> bar instanceof ScrollBar scroll && scroll.getOrientation() == Orientation.HORIZONTAL
                        && scroll.isVisible());
        assertThat(table.getItems()).hasSize(30);
    }

    @Test
    void connectsAnewByItselfWhenTheGatewayNoLongerHoldsTheSession(FxRobot robot) throws TimeoutException {
        TableView<MeterStatus> table = connect(robot);

        site.endTcpSessions();

        awaitConnectedAgain(robot);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> session.journal().entries().stream()
                .filter(line -> line.contains("Connected to gateway")).count() == 1
                && session.journal().entries().stream().anyMatch(line -> line.contains("again")));
        assertThat(table.getItems()).hasSize(30);
        assertThat(robot.lookup("#meters-table").query().isVisible()).isTrue();
    }

    @Test
    void aTechnicianCanReconnectAtOnceWithoutWaiting(FxRobot robot) throws Exception {
        TableView<MeterStatus> table = connect(robot);

        site.stopListeningTcp();
        site.dropTcpSessions();
        Node stopSearch = robot.lookup("#stop-search").query();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, stopSearch::isVisible);
        robot.clickOn("#stop-search");
        Node reconnect = robot.lookup("#reconnect").query();
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, reconnect::isVisible);
        } catch (TimeoutException e) {
            throw new AssertionError("no Reconnect now after the search stopped; state "
                    + session.stateProperty().get() + ", journal " + session.journal().entries(), e);
        }
        assertThat(session.stateProperty().get()).isEqualTo(LinkState.LOST);

        site.listenTcp(address.getPort());
        robot.clickOn("#reconnect");

        awaitConnectedAgain(robot);
        assertThat(table.getItems()).hasSize(30);
    }
}
