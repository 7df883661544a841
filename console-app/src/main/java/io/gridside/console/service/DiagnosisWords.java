package io.gridside.console.service;

import io.gridside.console.I18n;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.Outage;
import java.util.List;

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
        return worded(competing.reason(), competing.values(), competing.why());
    }

    /**
     * The fact {@code evidence} states, in the language in use. KNOWN SHORTCOMING: only the facts of a fixed form
     * (no loss, a lone meter, a gateway down, a supply failed) name their sentence; the others (a plant window with
     * its times, counts of meters lost and back, the mesh's branches) are built from English fragments and stay so.
     */
    public static String evidence(Evidence evidence) {
        return worded(evidence.reason(), evidence.values(), evidence.text());
    }

    private static String worded(String reason, List<String> values, String english) {
        String key = PREFIX + reason;
        return reason != null && I18n.has(key) ? I18n.text(key, values.toArray()) : english;
    }
}
