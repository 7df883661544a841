package io.gridside.console.cli;

import io.gridside.console.GridsideApp;
import io.gridside.console.I18n;
import io.gridside.console.Theme;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The window's language and theme for one launch, shared by the plain console and {@code demo}: they take the
 * place of the settings' for as long as the window is open, and are not kept for the next start unless the
 * technician switches in the console.
 */
final class AppearanceOptions {

    /** The language tags {@code --lang} takes: the console's languages. */
    static final List<String> LANGUAGES = I18n.LANGUAGES.stream().map(Locale::toLanguageTag).toList();
    /** The theme names {@code --theme} takes. */
    static final List<String> THEMES = Arrays.stream(Theme.values()).map(Theme::key).toList();

    @Option(names = "--lang", paramLabel = "en|fr|pt|sw", description = "The window's language for this launch "
            + "(English, French, Portuguese or Swahili), in place of the one the settings keep; not kept.")
    String language;

    @Option(names = "--theme", paramLabel = "light|dark|high-contrast", description = "The window's theme for this "
            + "launch (high-contrast for bright sun), in place of the one the settings keep; not kept.")
    String theme;

    /** Hands the choices to the window about to open, having checked them. */
    void applyToWindow() {
        check();
        GridsideApp.useForThisLaunch(language, theme);
    }

    /** Refuses a language the console does not speak or a theme it does not have, naming those it has. */
    void check() {
        if (language != null && !LANGUAGES.contains(language)) {
            throw new UsageException("--lang takes one of " + String.join(", ", LANGUAGES) + ", not '" + language
                    + "'.");
        }
        if (theme != null && !THEMES.contains(theme)) {
            throw new UsageException("--theme takes one of " + String.join(", ", THEMES) + ", not '" + theme + "'.");
        }
    }

    /** Whether either was given. */
    boolean given() {
        return language != null || theme != null;
    }
}
