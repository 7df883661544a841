package io.gridside.console.shell;

import io.gridside.console.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The console's keyboard shortcuts: what each does and its keys, as the frame answers them and the shortcut sheet
 * lists them. Every one holds the platform's shortcut modifier (Ctrl, or Cmd on a Mac) or is a function key, so no
 * shortcut is a key that types text into the field a technician is filling in.
 */
public final class Shortcuts {

    /** The site's screens by their navigation names, in the order of the navigation row. */
    public static final List<String> SCREENS = List.of("dashboard", "meters", "mesh", "replay", "customers", "cash",
            "imports", "tariffs", "exceptions", "reconcile", "firmware", "sync");

    /** The keys of the digit row, left to right, for the screens in the order of the navigation row. */
    private static final List<KeyCode> DIGIT_ROW = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3,
            KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9,
            KeyCode.DIGIT0, KeyCode.MINUS, KeyCode.EQUALS);

    private static final List<Shortcut> ALL = build();

    /** What a shortcut does; a screen's shortcut also names the screen. */
    public enum Action {
        SCREEN("shortcut.screen"),
        NEXT_SCREEN("shortcut.nextScreen"),
        PREVIOUS_SCREEN("shortcut.previousScreen"),
        REFRESH("shortcut.refresh"),
        SEARCH("shortcut.search"),
        TASKS("shortcut.tasks"),
        SETTINGS("shortcut.settings"),
        SHEET("shortcut.sheet"),
        ABOUT("shortcut.about");

        private final String textKey;

        Action(String textKey) {
            this.textKey = textKey;
        }
    }

    /**
     * One shortcut: its keys, what it does, and for {@link Action#SCREEN} the screen it shows (empty otherwise).
     */
    public record Shortcut(List<KeyCombination> keys, Action action, String screen) {

        public Shortcut {
            keys = List.copyOf(keys);
        }

        /** Its keys as the platform writes them ("Ctrl+1", "F1 / Ctrl+/"). */
        public String keysText() {
            return keys.stream().map(KeyCombination::getDisplayText).collect(Collectors.joining(" / "));
        }

        /** What it does, in the language in use, as the shortcut sheet says it. */
        public String description() {
            return action == Action.SCREEN ? I18n.text(action.textKey, I18n.text("nav." + screen))
                    : I18n.text(action.textKey);
        }

        /** Whether {@code event}'s keys are one of this shortcut's. */
        public boolean matches(javafx.scene.input.KeyEvent event) {
            return keys.stream().anyMatch(combination -> combination.match(event));
        }
    }

    private Shortcuts() {
    }

    /** Every shortcut, in the order the sheet lists them: the screens first, then the rest. */
    public static List<Shortcut> all() {
        return ALL;
    }

    /** The shortcut that does {@code action} (for a screen, shows {@code screen}); the first if several do. */
    public static Shortcut of(Action action, String screen) {
        return ALL.stream().filter(shortcut -> shortcut.action() == action && shortcut.screen().equals(screen))
                .findFirst().orElseThrow();
    }

    /** {@code words} followed by the keys that do {@code action}, for a tooltip: "Refresh (F5 / Ctrl+R)". */
    public static String tooltip(String words, Action action, String screen) {
        return I18n.text("shortcut.tooltip", words, of(action, screen).keysText());
    }

    private static List<Shortcut> build() {
        List<Shortcut> shortcuts = new ArrayList<>();
        for (int i = 0; i < SCREENS.size(); i++) {
            shortcuts.add(new Shortcut(List.of(shortcut(DIGIT_ROW.get(i))), Action.SCREEN, SCREENS.get(i)));
        }
        shortcuts.add(one(Action.NEXT_SCREEN, shortcut(KeyCode.PAGE_DOWN)));
        shortcuts.add(one(Action.PREVIOUS_SCREEN, shortcut(KeyCode.PAGE_UP)));
        shortcuts.add(new Shortcut(List.of(new KeyCodeCombination(KeyCode.F5), shortcut(KeyCode.R)), Action.REFRESH,
                ""));
        shortcuts.add(one(Action.SEARCH, shortcut(KeyCode.F)));
        shortcuts.add(one(Action.TASKS, shortcut(KeyCode.T)));
        shortcuts.add(one(Action.SETTINGS, shortcut(KeyCode.COMMA)));
        shortcuts.add(new Shortcut(List.of(new KeyCodeCombination(KeyCode.F1), shortcut(KeyCode.SLASH)),
                Action.SHEET, ""));
        shortcuts.add(one(Action.ABOUT, shortcut(KeyCode.I)));
        return List.copyOf(shortcuts);
    }

    private static Shortcut one(Action action, KeyCombination keys) {
        return new Shortcut(List.of(keys), action, "");
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
