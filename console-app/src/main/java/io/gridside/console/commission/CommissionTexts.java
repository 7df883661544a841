package io.gridside.console.commission;

import io.gridside.console.I18n;

/**
 * The Commissioning screen's strings, read through {@link I18n} under the keys that begin {@code commission.} (their
 * file is {@code commission/commission.properties} beside the console's), so that a language chosen for the console
 * is the screen's language too.
 *
 * <p>KNOWN SHORTCOMING: what a step waits for, a step's refusal and a link check's reasons are sentences the
 * commissioning service and site-models write in English, shared with the command line; the screen shows them as
 * they come, so they stay English when the console's language changes.
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
