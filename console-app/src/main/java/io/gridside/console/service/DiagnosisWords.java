package io.gridside.console.service;

import io.gridside.console.I18n;
import io.gridside.site.outage.Outage;

/**
 * The outage diagnosis's sentences in the language in use, where the site models name them: worded from
 * {@code diagnosis.REASON} with the values kept, else as the diagnosis wrote them in English.
 */
public final class DiagnosisWords {

    private static final String PREFIX = "diagnosis.";

    private DiagnosisWords() {
    }

    /** Why {@code competing} fits the outage too, in the language in use. */
    public static String why(Outage.Competing competing) {
        String key = PREFIX + competing.reason();
        return competing.reason() != null && I18n.has(key) ? I18n.text(key, competing.values().toArray())
                : competing.why();
    }
}
