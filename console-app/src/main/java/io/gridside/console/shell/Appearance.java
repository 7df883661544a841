package io.gridside.console.shell;

import io.gridside.console.I18n;
import io.gridside.console.Retext;
import io.gridside.console.Theme;
import io.gridside.console.service.Settings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.Scene;

/**
 * The console's language and theme: read from the settings when the window opens, switched from the settings menu
 * at once, and written back to the settings for the next start. A language switch builds the screens again on the
 * same view models ({@link ScreenModels}) and shows the screen that was open, so nothing loaded or typed is lost.
 */
public final class Appearance {

    /** The setting that keeps the language, as a language tag: "en", "fr", "pt", "sw". */
    public static final String SETTING_LANGUAGE = "console.language";
    /** The setting that keeps the theme, as {@link Theme#key()} writes it. */
    public static final String SETTING_THEME = "console.theme";

    private final SessionViewModel session;
    private final ScreenModels models;
    private final Settings settings;
    private Theme theme;
    private Scene scene;

    private Appearance(SessionViewModel session, ScreenModels models) {
        this.session = session;
        this.models = models;
        this.settings = session.settings();
        this.theme = Theme.ofKey(settings.get(SETTING_THEME, Theme.LIGHT.key()));
    }

    /**
     * The appearance the settings of {@code session} ask for, its language in use before {@code models} makes the
     * screens' view models, so that everything they write is in it; a setting that names no language the console
     * speaks leaves the language as it is.
     */
    public static Appearance fromSettings(SessionViewModel session, Supplier<ScreenModels> models) {
        String language = session.settings().get(SETTING_LANGUAGE, "");
        if (!language.isEmpty()) {
            I18n.use(Locale.forLanguageTag(language));
        }
        return new Appearance(session, models.get());
    }

    /**
     * Themes {@code scene} and puts the console's frame in it, and keeps it for later switches. The theme comes
     * first: the mesh view takes its colours from the scene's style sheets when it joins the scene.
     */
    public void attach(Scene scene) {
        this.scene = scene;
        scene.getProperties().put(Appearance.class, this);
        rebuild();
    }

    /** The appearance attached to {@code scene}, if one is. */
    public static Optional<Appearance> of(Scene scene) {
        return Optional.ofNullable((Appearance) scene.getProperties().get(Appearance.class));
    }

    /** The session the console's frame shows. */
    SessionViewModel session() {
        return session;
    }

    public Theme theme() {
        return theme;
    }

    /** The folder of the technician's site data, as the about screen shows it. */
    public Path dataFolder() {
        return session.dirs().data();
    }

    /**
     * Puts the console in {@code language} at once and keeps the choice. Call on the JavaFX thread.
     *
     * <p>The screens are built again in the new language, the view models that can write their texts again do
     * ({@link io.gridside.console.Retext}), and a connected session pulls again, so that what the view models wrote
     * from the last pull (the mesh's time, a summary) is written again in it. A message a view model wrote after an
     * action (a receipt saved, an import's result, a refusal) is kept as a {@link io.gridside.console.Message} and
     * follows the switch by itself.
     */
    public void useLanguage(Locale language) {
        I18n.use(language);
        keep(SETTING_LANGUAGE, I18n.locale().toLanguageTag());
        if (scene != null) {
            rebuild();
            models.retexting().forEach(Retext::retext);
            session.refresh();
        }
    }

    /** Puts the console in {@code chosen} theme at once and keeps the choice. Call on the JavaFX thread. */
    public void useTheme(Theme chosen) {
        theme = chosen;
        keep(SETTING_THEME, chosen.key());
        if (scene != null) {
            // The mesh view draws its colours from the theme when it is built: building the frame again restyles it.
            rebuild();
        }
    }

    /** Themes the scene, then builds the frame again in the language in use and shows the screen that was open. */
    private void rebuild() {
        String shown = scene.getRoot() instanceof MainView frame ? frame.shown() : null;
        theme.apply(scene);
        MainView frame = new MainView(session, models, new SettingsMenu(this));
        scene.setRoot(frame);
        if (shown != null) {
            frame.show(shown);
        }
    }

    /** Writes a setting off the JavaFX thread: the settings file is written whole on each change. */
    private void keep(String key, String value) {
        CompletableFuture.runAsync(() -> settings.put(key, value));
    }
}
