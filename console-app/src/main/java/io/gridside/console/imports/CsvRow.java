package io.gridside.console.imports;

import java.util.Map;

/**
 * One record of a CSV file, its values by the header's column names.
 *
 * @param line the file's line where the record starts, from 1
 */
public record CsvRow(int line, Map<String, String> values) {

    public CsvRow {
        values = Map.copyOf(values);
    }

    /** The value under {@code column}, without the spaces around it. */
    public String get(String column) {
        return values.get(column).strip();
    }
}
