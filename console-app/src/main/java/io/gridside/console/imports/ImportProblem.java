package io.gridside.console.imports;

import io.gridside.site.WordedRefusal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One thing wrong with an imported file, where it is: the technician fixes it in the file and imports again. It
 * names its sentence where it has one, so that the screen words it in the technician's language; its English
 * message is what the command line prints.
 *
 * @param line the file's line, from 1, where the row (or, inside a quoted field, the problem) is
 * @param field the column of the value at fault, or null when the row as a whole is
 * @param message what is wrong and what to write instead, as a sentence in English
 * @param reason the sentence's name among the refusals, such as {@code import.meter.unknown}, or null for none
 * @param values what goes in that sentence's places, in order
 */
public record ImportProblem(int line, String field, String message, String reason, List<Object> values)
        implements WordedRefusal {

    public ImportProblem {
        values = values == null ? List.of() : Collections.unmodifiableList(Arrays.asList(values.toArray()));
    }

    /** A problem in English only, naming no sentence. */
    public ImportProblem(int line, String field, String message) {
        this(line, field, message, null, List.of());
    }

    /** A problem that names its sentence {@code reason} with {@code values}. */
    public ImportProblem(int line, String field, String message, String reason, Object... values) {
        this(line, field, message, reason, Arrays.asList(values));
    }

    @Override
    public String toString() {
        return "line " + line + (field == null ? "" : ", " + field) + ": " + message;
    }
}
