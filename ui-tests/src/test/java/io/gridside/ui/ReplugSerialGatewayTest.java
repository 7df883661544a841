package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.PublishedPorts;
import io.gridside.console.shell.LinkState;
import io.gridside.console.shell.SessionViewModel;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.pty.PseudoTerminal;
import io.gridside.site.MeterStatus;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/**
 * A USB gateway's cable is pulled and plugged back in, and its device comes back under another name: the console
 * says it is looking for the gateway, finds it by its identity and carries on, without the technician's help.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplugSerialGatewayTest {

    @TempDir
    static Path home;

    private SiteConsole console;
    private SimulatedSite site;
    private PublishedPorts published;
    private TaskRunner tasks;
    private SessionViewModel session;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, 12, 29);
        site = console.site();
        session = console.session();
        published = PublishedPorts.in(console.dirs());
        tasks = console.tasks();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void findsTheReplugedGatewayOnItsNewDeviceAndCarriesOn(FxRobot robot) throws Exception {
        String first = site.listenSerial();
        Closeable firstPublication = published.publish(first, gatewayId());
        connectTo(robot, first);
        long pullsBefore = succeededPulls();

        site.unplugSerial(first);
        firstPublication.close();

        Node stopSearch = robot.lookup("#stop-search").query();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, stopSearch::isVisible);
        assertThat(robot.lookup("#problem").queryAs(Label.class).getText())
                .contains(first, "Looking for gateway " + gatewayId(), "CLOSED");
        assertThat(robot.lookup("#status-link").queryAs(Label.class).getText()).startsWith("Looking for the gateway");
        assertThat(Screens.save(stopSearch.getScene(), "searching-for-gateway")).exists();

        // The kernel hands out the lowest free number; something else taking it makes the gateway come back elsewhere.
        try (PseudoTerminal tookTheOldName = PseudoTerminal.open()) {
            String second = site.listenSerial();
            published.publish(second, gatewayId());

            Label link = robot.lookup("#status-link").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> link.getText().equals("SERIAL " + second));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> succeededPulls() > pullsBefore);
            assertThat(second).isNotEqualTo(first);
        }
        assertThat(robot.lookup("#problem").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#reconnect").query().isVisible()).isFalse();
        assertThat(robot.lookup("#meters-table").queryTableView().getItems()).hasSize(12);
        assertThat(session.journal().entries()).as("the link's journal tells the search and its end")
                .anyMatch(line -> line.contains("Looking for gateway " + gatewayId()))
                .anyMatch(line -> line.contains("Found gateway " + gatewayId() + " again"))
                .noneMatch(line -> line.contains("Trying again"));
    }

    @Test
    void aStoppedSearchWaitsForReconnectWhichLooksAgain(FxRobot robot) throws Exception {
        String first = site.listenSerial();
        Closeable firstPublication = published.publish(first, gatewayId());
        connectTo(robot, first);

        site.unplugSerial(first);
        firstPublication.close();
        Node stopSearch = robot.lookup("#stop-search").query();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, stopSearch::isVisible);
        robot.clickOn("#stop-search");

        Node reconnect = robot.lookup("#reconnect").query();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, reconnect::isVisible);
        assertThat(session.stateProperty().get()).isEqualTo(LinkState.LOST);
        assertThat(robot.lookup("#problem").queryAs(Label.class).getText()).contains("Stopped looking", "reconnect");

        String second = site.listenSerial();
        published.publish(second, gatewayId());
        robot.clickOn("#reconnect");

        Label link = robot.lookup("#status-link").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> link.getText().equals("SERIAL " + second));
    }

    private String gatewayId() {
        return site.gateway().layout().gatewayId();
    }

    private void connectTo(FxRobot robot, String device) throws TimeoutException {
        robot.clickOn("#serial-ports").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(device).type(KeyCode.ENTER);
        robot.clickOn("#connect-serial");
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 12);
    }

    /** The pulls that ended well, counting each run that the task list folded into a later one's row. */
    private long succeededPulls() throws IOException {
        try {
            return WaitForAsyncUtils.asyncFx(() -> tasks.tasks().stream()
                    .filter(task -> task.getTitle().equals("Pull site data"))
                    .filter(task -> task.getState() == Worker.State.SUCCEEDED)
                    .mapToLong(task -> TaskRunner.runs(task).get()).sum()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("The task list could not be read.", e);
        }
    }
}
