package io.gridside.console;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A sentence the console shows, kept as its key in the bundles and its arguments rather than as words, so that it
 * can be written in whichever language is in use when it is read: a receipt saved before a language switch reads in
 * the new language after it. An argument that is itself a sentence, or a failure, is worded at that moment too.
 *
 * @param key the key in the bundles, or null for a sentence that is its arguments as they read, one after another
 * @param args the arguments put in the key's {0}, {1} ... places
 */
public record Sentence(String key, List<Object> args) {

    /** No sentence: reads as nothing. */
    public static final Sentence NONE = verbatim("");

    public Sentence {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    /** The text of {@code key} with {@code args}, worded when it is read. */
    public static Sentence of(String key, Object... args) {
        return new Sentence(key, Arrays.asList(args));
    }

    /**
     * Words that need no translation, or came from outside the console in the only language they have (a file's own
     * error line, a name).
     */
    public static Sentence verbatim(String text) {
        return new Sentence(null, Arrays.asList(text));
    }

    /** What the technician reads about {@code failure}, worded as {@link Failures#describe} words it. */
    public static Sentence failure(Throwable failure) {
        return new Sentence(null, Arrays.asList(failure));
    }

    /** What the technician reads about a gateway's refusal, worded as {@link Failures#refusal} words it. */
    public static Sentence refusal(Throwable failure) {
        return new Sentence(null, Arrays.asList(new Failures.Refusal(failure)));
    }

    /** {@code parts} one after another, each worded when the whole is read. */
    public static Sentence joined(Sentence... parts) {
        return new Sentence(null, Arrays.asList((Object[]) parts));
    }

    /**
     * Words that a screen puts together from parts worded elsewhere (a list of a file's problems, a refusal inside a
     * step's sentence), written only when the sentence is read, so that they follow a language switch too.
     */
    @FunctionalInterface
    public interface Later {

        /** The words in the language in use now. */
        String words();
    }

    /** The words {@code later} writes, written each time the sentence is read. */
    public static Sentence later(Later later) {
        return new Sentence(null, Arrays.asList(later));
    }

    /**
     * An amount kept in minor units, as an argument of a sentence: written as the language in use writes money each
     * time the sentence is read, so a message kept across a language switch reads "KES 1,234.50" in English and
     * "1 234,50 KES" in French.
     */
    public record Money(long minor, String currency) {
    }

    /** An amount to keep among a sentence's arguments, written as money whenever the sentence is read. */
    public static Money money(long minor, String currency) {
        return new Money(minor, currency);
    }

    /** The sentence in the language in use now. */
    public String text() {
        if (key == null) {
            return args.stream().map(arg -> String.valueOf(word(arg))).filter(words -> !words.isEmpty())
                    .collect(Collectors.joining(" "));
        }
        return I18n.text(key, args.stream().map(Sentence::word).toArray());
    }

    /** An argument as it reads now: a sentence, a failure or an amount worded in the language in use. */
    static Object word(Object arg) {
        if (arg instanceof Sentence sentence) {
            return sentence.text();
        }
        if (arg instanceof Money money) {
            return Formats.money(money.minor(), money.currency());
        }
        if (arg instanceof Later later) {
            return later.words();
        }
        if (arg instanceof Failures.Refusal refusal) {
            return Failures.refusal(refusal.failure());
        }
        if (arg instanceof Throwable failure) {
            return Failures.describe(failure);
        }
        return arg == null ? "" : arg;
    }
}
