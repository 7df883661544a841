package io.gridside.console.shell;

import io.gridside.console.shell.Shortcuts.Shortcut;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;

/**
 * Answers the keyboard shortcuts on the console's frame. It listens as a key press comes back up from the field that
 * has the focus, so a key that field uses is the field's; and a key that would type text (no shortcut modifier, not
 * a function key) never does anything while a text field has the focus.
 */
final class ShortcutKeys implements EventHandler<KeyEvent> {

    private final MainView frame;
    private final BooleanSupplier siteShown;
    private final Parent screens;
    private final ButtonBase refresh;
    private final Path dataFolder;

    /**
     * Shortcuts on {@code frame}, whose site screens are the children of {@code screens} and show while
     * {@code siteShown} says so, and whose {@code refresh} button pulls.
     */
    ShortcutKeys(MainView frame, BooleanSupplier siteShown, Parent screens, ButtonBase refresh, Path dataFolder) {
        this.frame = frame;
        this.siteShown = siteShown;
        this.screens = screens;
        this.refresh = refresh;
        this.dataFolder = dataFolder;
    }

    @Override
    public void handle(KeyEvent event) {
        if (typesText(event)) {
            return;
        }
        for (Shortcut shortcut : Shortcuts.all()) {
            if (shortcut.matches(event)) {
                if (run(shortcut)) {
                    event.consume();
                }
                return;
            }
        }
    }

    private static boolean typesText(KeyEvent event) {
        boolean inField = event.getTarget() instanceof TextInputControl;
        return inField && !event.isShortcutDown() && !event.getCode().isFunctionKey();
    }

    /** Does what {@code shortcut} says; false when it does not apply here and now (a screen key with no site). */
    private boolean run(Shortcut shortcut) {
        return switch (shortcut.action()) {
            case SCREEN -> siteScreen(() -> frame.show(shortcut.screen()));
            case NEXT_SCREEN -> siteScreen(() -> step(1));
            case PREVIOUS_SCREEN -> siteScreen(() -> step(-1));
            case REFRESH -> !refresh.isDisabled() && siteScreen(refresh::fire);
            case SEARCH -> siteShown.getAsBoolean() && focusSearch();
            case TASKS -> lookup("#tasks", ToggleButton.class).map(tasks -> {
                tasks.setSelected(!tasks.isSelected());
                return true;
            }).orElse(false);
            case SETTINGS -> lookup("#settings-menu", MenuButton.class).map(menu -> {
                menu.show();
                return true;
            }).orElse(false);
            case SHEET -> {
                HelpWindows.shortcuts(frame);
                yield true;
            }
            case ABOUT -> {
                HelpWindows.about(frame, dataFolder);
                yield true;
            }
        };
    }

    private boolean siteScreen(Runnable action) {
        if (!siteShown.getAsBoolean()) {
            return false;
        }
        action.run();
        return true;
    }

    /** Shows the screen {@code by} places to the right (or left) of the one shown, round the row. */
    private void step(int by) {
        int at = Math.max(0, Shortcuts.SCREENS.indexOf(frame.shown()));
        int size = Shortcuts.SCREENS.size();
        frame.show(Shortcuts.SCREENS.get(((at + by) % size + size) % size));
    }

    /** Puts the focus in the shown screen's search or filter field, if it has one in sight. */
    private boolean focusSearch() {
        Optional<TextInputControl> field = screens.getChildrenUnmodifiable().stream().filter(Node::isVisible)
                .findFirst().flatMap(ShortcutKeys::searchField);
        field.ifPresent(found -> {
            found.requestFocus();
            found.selectAll();
        });
        return field.isPresent();
    }

    private static Optional<TextInputControl> searchField(Node screen) {
        return screen.lookupAll(".text-field").stream().filter(TextInputControl.class::isInstance)
                .map(TextInputControl.class::cast)
                .filter(field -> field.getId() != null
                        && (field.getId().endsWith("-search") || field.getId().endsWith("-filter")))
                .filter(field -> field.isVisible() && !field.isDisabled())
                .findFirst();
    }

    private <T> Optional<T> lookup(String id, Class<T> type) {
        Node found = frame.lookup(id);
        return type.isInstance(found) ? Optional.of(type.cast(found)) : Optional.empty();
    }
}
