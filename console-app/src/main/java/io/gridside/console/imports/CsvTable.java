package io.gridside.console.imports;

import java.util.List;

/**
 * What a CSV file held: its well-formed records under the header, and every problem of its form. A record whose
 * form is broken is left out of {@code rows} and named in {@code problems}.
 */
public record CsvTable(List<CsvRow> rows, List<ImportProblem> problems) {

    public CsvTable {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
