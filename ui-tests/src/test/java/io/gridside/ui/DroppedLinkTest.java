package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.shell.SessionViewModel;
import io.gridside.sim.SimulatedSite;
import io.gridside.site.MeterStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/** A gateway on the LAN whose link drops: the console says so, and reconnects by itself without a restart. */
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

    @Test
    void reportsTheDroppedLinkAndReconnectsByItself(FxRobot robot) throws TimeoutException {
        robot.doubleClickOn("#tcp-port").write(Integer.toString(address.getPort()));
        robot.clickOn("#connect-tcp");
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 30);

        site.dropTcpSessions();

        Label problem = robot.lookup("#problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> problem.getText().contains("dropped"));
        assertThat(problem.getText()).contains("CLOSED", "Trying again");
        assertThat(robot.lookup("#meters-table").query().isVisible() || robot.lookup("#attention").query()
                .isVisible()).as("the site's screens stay up while the link is re-established").isTrue();

        Label link = robot.lookup("#status-link").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> link.getText().startsWith("TCP"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> problem.getText().isEmpty());
        robot.clickOn("#link-details");
        ListView<String> journal = robot.lookup("#link-journal").queryListView();
        assertThat(journal.getItems()).filteredOn(line -> line.contains("Connected to gateway")).hasSize(2);
        assertThat(journal.getItems()).anyMatch(line -> line.contains("dropped"));
        assertThat(table.getItems()).hasSize(30);
    }

    @Test
    void aTechnicianCanReconnectAtOnceWithoutWaiting(FxRobot robot) throws TimeoutException {
        robot.doubleClickOn("#tcp-port").write(Integer.toString(address.getPort()));
        robot.clickOn("#connect-tcp");
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 30);

        site.dropTcpSessions();
        Node reconnect = robot.lookup("#reconnect").query();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, reconnect::isVisible);
        robot.clickOn("#reconnect");

        Label link = robot.lookup("#status-link").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> link.getText().startsWith("TCP"));
        assertThat(table.getItems()).hasSize(30);
    }
}
