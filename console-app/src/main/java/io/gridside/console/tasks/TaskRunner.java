package io.gridside.console.tasks;

import io.gridside.console.I18n;
import io.gridside.console.Sentence;
import io.gridside.console.support.Incidents;
import io.gridside.console.support.UnexpectedFailure;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every long piece of the console's work on background threads, as JavaFX tasks that the task list
 * shows with progress and a cancel button. Results and failures come back on the JavaFX thread.
 */
public final class TaskRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    private static final int KEPT_FINISHED = 30;
    private static final ReadOnlyIntegerWrapper ONE_RUN = new ReadOnlyIntegerWrapper(1);

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "console-task");
        thread.setDaemon(true);
        return thread;
    });
    private final ObservableList<Task<?>> tasks = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();

    /** The tasks, newest first, for the task list; read and changed on the JavaFX thread only. */
    public ObservableList<Task<?>> tasks() {
        return tasks;
    }

    /** As {@link #submit(Sentence, BackgroundWork, Consumer, Consumer)}, for a title that needs no translation. */
    public <T> Task<T> submit(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        return submit(Sentence.verbatim(title), work, onSuccess, onFailure);
    }

    /**
     * Starts {@code work} in the background under {@code title}, kept as a sentence so that the task list words it
     * in the language in use whenever it shows it.
     *
     * @param onSuccess runs on the JavaFX thread with the result
     * @param onFailure runs on the JavaFX thread with the failure; not called when the task was cancelled
     */
    public <T> Task<T> submit(Sentence title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        return start(new ConsoleTask<>(title, work, false), onSuccess, onFailure);
    }

    /**
     * As {@link #submit(Sentence, BackgroundWork, Consumer, Consumer)}, for work the technician asked for then and
     * there (a pull on F5): its row stays its own, never folded with routine runs of the same work, so the
     * technician finds the run they asked for and how it ended.
     */
    public <T> Task<T> submitAsked(Sentence title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        return start(new ConsoleTask<>(title, work, true), onSuccess, onFailure);
    }

    private <T> Task<T> start(ConsoleTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Sentence title = task.title;
        task.setOnSucceeded(event -> {
            foldEarlierRuns(task);
            onSuccess.accept(task.handOver());
        });
        task.setOnFailed(event -> onFailure.accept(reported(title, task.getException())));
        task.stateProperty().addListener((obs, old, state) -> countRunning());
        onFxThread(() -> {
            tasks.add(0, task);
            countRunning();
            for (int i = tasks.size() - 1; i >= KEPT_FINISHED; i--) {
                if (tasks.get(i).isDone()) {
                    tasks.remove(i);
                }
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // The console is closing: a task asked for now would outlive it.
            task.cancel();
        }
        return task;
    }

    /**
     * Folds the earlier runs of {@code task}'s work that ended well into it, so that routine work repeated all visit
     * long (the pull every few seconds, the power limits worked out after it) holds one row, its latest, that counts
     * the runs. A run that failed or was cancelled keeps its own row, and so do work of another title or argument and
     * a run the technician asked for.
     */
    private void foldEarlierRuns(ConsoleTask<?> task) {
        // KNOWN SHORTCOMING: a row that stands for several routine runs counts them but does not say when the latest
        // ended.
        if (task.asked) {
            return;
        }
        int runs = 1;
        for (int i = tasks.size() - 1; i >= 0; i--) {
            if (tasks.get(i) != task && tasks.get(i) instanceof ConsoleTask<?> earlier && !earlier.asked
                    && earlier.title.equals(task.title) && earlier.getState() == Worker.State.SUCCEEDED) {
                runs += earlier.runs.get();
                tasks.remove(i);
            }
        }
        task.runs.set(runs);
    }

    /**
     * The failure of the task {@code title} as its screen is handed it, logged once here: one the console foresaw as
     * it is; an unexpected one under an incident code, replaced by a short sentence that gives the code and the way
     * to export diagnostics, so that no screen shows a stack trace or a programming error's own words.
     */
    private static Throwable reported(Sentence title, Throwable failure) {
        if (!Incidents.isUnexpected(failure)) {
            LOG.warn("The task '{}' failed.", title.text(), failure);
            return failure;
        }
        String incident = Incidents.record("the task '" + title.text() + "'", failure);
        return new UnexpectedFailure(I18n.text("support.unexpected", incident), incident, failure);
    }

    /** How many tasks are still running; changes on the JavaFX thread. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * {@code task}'s title in the language in use now; a task this runner did not start reads as its own title.
     */
    public static String title(Task<?> task) {
        return task instanceof ConsoleTask<?> console ? console.title.text() : task.getTitle();
    }

    /**
     * {@code task}'s last line in the language in use now: what it was doing when last heard from, or that it is
     * done; a task this runner did not start reads as its own message.
     */
    public static String message(Task<?> task) {
        return task instanceof ConsoleTask<?> console ? console.line.text() : task.getMessage();
    }

    /**
     * How many runs of {@code task}'s work that ended well its row stands for: 1, or more once earlier runs were
     * folded into it; a task this runner did not start stands for itself.
     */
    public static ReadOnlyIntegerProperty runs(Task<?> task) {
        ReadOnlyIntegerWrapper runs = task instanceof ConsoleTask<?> console ? console.runs : ONE_RUN;
        return runs.getReadOnlyProperty();
    }

    private void countRunning() {
        running.set((int) tasks.stream().filter(t -> !t.isDone()).count());
    }

    private static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        tasks.forEach(Task::cancel);
        executor.shutdownNow();
    }

    /** A task that hands its work a context for progress and cancellation. */
    private static final class ConsoleTask<T> extends Task<T> {

        private final BackgroundWork<T> work;
        /** The title as a sentence; the task's own title property holds it as worded when the task began. */
        private final Sentence title;
        /** The last line as a sentence, set before the task's own message property changes. */
        private volatile Sentence line = Sentence.NONE;
        /** The work's result until it is handed over; the task's own value stays null (see {@link #handOver}). */
        private volatile T result;
        /** The runs that ended well this task's row stands for; read and changed on the JavaFX thread. */
        private final ReadOnlyIntegerWrapper runs = new ReadOnlyIntegerWrapper(1);
        /** Whether the technician asked for this run: its row is never folded with others. */
        private final boolean asked;

        ConsoleTask(Sentence title, BackgroundWork<T> work, boolean asked) {
            this.work = work;
            this.title = title;
            this.asked = asked;
            updateTitle(title.text());
            updateMessage("");
        }

        private void say(Sentence sentence) {
            line = sentence;
            updateMessage(sentence.text());
        }

        @Override
        protected T call() throws Exception {
            T outcome = work.run(new TaskContext() {
                @Override
                public void update(String message, long done, long total) {
                    say(Sentence.verbatim(message));
                    progress(done, total);
                }

                @Override
                public void update(Sentence message, long done, long total) {
                    say(message);
                    progress(done, total);
                }

                private void progress(long done, long total) {
                    if (total < 0) {
                        updateProgress(-1, -1);
                    } else {
                        updateProgress(done, total);
                    }
                }

                @Override
                public boolean getAsBoolean() {
                    return ConsoleTask.this.isCancelled();
                }
            });
            say(Sentence.of("task.done"));
            result = outcome;
            // The task itself returns nothing: a task keeps what it returns for as long as it lives.
            return null;
        }

        /**
         * The work's result, which the task lets go of as it hands it over: the task list keeps its last finished
         * tasks for their titles and states only, and each mesh load's result (a 5,000-meter site's whole graph)
         * held there kept several copies of the mesh alive. Called on the JavaFX thread, once the task succeeded.
         */
        T handOver() {
            T handed = result;
            result = null;
            return handed;
        }
    }
}
