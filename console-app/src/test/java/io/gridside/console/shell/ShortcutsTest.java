package io.gridside.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.shell.Shortcuts.Action;
import io.gridside.console.shell.Shortcuts.Shortcut;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The keyboard shortcuts: one for each screen, none that types text, no keys taken twice, each said in words. */
class ShortcutsTest {

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void everyScreenOfTheNavigationRowHasItsShortcut() {
        assertThat(Shortcuts.all()).filteredOn(shortcut -> shortcut.action() == Action.SCREEN)
                .extracting(Shortcut::screen).containsExactlyElementsOf(Shortcuts.SCREENS);
    }

    @Test
    void everyShortcutHoldsTheShortcutModifierOrIsAFunctionKey() {
        List<KeyCombination> keys = Shortcuts.all().stream().flatMap(shortcut -> shortcut.keys().stream()).toList();

        assertThat(keys).allSatisfy(combination -> assertThat(
                combination.getShortcut() == KeyCombination.ModifierValue.DOWN
                        || ((KeyCodeCombination) combination).getCode().isFunctionKey())
                .as("%s", combination).isTrue());
    }

    @Test
    void noTwoShortcutsShareKeys() {
        List<KeyCombination> keys = Shortcuts.all().stream().flatMap(shortcut -> shortcut.keys().stream()).toList();

        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void theSheetSaysWhatEachDoesInTheLanguageInUse() {
        Shortcut meters = Shortcuts.of(Action.SCREEN, "meters");
        assertThat(meters.description()).isEqualTo("Show the Meters screen");

        I18n.use(Locale.FRENCH);

        assertThat(meters.description()).isEqualTo("Afficher l'écran Compteurs");
        assertThat(Shortcuts.all()).extracting(Shortcut::description).doesNotHaveDuplicates()
                .allSatisfy(words -> assertThat(words).isNotBlank());
    }

    @Test
    void aTooltipNamesTheKeys() {
        assertThat(Shortcuts.tooltip("Refresh", Action.REFRESH, "")).startsWith("Refresh (F5 / ")
                .endsWith("R)");
    }
}
