package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.service.BillingReport;
import io.gridside.sim.wire.WireProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
 * The task list shows a long pull, over a slow line from a site of many meters, with its progress, and cancels it:
 * the pull stops, the link stays up, and the next pull takes up from what the cancelled one stored and leaves a
 * site database whose billing agrees with the gateway's ledger.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TaskListPullTest {

    private static final int METERS = 100;
    /** One day of history: the first pull reaches two days back, so it holds the whole history the audit needs. */
    private static final int DAYS = 1;
    /** A slow serial line's rate, so that the first pull of the site lasts long enough to be cancelled. */
    private static final long BAUD = 921_600;

    @TempDir
    static Path home;

    private SiteConsole console;

    @Start
    void start(Stage stage) throws IOException {
        console = SiteConsole.open(stage, home, METERS, 17, DAYS, io.gridside.sim.scenario.Scenario.NONE);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void showsALongPullWithProgressAndCancelsItLeavingTheStoreConsistent(FxRobot robot)
            throws Exception {
        ConnectScreen.pressConnect(robot, console.site().listenEmulatedTcp(0, WireProfile.uart(BAUD)).getPort());
        Task<?> pull = runningPull(robot);
        robot.push(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));

        ListCell<?> row = waitForRowOf(robot, pull);
        ProgressBar progress = robot.from(row).lookup(".progress-bar").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> progress.getProgress() > 0 && progress.isVisible());
        robot.clickOn(robot.from(row).lookup(".button").queryAs(Button.class));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(pull::getState) == Worker.State.CANCELLED
                && !pullWorkRuns());
        assertThat(console.session().stateProperty().get().name()).isEqualTo("CONNECTED");
        assertThat(robot.lookup("#meters-table").queryTableView().getItems()).hasSizeLessThan(METERS);

        robot.push(new KeyCodeCombination(KeyCode.F5));
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS,
                () -> robot.lookup("#meters-table").queryTableView().getItems().size() == METERS);
        BillingReport audit = audit(robot);
        assertThat(audit.reconciliation().compared()).isPositive();
        assertThat(audit.reconciliation().firstDifference()).isEmpty();
        assertThat(audit.reconciliation().matched()).isEqualTo(audit.reconciliation().compared());
    }

    /** The pull the console starts once the gateway answers, as soon as it runs. */
    private Task<?> runningPull(FxRobot robot) throws TimeoutException {
        String title = I18n.text("task.pull");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> console.tasks().tasks().stream()
                .anyMatch(task -> title.equals(task.getTitle()) && task.isRunning())));
        return onFx(() -> console.tasks().tasks().stream().filter(task -> title.equals(task.getTitle())).findFirst()
                .orElseThrow());
    }

    private static ListCell<?> waitForRowOf(FxRobot robot, Task<?> task) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rowOf(robot, task) != null);
        return rowOf(robot, task);
    }

    private static ListCell<?> rowOf(FxRobot robot, Task<?> task) {
        return onFx(() -> robot.lookup("#task-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getItem() == task).findFirst().orElse(null));
    }

    /** What {@code read} finds, read on the JavaFX thread, where a task's state may only be read. */
    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    /** Whether a thread still runs the site pull's work, which a cancel must end and not only hide. */
    private static boolean pullWorkRuns() {
        return Thread.getAllStackTraces().values().stream().anyMatch(stack -> Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().endsWith(".SitePull")));
    }

    private BillingReport audit(FxRobot robot) throws Exception {
        CompletableFuture<BillingReport> report = new CompletableFuture<>();
        robot.interact(() -> console.session().audit(report::complete,
                failure -> report.completeExceptionally(new AssertionError(failure))));
        return report.get(60, TimeUnit.SECONDS);
    }
}
