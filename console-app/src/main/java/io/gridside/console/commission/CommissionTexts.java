package io.gridside.console.commission;

import io.gridside.console.I18n;

/**
 * The Commissioning screen's strings, read through {@link I18n} under the keys that begin {@code commission.} (their
 * file is {@code commission/commission.properties} beside the console's), so that a language chosen for the console
 * is the screen's language too.
 *
 * <p>What a step waits for ({@code commission.wait.*}), a link check's reasons ({@code commission.reason.*}, from
 * the check's findings) and the refusals of the assignment rules and the serial check ({@code commission.refusal.*},
 * from the refusal's reason and values) are keys here too; the command line prints the English of the same sentences.
 *
 * <p>KNOWN SHORTCOMING: a refusal that has no reason key (NOT_READY: a site or record closed, a gateway serving
 * another site) and the gateway's own refusals over the link ({@code COMMISSION_*}) still show the English sentence
 * they were written with.
 */
public final class CommissionTexts {

    /** What every key of the screen's strings begins with in the console's bundle. */
    static final String PREFIX = "commission.";

    private CommissionTexts() {
    }

    /** The text for {@code commission.key}, with {@code args} put in its {0}, {1} ... places. */
    public static String text(String key, Object... args) {
        return I18n.text(PREFIX + key, args);
    }
}
