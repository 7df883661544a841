package io.gridside.console.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;

/**
 * The site's screens, built when the technician starts a connection rather than when the window opens: before a
 * gateway is asked for, only the connect screen can be seen, and building the others took most of the start. A
 * screen is shown while its navigation button is selected, as before; the view models behind them are made once
 * with the session and keep working whether or not their screen was built yet.
 */
final class SiteScreens {

    private final StackPane content;
    private final ObservableBooleanValue sessionStarted;
    private final List<Runnable> waiting = new ArrayList<>();

    /** Screens that go into {@code content} as soon as {@code sessionStarted} (a connection was asked for). */
    SiteScreens(StackPane content, ObservableBooleanValue sessionStarted) {
        this.content = content;
        this.sessionStarted = sessionStarted;
        sessionStarted.addListener((obs, was, started) -> {
            if (started) {
                buildWaiting();
            }
        });
    }

    /** Puts {@code screen}, built already, in at once, shown while {@code button} is selected. */
    void addBuilt(ToggleButton button, Node screen) {
        show(button, screen);
    }

    /** Builds a screen with {@code build} once a session is started, at once if one is; shown with {@code button}. */
    void add(ToggleButton button, Supplier<Node> build) {
        waiting.add(() -> show(button, build.get()));
        if (sessionStarted.get()) {
            buildWaiting();
        }
    }

    private void buildWaiting() {
        List<Runnable> builds = List.copyOf(waiting);
        waiting.clear();
        builds.forEach(Runnable::run);
    }

    /** Binds {@code screen} to its button before it joins the frame, as the frame bound the screens it built itself. */
    private void show(ToggleButton button, Node screen) {
        screen.visibleProperty().bind(button.selectedProperty());
        content.getChildren().add(screen);
    }
}
