package io.gridside.site.tariff;

import io.gridside.site.WordedRefusal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One reason a tariff cannot be used, in English and, where it names one, as a sentence a console words in the
 * technician's language.
 *
 * @param field where in the tariff, as a path such as {@code versions[1].tou[2].to}
 * @param message the problem in English, for the log, the command line and the gateway's answer
 * @param reason the sentence's name, such as {@code tariff.negative}, or null for a problem that names none
 * @param values what goes in that sentence's places, in order
 */
public record TariffProblem(String field, String message, String reason, List<Object> values)
        implements WordedRefusal {

    public TariffProblem {
        values = values == null ? List.of() : Collections.unmodifiableList(Arrays.asList(values.toArray()));
    }

    /** A problem in English only, naming no sentence. */
    public TariffProblem(String field, String message) {
        this(field, message, null, List.of());
    }

    /** A problem that names its sentence {@code reason} with {@code values}. */
    public TariffProblem(String field, String message, String reason, Object... values) {
        this(field, message, reason, Arrays.asList(values));
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
