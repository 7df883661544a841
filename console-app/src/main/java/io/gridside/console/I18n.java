package io.gridside.console;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every string the technician sees, from the console's resource bundle in the chosen language. */
public final class I18n {

    private static volatile ResourceBundle bundle = load(Locale.getDefault());

    private I18n() {
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle("io.gridside.console.messages", locale);
    }

    public static void use(Locale locale) {
        bundle = load(locale);
    }

    /** The text for {@code key}, with {@code args} put in its {0}, {1} ... places. */
    public static String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
