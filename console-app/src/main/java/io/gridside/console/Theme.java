package io.gridside.console;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The console's looks: AtlantaFX's Primer themes for day and night, and a high-contrast variant for a screen in
 * bright sun. AtlantaFX has no high-contrast theme, so that one is Primer Light with a style sheet over it: black on
 * white, heavier borders and focus rings, larger letters. The light theme has a small sheet over it too, for the one
 * colour of Primer Light too pale to read on white. The console's own style sheet goes under each.
 */
public enum Theme {

    LIGHT(new PrimerLight().getUserAgentStylesheet(), "light.css"),
    DARK(new PrimerDark().getUserAgentStylesheet(), null),
    HIGH_CONTRAST(new PrimerLight().getUserAgentStylesheet(), "high-contrast.css");

    private static final String CONSOLE_CSS = "console.css";

    private final String userAgentStylesheet;
    private final String overlay;

    Theme(String userAgentStylesheet, String overlay) {
        this.userAgentStylesheet = userAgentStylesheet;
        this.overlay = overlay;
    }

    /** The theme whose {@link #key()} is {@code key}, or {@link #LIGHT} for none or one unknown. */
    public static Theme ofKey(String key) {
        for (Theme theme : values()) {
            if (theme.key().equals(key)) {
                return theme;
            }
        }
        return LIGHT;
    }

    /** The theme's name in the settings file and in the bundles' keys: "light", "dark", "high-contrast". */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The style sheets a scene of this theme carries, the console's own first. */
    public List<String> stylesheets() {
        List<String> sheets = new ArrayList<>();
        sheets.add(Theme.class.getResource(CONSOLE_CSS).toExternalForm());
        if (overlay != null) {
            sheets.add(Theme.class.getResource(overlay).toExternalForm());
        }
        return sheets;
    }

    /**
     * Puts this theme on the application and on {@code scene}. Call on the JavaFX thread; every open window follows,
     * for the theme's base is the application's.
     */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(userAgentStylesheet);
        scene.getStylesheets().setAll(stylesheets());
    }
}
