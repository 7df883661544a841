package io.gridside.console.tasks;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import io.gridside.console.Failures;
import io.gridside.console.I18n;
import java.time.Duration;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Short notices at the frame's bottom left, which the frame lays over its status bar's link figures, side by side
 * and never one above another over the screen that is open, when a long task ends or
 * fails, so a technician who went on working elsewhere hears of it; a quick one's end or failure is seen on the
 * screen that started it, where the technician still is, and a notice over that screen would only hide part of it.
 * A notice never takes the keyboard focus: it appears, stays a few seconds (a failure longer) and goes, while the
 * technician keeps typing in the field they were in; clicks pass beside it to the screen below.
 *
 * <p>Work that runs by itself, outside the task list (the sync schedule's runs), is told of through
 * {@link #unattendedEnded}: its failure at once, since nobody watched it start.
 */
public final class TaskNotices extends HBox {

    /** A task that ran at least this long is worth a notice when it ends; a quicker one was watched. */
    public static final Duration LONG = Duration.ofSeconds(3);

    /*
     * Short lives, two at most, and narrow: the notices lie side by side over the status bar, where a second one
     * stacked above the first used to hide the bottom left of the screen; a failure stays longer, and the task list
     * keeps it after.
     */
    private static final Duration SHOWN = Duration.ofSeconds(4);
    private static final Duration FAILURE_SHOWN = Duration.ofSeconds(8);
    /** The most notices shown at once, the oldest going first. */
    public static final int MOST_SHOWN = 2;
    /** A notice's width when there is room; two share less room evenly, down to {@link #NARROWEST}. */
    private static final double WIDTH = 360;
    /** The narrowest a notice gets, where a long failure still reads in a few lines. */
    private static final double NARROWEST = 220;
    private static final double GAP = 8;

    /** The width the notices may take side by side: what the frame leaves them over its status bar. */
    private final DoubleProperty room = new SimpleDoubleProperty(MOST_SHOWN * WIDTH + GAP);

    private final ListChangeListener<Task<?>> added = change -> {
        while (change.next()) {
            change.getAddedSubList().forEach(this::follow);
        }
    };

    /** Notices of the tasks {@code runner} starts from now on. */
    public TaskNotices(TaskRunner runner) {
        setId("notices");
        getStyleClass().add("notices");
        setSpacing(GAP);
        setAlignment(Pos.BOTTOM_LEFT);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setFocusTraversable(false);
        // The empty part of the corner lets clicks through to the screen below.
        setPickOnBounds(false);
        // Weakly held: a frame built again on a language switch must not stay alive through the runner's list.
        runner.tasks().addListener(new WeakListChangeListener<>(added));
    }

    private void follow(Task<?> task) {
        long started = System.nanoTime();
        if (task.isDone()) {
            return;
        }
        // Removed at the end: the task list keeps ended tasks, and a listener left on one would keep this frame
        // alive after a language switch replaced it.
        task.stateProperty().addListener(new ChangeListener<Worker.State>() {
            @Override
            public void changed(ObservableValue<? extends Worker.State> state, Worker.State was, Worker.State now) {
                if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                    state.removeListener(this);
                    ended(task, now, System.nanoTime() - started);
                }
            }
        });
    }

    private void ended(Task<?> task, Worker.State state, long nanos) {
        if (state == Worker.State.FAILED && nanos >= LONG.toNanos()) {
            Throwable failure = task.getException();
            failed(task.getTitle(), failure == null ? "" : Failures.words(failure));
        } else if (state == Worker.State.SUCCEEDED && nanos >= LONG.toNanos()) {
            done(task.getTitle());
        }
    }

    /**
     * Tells of the end of work {@code title} that ran by itself for {@code took}: a failure however quick, since no
     * screen showed it start; a success when it took at least {@link #LONG}, as a task's.
     */
    public void unattendedEnded(String title, Duration took, Optional<String> failure) {
        if (failure.isPresent()) {
            failed(title, failure.get());
        } else if (took.compareTo(LONG) >= 0) {
            done(title);
        }
    }

    private void failed(String title, String why) {
        show(I18n.text("notice.failed", title, why), Styles.DANGER, Material2AL.ERROR_OUTLINE, FAILURE_SHOWN);
    }

    private void done(String title) {
        show(I18n.text("notice.done", title), Styles.SUCCESS, Material2AL.CHECK_CIRCLE_OUTLINE, SHOWN);
    }

    /** Shows {@code message} as a notice for {@code shown}, the oldest notice going when there are too many. */
    public void show(String message, String style, Material2AL icon, Duration shown) {
        Notification notice = new Notification(message, new FontIcon(icon));
        notice.getStyleClass().addAll(style, Styles.ELEVATED_1);
        notice.prefWidthProperty().bind(Bindings.createDoubleBinding(this::noticeWidth, room, getChildren()));
        notice.setMinWidth(Region.USE_PREF_SIZE);
        notice.setMaxHeight(Region.USE_PREF_SIZE);
        notice.setFocusTraversable(false);
        notice.setOnClose(event -> getChildren().remove(notice));
        notice.skinProperty().addListener((obs, old, skin) -> notFocusable(notice));
        getChildren().add(notice);
        while (getChildren().size() > MOST_SHOWN) {
            getChildren().remove(0);
        }
        PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(shown.toMillis()));
        wait.setOnFinished(event -> getChildren().remove(notice));
        wait.play();
    }

    /** The width the notices may take side by side; {@code 2 * 360 + 8} until the frame binds it. */
    public DoubleProperty roomProperty() {
        return room;
    }

    /** Each notice's width: as wide as it may be while those shown share the room, within its bounds. */
    private double noticeWidth() {
        int shown = Math.max(1, getChildren().size());
        double share = (room.get() - GAP * (shown - 1)) / shown;
        return Math.max(NARROWEST, Math.min(WIDTH, Math.floor(share)));
    }

    /** Keeps the notice's own close button out of the keyboard's way: it is for the mouse. */
    private static void notFocusable(Node notice) {
        notice.lookupAll(".button").forEach(button -> button.setFocusTraversable(false));
    }
}
