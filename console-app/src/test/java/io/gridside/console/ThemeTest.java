package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The themes' names in the settings file read back, and each theme carries the console's own style sheet. */
class ThemeTest {

    @Test
    void aThemeReadsBackFromItsKeyAndAnUnknownKeyGivesLight() {
        for (Theme theme : Theme.values()) {
            assertThat(Theme.ofKey(theme.key())).isEqualTo(theme);
        }
        assertThat(Theme.HIGH_CONTRAST.key()).isEqualTo("high-contrast");
        assertThat(Theme.ofKey("sepia")).isEqualTo(Theme.LIGHT);
        assertThat(Theme.ofKey(null)).isEqualTo(Theme.LIGHT);
    }

    @Test
    void everyThemeCarriesTheConsolesSheetAndTheLightAndHighContrastThemesTheirOverlays() {
        for (Theme theme : Theme.values()) {
            assertThat(theme.stylesheets().get(0)).endsWith("console.css");
            assertThat(theme.stylesheets()).as(theme.key()).hasSize(theme == Theme.DARK ? 1 : 2);
        }
        assertThat(Theme.HIGH_CONTRAST.stylesheets().get(1)).endsWith("high-contrast.css");
        assertThat(Theme.LIGHT.stylesheets().get(1)).endsWith("light.css");
    }
}
