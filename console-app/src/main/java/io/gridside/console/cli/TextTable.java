package io.gridside.console.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for the terminal: each column as wide as its widest cell, the first {@code leftColumns} aligned left
 * (names, ids) and the rest right (figures), two spaces between columns.
 */
final class TextTable {

    private final int leftColumns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(int leftColumns, String... header) {
        this.leftColumns = leftColumns;
        rows.add(List.of(header));
    }

    TextTable add(List<String> row) {
        rows.add(List.copyOf(row));
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(i < leftColumns ? cell + pad : pad + cell);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
