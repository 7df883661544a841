package io.gridside.console;

import io.gridside.link.client.LinkException;
import io.gridside.site.WordedRefusal;
import java.io.IOException;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A failure as a sentence for the technician, with the code they read out to support; never a stack trace.
 *
 * <p>A link failure and a gateway's refusal are worded from their codes in the bundles ({@code error.link.CODE},
 * {@code error.gateway.CODE}), so they read in the technician's language. In English the link's own sentence is
 * kept: it was written in English with the particulars (the address, the limit passed) that a code's sentence
 * leaves out, and those particulars are in the log for support whatever the language.
 *
 * <p>A refusal of the site models or the services that names its sentence ({@link WordedRefusal}) is worded from
 * {@code refused.REASON} with the values it keeps, in any language but English, where its own sentence is kept as
 * the command line and the log read it.
 *
 * <p>A file the JDK could not find, open or read as text is named in a sentence of the console's, in every language,
 * English included: the JDK's own words are a bare path or the system's, which are kept for the log.
 */
public final class Failures {

    /** Where a refusal's sentence is among the console's texts: {@code refused.REASON}. */
    private static final String REFUSED = "refused.";

    private Failures() {
    }

    /** {@code failure} in a sentence of the language in use, with its code in brackets where it has one. */
    public static String describe(Throwable failure) {
        if (failure instanceof LinkException link) {
            return link(link);
        }
        if (failure instanceof WordedRefusal worded && worded(worded)) {
            return worded(worded, failure.getMessage());
        }
        Optional<String> file = FileFailures.words(failure);
        if (file.isPresent()) {
            return file.get();
        }
        if (failure instanceof IOException || failure instanceof IllegalArgumentException
                || failure instanceof NoSuchElementException || failure instanceof RuntimeException
                && failure.getClass().getPackageName().startsWith("io.gridside")) {
            // KNOWN SHORTCOMING: the refusals a technician meets on screen name their sentence, and so does a file
            // the JDK could not find, open or read as text; what still reads in its own English here is the rest:
            // another of the JDK's input and output failures (a folder read as a file, a file cut short, a network
            // failure), and the rare states no screen leads to (a history window the wrong way round, a journal
            // with no site). The Sync screen words a cloud refused by its pin or address itself.
            return failure.getMessage();
        }
        return I18n.text("error.unexpected", failure.getClass().getSimpleName());
    }

    /**
     * {@code refusal} in the language in use: worded from {@code refused.REASON} with the values it keeps in any
     * language but English, else {@code english}, its own sentence, as the log and the command line read it.
     */
    public static String worded(WordedRefusal refusal, String english) {
        return worded(refusal)
                ? I18n.text(REFUSED + refusal.reason(), refusal.values().stream().map(Sentence::word).toArray())
                : english;
    }

    /**
     * A problem of a file's line, as a screen lists it ({@code line 4, phone: ...}), with the problem worded as
     * {@link #worded} words it: in English exactly as the command line prints it.
     *
     * @param column the column at fault, or null or empty for the line as a whole
     */
    public static String atLine(int line, String column, WordedRefusal problem, String english) {
        String words = worded(problem, english);
        return column == null || column.isEmpty() ? I18n.text("problem.line", Integer.toString(line), words)
                : I18n.text("problem.lineColumn", Integer.toString(line), column, words);
    }

    private static boolean worded(WordedRefusal refusal) {
        return refusal.reason() != null && !Locale.ENGLISH.equals(I18n.locale())
                && I18n.has(REFUSED + refusal.reason());
    }

    /**
     * A failure's own words: worded in the language in use when it is a link failure or a refusal that names its
     * sentence, else its message as written (a date the JDK could not read, a rule not worded yet), never the
     * sentence for an unexpected error, which a screen that words its failures has already given.
     */
    public static String words(Throwable failure) {
        return failure instanceof WordedRefusal || failure instanceof LinkException
                || FileFailures.words(failure).isPresent() ? describe(failure) : failure.getMessage();
    }

    /**
     * {@code failure} as a gateway's refusal reads: in English the gateway's own sentence with its code after it, as
     * the gateway wrote it for the technician; otherwise as {@link #describe} words it.
     */
    public static String refusal(Throwable failure) {
        if (failure instanceof LinkException link && link.gatewayCode() != null
                && Locale.ENGLISH.equals(I18n.locale())) {
            String text = link.getMessage().replaceFirst("\\s*\\(" + link.gatewayCode() + "\\)\\s*$", "").strip();
            return text + (text.endsWith(".") ? "" : ".") + " [" + link.gatewayCode() + "]";
        }
        return describe(failure);
    }

    /** A refusal kept as an argument of a {@link Sentence}, worded by {@link #refusal} when the sentence is read. */
    public record Refusal(Throwable failure) {
    }

    private static String link(LinkException link) {
        if (Locale.ENGLISH.equals(I18n.locale())) {
            return link.getMessage() + " [" + link.code() + "]";
        }
        String gatewayKey = "error.gateway." + link.gatewayCode();
        String words = link.gatewayCode() != null && I18n.has(gatewayKey) ? I18n.text(gatewayKey)
                : I18n.text("error.link." + link.code().name());
        return words + " [" + code(link) + "]";
    }

    private static String code(LinkException link) {
        return link.gatewayCode() == null ? link.code().name() : link.gatewayCode();
    }
}
