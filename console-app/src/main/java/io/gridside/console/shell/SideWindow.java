package io.gridside.console.shell;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small window beside the console's own, for what a technician looks up and closes again (the shortcut sheet, the
 * about screen): it blocks nothing, follows the console's theme, closes on Escape, and is opened once however often
 * it is asked for.
 */
final class SideWindow {

    private SideWindow() {
    }

    /**
     * Shows {@code content} (whose id names the window) in a window owned by {@code from}'s, or brings the one
     * already open to the front.
     */
    static Stage open(Node from, String title, Parent content, double width, double height) {
        return open(from, title, content, new Scene(content, width, height));
    }

    /** As {@link #open(Node, String, Parent, double, double)}, the window as large as {@code content} would be. */
    static Stage open(Node from, String title, Parent content) {
        return open(from, title, content, new Scene(content));
    }

    private static Stage open(Node from, String title, Parent content, Scene scene) {
        Optional<Stage> open = find(content.getId());
        if (open.isPresent()) {
            open.get().toFront();
            return open.get();
        }
        Stage stage = new Stage();
        stage.initOwner(from.getScene().getWindow());
        stage.initModality(Modality.NONE);
        stage.setTitle(title);
        // The high-contrast theme is the scene's own style sheet: the side window takes the same ones.
        scene.getStylesheets().setAll(from.getScene().getStylesheets());
        scene.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    /** The side window open on content of {@code id}, if there is one. */
    static Optional<Stage> find(String id) {
        return Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(stage -> stage.getScene() != null && stage.getScene().getRoot() != null
                        && id.equals(stage.getScene().getRoot().getId()))
                .findFirst();
    }
}
