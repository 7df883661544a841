package io.gridside.console;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string the technician sees, from the console's resource bundles in the chosen language: the console's own,
 * then the Commissioning screen's, whose texts did not fit in it. One reader for both, so that {@link #use}
 * switches both together.
 */
public final class I18n {

    /** The bundles a key is looked up in, in order; no key is in two of them. */
    static final List<String> BUNDLES = List.of("io.gridside.console.messages",
            "io.gridside.console.commission.commission");

    private static volatile List<ResourceBundle> bundles = load(Locale.getDefault());

    private I18n() {
    }

    private static List<ResourceBundle> load(Locale locale) {
        return BUNDLES.stream().map(name -> ResourceBundle.getBundle(name, locale)).toList();
    }

    public static void use(Locale locale) {
        bundles = load(locale);
    }

    /** The text for {@code key}, with {@code args} put in its {0}, {1} ... places. */
    public static String text(String key, Object... args) {
        for (ResourceBundle bundle : bundles) {
            String pattern;
            try {
                pattern = bundle.getString(key);
            } catch (MissingResourceException e) {
                // Not in this bundle: the next one may have it.
                continue;
            }
            return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
        }
        return "!" + key + "!";
    }
}
