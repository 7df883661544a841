package io.gridside.console.sync;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The sync screen's and indicator's strings, from their own resource bundle beside the console's: the same rules as
 * {@link io.gridside.console.I18n}.
 *
 * <p>KNOWN SHORTCOMING: the bundle is read once in the default locale, so {@code I18n.use} does not switch the
 * sync texts' language; only English exists so far.
 */
final class SyncTexts {

    static final String BUNDLE = "io.gridside.console.sync.sync";

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());

    private SyncTexts() {
    }

    /** The text for {@code key}, with {@code args} put in its {0}, {1} ... places. */
    static String text(String key, Object... args) {
        String pattern;
        try {
            pattern = TEXTS.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, TEXTS.getLocale()).format(args);
    }
}
