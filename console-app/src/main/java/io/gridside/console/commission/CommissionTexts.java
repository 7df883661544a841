package io.gridside.console.commission;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Commissioning screen's strings, from their own resource bundle beside the console's: the same rules as
 * {@link io.gridside.console.I18n}.
 *
 * <p>KNOWN SHORTCOMING: the bundle is read once in the default locale, so {@code I18n.use} does not switch these
 * texts' language; only English exists so far.
 */
public final class CommissionTexts {

    static final String BUNDLE = "io.gridside.console.commission.commission";

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());

    private CommissionTexts() {
    }

    /** The text for {@code key}, with {@code args} put in its {0}, {1} ... places. */
    public static String text(String key, Object... args) {
        String pattern;
        try {
            pattern = TEXTS.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, TEXTS.getLocale()).format(args);
    }
}
