package io.gridside.console.service.commission;

import io.gridside.console.I18n;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A sentence the commissioning day says to the technician (what a step waits for), kept as its key in the
 * commission bundle and the values put in it: the screen shows it in the console's language, while the command
 * line, the log and the tests read it in English, from the same bundle's English file. A value may be a sentence
 * itself, such as the reason a refusal gives, and is worded in the same language.
 *
 * @param key  the key after {@code commission.}, such as {@code wait.customers}
 * @param args the values put in its {0}, {1} ... places
 */
public record CommissionSentence(String key, List<Object> args) {

    private static final String BUNDLE = "io.gridside.console.commission.commission";
    private static final String PREFIX = "commission.";

    public CommissionSentence {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static CommissionSentence of(String key, Object... args) {
        return new CommissionSentence(key, List.of(args));
    }

    /** The sentence in the console's language. */
    public String text() {
        return I18n.text(PREFIX + key, args.stream().map(CommissionSentence::textOf).toArray());
    }

    /** The sentence in English, as the command line prints it. */
    public String english() {
        String pattern = I18n.bundle(BUNDLE, Locale.ENGLISH).getString(PREFIX + key);
        // As the console's texts: a sentence without values is taken as written, quotes and all.
        return args.isEmpty() ? pattern
                : new MessageFormat(pattern, Locale.ENGLISH).format(args.stream().map(CommissionSentence::englishOf)
                        .toArray());
    }

    /** A value that is itself a sentence (a refusal's reason) is worded in the console's language. */
    private static Object textOf(Object arg) {
        return arg instanceof CommissionSentence sentence ? sentence.text() : arg;
    }

    private static Object englishOf(Object arg) {
        return arg instanceof CommissionSentence sentence ? sentence.english() : arg;
    }
}
