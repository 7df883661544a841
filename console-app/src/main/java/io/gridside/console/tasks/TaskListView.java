package io.gridside.console.tasks;

import atlantafx.base.theme.Styles;
import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.console.PopupToggle;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The task list: a status-bar button that counts running work and opens the list of tasks. */
public final class TaskListView extends PopupToggle {

    private static final double WIDTH = 480;
    private static final double HEIGHT = 330;

    private final TaskRunner runner;
    private final ListView<Task<?>> list = new ListView<>();

    public TaskListView(TaskRunner runner) {
        super(WIDTH);
        this.runner = runner;
        createControls();
        bind();
    }

    private void createControls() {
        setId("tasks");
        setGraphic(new FontIcon(Material2AL.LIST));
        getStyleClass().add(Styles.FLAT);
        list.setId("task-list");
        list.setPrefSize(WIDTH - 20, HEIGHT - 30);
        list.setPlaceholder(new Label(I18n.text("task.list.empty")));
        list.setCellFactory(view -> new TaskCell());
        VBox box = new VBox(new Label(I18n.text("task.list")), list);
        box.getStyleClass().add("connect-card");
        box.setStyle("-fx-background-color: -color-bg-default;");
        setPanel(box);
    }

    private void bind() {
        list.setItems(runner.tasks());
        textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text("task.list") + " \u00b7 " + I18n.text("status.tasks", runner.runningProperty().get()),
                runner.runningProperty()));
    }

    /** One task: its title, its message or result, a progress bar while it runs, and a cancel button. */
    private final class TaskCell extends ListCell<Task<?>> {

        private final Label title = new Label();
        private final Label message = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final Button cancel = new Button(I18n.text("task.cancel"));
        private final HBox row;

        TaskCell() {
            title.getStyleClass().add(Styles.TEXT_BOLD);
            message.getStyleClass().add(Styles.TEXT_SMALL);
            title.setWrapText(true);
            message.setWrapText(true);
            progress.setPrefWidth(120);
            progress.managedProperty().bind(progress.visibleProperty());
            cancel.getStyleClass().add(Styles.SMALL);
            cancel.managedProperty().bind(cancel.visibleProperty());
            VBox text = new VBox(title, message);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(10, text, progress, cancel);
            row.setAlignment(Pos.CENTER_LEFT);
            // A cell that asks for no width of its own is as wide as the list: long words wrap, never scroll sideways.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Task<?> task, boolean empty) {
            super.updateItem(task, empty);
            title.textProperty().unbind();
            message.textProperty().unbind();
            progress.progressProperty().unbind();
            cancel.disableProperty().unbind();
            cancel.visibleProperty().unbind();
            if (empty || task == null) {
                setGraphic(null);
                return;
            }
            title.textProperty().bind(Bindings.createStringBinding(() -> TaskRunner.title(task),
                    task.titleProperty(), I18n.languageProperty()));
            message.textProperty().bind(Bindings.createStringBinding(() -> describe(task), task.stateProperty(),
                    task.messageProperty(), TaskRunner.runs(task), I18n.languageProperty()));
            progress.progressProperty().bind(task.progressProperty());
            progress.visibleProperty().bind(task.runningProperty());
            cancel.disableProperty().bind(task.runningProperty().not());
            cancel.visibleProperty().bind(task.runningProperty());
            cancel.setOnAction(event -> task.cancel());
            setGraphic(row);
        }
    }

    /**
     * {@code task}'s line under its title in the language in use now: its last line, or how it ended, with the count of
     * runs when its row stands for several that ended well.
     */
    static String describe(Task<?> task) {
        Worker.State state = task.getState();
        if (state == Worker.State.FAILED) {
            Throwable failure = task.getException();
            return I18n.text("task.failed", failure == null ? "" : Failures.words(failure));
        }
        if (state == Worker.State.CANCELLED) {
            return I18n.text("task.cancelled");
        }
        int runs = TaskRunner.runs(task).get();
        boolean folded = state == Worker.State.SUCCEEDED && runs > 1;
        return folded ? I18n.text("task.doneTimes", runs) : TaskRunner.message(task);
    }
}
