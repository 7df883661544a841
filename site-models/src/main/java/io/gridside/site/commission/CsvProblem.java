package io.gridside.site.commission;

import java.util.Objects;

/**
 * One problem of a customers CSV file, where it is: the line as a text editor numbers it (the header is line 1) and
 * the column by its header name, or empty for a problem of the whole line.
 *
 * @param line    the line, from 1
 * @param column  the column's header name, or empty
 * @param message what is wrong and what would be right, in one sentence
 */
public record CsvProblem(int line, String column, String message) {

    public CsvProblem {
        if (line < 1) {
            throw new IllegalArgumentException("Lines count from 1: " + line);
        }
        column = column == null ? "" : column;
        Objects.requireNonNull(message, "message");
    }

    /** As the command line prints it: {@code line 4, phone: ...}. */
    @Override
    public String toString() {
        return "line " + line + (column.isEmpty() ? "" : ", " + column) + ": " + message;
    }
}
