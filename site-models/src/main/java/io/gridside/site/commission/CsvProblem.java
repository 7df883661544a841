package io.gridside.site.commission;

import io.gridside.site.WordedRefusal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One problem of a customers CSV file, where it is: the line as a text editor numbers it (the header is line 1) and
 * the column by its header name, or empty for a problem of the whole line. It names its sentence where it has one,
 * so that a console words it in the technician's language; its English message is what the command line prints.
 *
 * @param line    the line, from 1
 * @param column  the column's header name, or empty
 * @param message what is wrong and what would be right, in one sentence in English
 * @param reason  the sentence's name among a console's refusal texts, such as {@code customers.phone}, or null
 * @param values  what goes in that sentence's places, in order
 */
public record CsvProblem(int line, String column, String message, String reason, List<Object> values)
        implements WordedRefusal {

    public CsvProblem {
        if (line < 1) {
            throw new IllegalArgumentException("Lines count from 1: " + line);
        }
        column = column == null ? "" : column;
        Objects.requireNonNull(message, "message");
        values = values == null ? List.of() : Collections.unmodifiableList(Arrays.asList(values.toArray()));
    }

    /** A problem in English only, naming no sentence. */
    public CsvProblem(int line, String column, String message) {
        this(line, column, message, null, List.of());
    }

    /** A problem that names its sentence {@code reason} with {@code values}. */
    public CsvProblem(int line, String column, String message, String reason, Object... values) {
        this(line, column, message, reason, Arrays.asList(values));
    }

    /** As the command line prints it: {@code line 4, phone: ...}. */
    @Override
    public String toString() {
        return "line " + line + (column.isEmpty() ? "" : ", " + column) + ": " + message;
    }
}
