package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.Sentence;
import io.gridside.console.service.Progress;
import io.gridside.console.tasks.TaskRunner;
import io.gridside.console.tasks.TaskListView;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A task in the task list reads in the language chosen after it began: a finished one's title and last line, and a
 * running one's line as its service reported it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TaskListLanguageTest {

    private final TaskRunner runner = new TaskRunner();

    @Start
    void start(Stage stage) {
        I18n.use(Locale.ENGLISH);
        stage.setScene(new Scene(new StackPane(new TaskListView(runner)), 600, 420));
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.close();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> I18n.use(Locale.ENGLISH)));
    }

    @Test
    void aFinishedPullReadsInFrenchAfterASwitch(FxRobot robot) throws TimeoutException {
        Task<?> pull = finished(robot, Sentence.of("task.readings", "MTR-0042"));
        robot.clickOn("#tasks");
        assertThat(rowOf(robot, pull)).containsExactly(I18n.text("task.readings", "MTR-0042"), I18n.text("task.done"));

        robot.interact(() -> I18n.use(Locale.FRENCH));

        assertThat(rowOf(robot, pull)).containsExactly(I18n.text("task.readings", "MTR-0042"), I18n.text("task.done"))
                .doesNotContain("Done");
    }

    @Test
    void aTaskThatReportedProgressReadsInSwahiliAfterItEnded(FxRobot robot) throws TimeoutException {
        AtomicReference<Task<?>> task = new AtomicReference<>();
        robot.interact(() -> task.set(runner.submit(Sentence.of("task.pull"), context -> {
            context.update(Sentence.of("pull.readings"), 1, 3);
            return null;
        }, done -> { }, failure -> { })));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(task.get()::isDone));

        robot.interact(() -> I18n.use(Locale.forLanguageTag("sw")));

        assertThat(onFx(() -> TaskRunner.title(task.get()))).isEqualTo(I18n.text("task.pull"));
        assertThat(onFx(() -> TaskRunner.message(task.get()))).isEqualTo(I18n.text("task.done"));
    }

    @Test
    void aRunningTasksLineFromAServiceReadsInFrenchAfterASwitch(FxRobot robot) throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Task<?>> task = new AtomicReference<>();
        robot.interact(() -> task.set(runner.submit(Sentence.of("task.pull"), context -> {
            Progress service = context;
            service.update(Sentence.of("pull.ledger"), 1, 3);
            reported.countDown();
            release.await(20, TimeUnit.SECONDS);
            return null;
        }, done -> { }, failure -> { })));
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        String english = onFx(() -> TaskRunner.message(task.get()));

        robot.interact(() -> I18n.use(Locale.FRENCH));
        String french = onFx(() -> TaskRunner.message(task.get()));
        boolean running = onFx(() -> !task.get().isDone());
        release.countDown();

        assertThat(running).isTrue();
        assertThat(english).isEqualTo("Pulling the ledger");
        assertThat(french).isEqualTo("Récupération du grand livre");
    }

    private Task<?> finished(FxRobot robot, Sentence title) throws TimeoutException {
        AtomicReference<Task<?>> task = new AtomicReference<>();
        robot.interact(() -> task.set(runner.submit(title, context -> "read", done -> { }, failure -> { })));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(task.get()::isDone));
        WaitForAsyncUtils.waitForFxEvents();
        return task.get();
    }

    /** The title and the line under it that the task list shows for {@code task}. */
    private static List<String> rowOf(FxRobot robot, Task<?> task) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> robot.lookup("#task-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getItem() == task).findFirst()
                .map(cell -> robot.from(cell).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                        .toList())
                .orElse(List.of()));
    }

    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }
}
