package io.gridside.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.Sentence;
import io.gridside.console.Theme;
import io.gridside.console.tasks.BackgroundWork;
import io.gridside.console.tasks.TaskListView;
import io.gridside.console.tasks.TaskRunner;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On a long visit the console pulls the site every few seconds: the task list keeps one row for those pulls that
 * ended well, counting them, keeps every failed one and every one the technician asked for, opens above its button
 * without covering it, and wraps a long line instead of scrolling sideways. The task list sits at the right end of a
 * status bar as wide as the headless screen, in the high-contrast theme, as it does in the console.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TaskListRoutineTest {

    private static final int PULLS = 6;

    private final TaskRunner runner = new TaskRunner();

    @Start
    void start(Stage stage) {
        I18n.use(Locale.ENGLISH);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        BorderPane window = new BorderPane();
        window.setBottom(new HBox(spacer, new TaskListView(runner)));
        Scene scene = new Scene(window, 1280, 720);
        // The console's own theme, whose padding makes the panel taller than its nominal size, as in the console.
        Theme.HIGH_CONTRAST.apply(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void periodicPullsThatEndWellHoldOneRowThatCountsThem(FxRobot robot) throws TimeoutException {
        run(robot, Sentence.of("task.readings", "MTR-0042"), context -> "read");
        for (int i = 0; i < PULLS; i++) {
            run(robot, Sentence.of("task.pull"), context -> "pulled");
        }
        robot.clickOn("#tasks");

        List<ListCell<?>> pulls = rowsTitled(robot, I18n.text("task.pull"));
        assertThat(pulls).hasSize(1);
        assertThat(labelsOf(robot, pulls.get(0))).containsExactly(I18n.text("task.pull"),
                I18n.text("task.doneTimes", PULLS));
        assertThat(rowsTitled(robot, I18n.text("task.readings", "MTR-0042"))).hasSize(1);
        assertThat(onFx(() -> runner.tasks().size())).isEqualTo(2);
    }

    @Test
    void aFailedPullStaysListedAmongPullsThatEndedWell(FxRobot robot) throws TimeoutException {
        run(robot, Sentence.of("task.pull"), context -> "pulled");
        Task<?> failed = run(robot, Sentence.of("task.pull"), context -> {
            throw new IOException("The gateway stopped answering.");
        });
        run(robot, Sentence.of("task.pull"), context -> "pulled");
        run(robot, Sentence.of("task.pull"), context -> "pulled");
        robot.clickOn("#tasks");

        List<ListCell<?>> pulls = rowsTitled(robot, I18n.text("task.pull"));
        assertThat(pulls).hasSize(2);
        assertThat(pulls).anySatisfy(row -> assertThat(row.getItem()).isSameAs(failed));
        assertThat(onFx(failed::getState)).isEqualTo(Worker.State.FAILED);
        assertThat(pulls).anySatisfy(row -> assertThat(labelsOf(robot, row)).contains(I18n.text("task.doneTimes", 3)));
    }

    @Test
    void aPullTheTechnicianAskedForKeepsItsOwnRowAmongRoutinePulls(FxRobot robot) throws TimeoutException {
        run(robot, Sentence.of("task.pull"), context -> "pulled");
        run(robot, Sentence.of("task.pull"), context -> "pulled");
        AtomicReference<Task<?>> asked = new AtomicReference<>();
        robot.interact(() -> asked.set(runner.submitAsked(Sentence.of("task.pull"), context -> "pulled", done -> { },
                failure -> { })));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(asked.get()::isDone));
        run(robot, Sentence.of("task.pull"), context -> "pulled");
        run(robot, Sentence.of("task.pull"), context -> "pulled");
        robot.clickOn("#tasks");

        List<ListCell<?>> pulls = rowsTitled(robot, I18n.text("task.pull"));
        assertThat(pulls).hasSize(2);
        assertThat(pulls).anySatisfy(row -> {
            assertThat(row.getItem()).isSameAs(asked.get());
            assertThat(labelsOf(robot, row)).containsExactly(I18n.text("task.pull"), I18n.text("task.done"));
        });
        assertThat(pulls).anySatisfy(row -> assertThat(labelsOf(robot, row)).contains(I18n.text("task.doneTimes", 4)));
    }

    @Test
    void opensAboveItsButtonAndWrapsALongLineWithoutASidewaysScrollBar(FxRobot robot) throws TimeoutException {
        String longTitle = "Read the history of every meter of the site between the first of the month and now "
                + "(MTR-0001, MTR-0002, MTR-0003, MTR-0004, MTR-0005, MTR-0006, MTR-0007, MTR-0008)";
        run(robot, Sentence.verbatim(longTitle), context -> "read");
        for (int i = 0; i < PULLS; i++) {
            run(robot, Sentence.of("task.pull"), context -> "pulled");
            run(robot, Sentence.of("task.limits"), context -> "limits");
        }
        robot.clickOn("#tasks");
        WaitForAsyncUtils.waitForFxEvents();

        Node button = robot.lookup("#tasks").query();
        ListView<?> list = robot.lookup("#task-list").queryAs(ListView.class);
        Bounds buttonOnScreen = onFx(() -> button.localToScreen(button.getBoundsInLocal()));
        Window panel = onFx(() -> list.getScene().getWindow());
        assertThat(onFx(panel::isShowing)).isTrue();
        assertThat(onFx(() -> panel.getY() + panel.getHeight())).isLessThanOrEqualTo(buttonOnScreen.getMinY());
        assertThat(onFx(() -> panel.getX() + panel.getWidth())).isLessThanOrEqualTo(buttonOnScreen.getMaxX() + 1);
        assertThat(onFx(() -> runner.tasks().size())).isEqualTo(3);
        assertThat(horizontalBarShows(robot)).isFalse();
    }

    private Task<?> run(FxRobot robot, Sentence title, BackgroundWork<Object> work) throws TimeoutException {
        AtomicReference<Task<?>> task = new AtomicReference<>();
        robot.interact(() -> task.set(runner.submit(title, work, done -> { }, failure -> { })));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(task.get()::isDone));
        WaitForAsyncUtils.waitForFxEvents();
        return task.get();
    }

    private static List<ListCell<?>> rowsTitled(FxRobot robot, String title) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> robot.lookup("#task-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getItem() != null && title.equals(TaskRunner.title((Task<?>) cell.getItem())))
                .<ListCell<?>>map(cell -> cell).toList());
    }

    /** The title and the line under it that {@code row} shows. */
    private static List<String> labelsOf(FxRobot robot, ListCell<?> row) {
        return onFx(() -> robot.from(row).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList());
    }

    private static boolean horizontalBarShows(FxRobot robot) {
        return onFx(() -> robot.lookup("#task-list .scroll-bar").queryAllAs(ScrollBar.class).stream()
                .anyMatch(bar -> bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()));
    }

    /** What {@code read} finds, read on the JavaFX thread. */
    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }
}
