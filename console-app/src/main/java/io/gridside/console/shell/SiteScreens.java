package io.gridside.console.shell;

import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;

/**
 * The site's screens, each built the first time the technician opens it rather than all when the window opens: a
 * screen not yet looked at costs neither the start's time nor memory. A screen is shown while its navigation
 * button is selected, as before; the view models behind them are made once with the session and keep working
 * whether or not their screen was built.
 */
final class SiteScreens {

    private final StackPane content;
    private final ObservableBooleanValue siteShown;

    /** Screens that go into {@code content} once {@code siteShown} (a gateway answered) and their button agree. */
    SiteScreens(StackPane content, ObservableBooleanValue siteShown) {
        this.content = content;
        this.siteShown = siteShown;
    }

    /** Puts {@code screen}, built already, in at once, shown while {@code button} is selected. */
    void addBuilt(ToggleButton button, Node screen) {
        show(button, screen);
    }

    /** Builds {@code screen} with {@code build} the first time {@code button} is selected with the site shown. */
    void add(ToggleButton button, Supplier<Node> build) {
        if (button.isSelected() && siteShown.get()) {
            show(button, build.get());
            return;
        }
        InvalidationListener[] firstShow = new InvalidationListener[1];
        firstShow[0] = observable -> {
            if (button.isSelected() && siteShown.get()) {
                button.selectedProperty().removeListener(firstShow[0]);
                siteShown.removeListener(firstShow[0]);
                show(button, build.get());
            }
        };
        button.selectedProperty().addListener(firstShow[0]);
        siteShown.addListener(firstShow[0]);
    }

    /**
     * Hides the new screen before binding it to its button, so that it sees itself become visible, as a screen
     * built hidden and opened later does: several load their data on that change.
     */
    private void show(ToggleButton button, Node screen) {
        screen.setVisible(false);
        content.getChildren().add(screen);
        screen.visibleProperty().bind(button.selectedProperty());
    }
}
