package io.gridside.console.imports;

/**
 * One thing wrong with an imported file, where it is: the technician fixes it in the file and imports again.
 *
 * @param line the file's line, from 1, where the row (or, inside a quoted field, the problem) is
 * @param field the column of the value at fault, or null when the row as a whole is
 * @param message what is wrong and what to write instead, as a sentence
 */
public record ImportProblem(int line, String field, String message) {

    @Override
    public String toString() {
        return "line " + line + (field == null ? "" : ", " + field) + ": " + message;
    }
}
