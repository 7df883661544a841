package io.gridside.console;

import io.gridside.link.client.LinkException;
import java.io.IOException;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * A failure as a sentence for the technician, with the code they read out to support; never a stack trace.
 *
 * <p>A link failure and a gateway's refusal are worded from their codes in the bundles ({@code error.link.CODE},
 * {@code error.gateway.CODE}), so they read in the technician's language. In English the link's own sentence is
 * kept: it was written in English with the particulars (the address, the limit passed) that a code's sentence
 * leaves out, and those particulars are in the log for support whatever the language.
 */
public final class Failures {

    private Failures() {
    }

    /** {@code failure} in a sentence of the language in use, with its code in brackets where it has one. */
    public static String describe(Throwable failure) {
        if (failure instanceof LinkException link) {
            return link(link);
        }
        if (failure instanceof IOException || failure instanceof IllegalArgumentException
                || failure instanceof NoSuchElementException || failure instanceof RuntimeException
                && failure.getClass().getPackageName().startsWith("io.gridside")) {
            // KNOWN SHORTCOMING: the site models' and services' own refusals carry no code and read in English.
            return failure.getMessage();
        }
        return I18n.text("error.unexpected", failure.getClass().getSimpleName());
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
