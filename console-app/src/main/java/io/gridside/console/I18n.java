package io.gridside.console;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Every string the technician sees, from the console's resource bundles in the chosen language. The console's texts
 * live in several bundles (one for most screens, and one each for the screens whose texts outgrew it); this one
 * reader looks a key up in all of them, so {@link #use} switches every screen's language together.
 *
 * <p>A pattern is put through {@link MessageFormat} only when arguments are given, so a pattern that takes
 * arguments writes an apostrophe as {@code ''} and one that takes none writes it as {@code '}.
 */
public final class I18n {

    /** The bundles, each a base name beside its English file; no key is in two of them. */
    public static final List<String> BUNDLES = List.of(
            "io.gridside.console.messages",
            "io.gridside.console.views",
            "io.gridside.console.firmware.firmware",
            "io.gridside.console.sync.sync",
            "io.gridside.console.commission.commission",
            "io.gridside.console.pages",
            "io.gridside.console.refusals");

    /** The languages the console speaks, English first: every bundle has a file for each of the others. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("pt"),
            Locale.forLanguageTag("sw"));

    /**
     * Never falls back to the computer's own locale: on a French laptop a technician who chose English must get the
     * English base files, not the French ones.
     */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Language current = Language.of(supported(Locale.getDefault()));

    /** The language in use, for what keeps a sentence as a key and writes it again when the language changes. */
    private static final ReadOnlyObjectWrapper<Locale> LANGUAGE = new ReadOnlyObjectWrapper<>(current.locale());

    private I18n() {
    }

    /** Switches every bundle to {@code locale} (or English, for a language the console does not speak). */
    public static void use(Locale locale) {
        current = Language.of(supported(locale));
        LANGUAGE.set(current.locale());
    }

    /**
     * The language in use, changing when {@link #use} switches it; a listener on it is called on the thread that
     * switched, the JavaFX thread in the console. Listen weakly: it lives as long as the console.
     */
    public static ReadOnlyObjectProperty<Locale> languageProperty() {
        return LANGUAGE.getReadOnlyProperty();
    }

    /** Whether some bundle has {@code key}: for texts looked up by a code that only some codes have. */
    public static boolean has(String key) {
        return current.pattern(key) != null;
    }

    /**
     * The pattern for {@code key} in the language in use, unformatted, or null when no bundle has it: for a text whose
     * arguments are written according to the places its pattern declares, such as {@code {1,number}}.
     */
    public static String pattern(String key) {
        return current.pattern(key);
    }

    /** The language the texts are in now; numbers, dates and money are written as it writes them. */
    public static Locale locale() {
        return current.locale();
    }

    /** The one of {@link #LANGUAGES} that speaks {@code locale}'s language, English for any other. */
    public static Locale supported(Locale locale) {
        return LANGUAGES.stream().filter(language -> language.getLanguage().equals(locale.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }

    /** The bundle {@code baseName} in {@code locale}, falling back only to its English base file. */
    public static ResourceBundle bundle(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale, NO_FALLBACK);
    }

    /** The text for {@code key}, with {@code args} put in its {0}, {1} ... places. */
    public static String text(String key, Object... args) {
        Language language = current;
        String pattern = language.pattern(key);
        if (pattern == null) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }

    /** One language's bundles, looked up in order. */
    private record Language(Locale locale, List<ResourceBundle> bundles) {

        static Language of(Locale locale) {
            return new Language(locale, BUNDLES.stream().map(name -> bundle(name, locale)).toList());
        }

        String pattern(String key) {
            for (ResourceBundle bundle : bundles) {
                try {
                    return bundle.getString(key);
                } catch (MissingResourceException e) {
                    // Not in this bundle: the next one may have it.
                }
            }
            return null;
        }
    }
}
