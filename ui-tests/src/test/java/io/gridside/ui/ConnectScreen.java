package io.gridside.ui;

import io.gridside.site.MeterStatus;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The connect screen's steps that most UI tests take to open a session with a simulated site over TCP. */
final class ConnectScreen {

    /** How long a session may take to open and pull its meters on a loaded machine. */
    static final long WAIT_SECONDS = 60;

    private ConnectScreen() {
    }

    /** Puts {@code port} in the connect screen's TCP port and presses Connect; waits for nothing. */
    static void pressConnect(FxRobot robot, int port) {
        TextField field = robot.lookup("#tcp-port").queryAs(TextField.class);
        robot.interact(() -> field.setText(Integer.toString(port)));
        robot.clickOn("#connect-tcp");
    }

    /** Connects to {@code port} and waits until the meters table lists {@code meters} meters. */
    static TableView<MeterStatus> connect(FxRobot robot, int port, int meters) {
        return connect(robot, port, table -> table.getItems().size() == meters);
    }

    /**
     * Connects to {@code port} and waits until the meters table is {@code ready}; on time-out, says what the connect
     * screen, the status bar and the table showed.
     */
    static TableView<MeterStatus> connect(FxRobot robot, int port, Predicate<TableView<MeterStatus>> ready) {
        pressConnect(robot, port);
        TableView<MeterStatus> table = robot.lookup("#meters-table").queryTableView();
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> ready.test(table));
        } catch (TimeoutException e) {
            throw new AssertionError("not connected within " + WAIT_SECONDS + " s: the connect screen said '"
                    + text(robot, "#connect-message") + "', the status bar '" + text(robot, "#problem")
                    + "', and the meters table listed " + table.getItems().size() + " meters", e);
        }
        return table;
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("(not shown)");
    }
}
