package io.gridside.site.commission;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180) into records of fields, each with the line it starts on, so that a problem can be told
 * by the line a text editor shows. A quoted field may hold commas, doubled quotes and line breaks; a record's line
 * break is LF or CR LF. Blank lines are skipped. Written here because Jackson's CSV module, in the project's
 * Jackson line, is not among the dependencies the build resolves offline, and lines must be numbered as an editor
 * numbers them, which a record counter does not do once a quoted field holds a line break.
 */
final class CsvLines {

    /**
     * One record of the file.
     *
     * @param line   the line it starts on, from 1
     * @param fields its fields, unquoted
     */
    record Row(int line, List<String> fields) {
    }

    /** A CSV text that cannot be split: a quote left open, or text after a closing quote. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;
        private final int line;
        private final String reason;

        Malformed(int line, String reason, String message) {
            super(message);
            this.line = line;
            this.reason = reason;
        }

        int line() {
            return line;
        }

        /** The sentence's name of what is wrong, among a console's refusal texts. */
        String reason() {
            return reason;
        }
    }

    private CsvLines() {
    }

    static List<Row> split(String text) throws Malformed {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addUnlessBlank(rows, rowLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                afterQuote = false;
                line++;
                rowLine = line;
            } else if (afterQuote) {
                throw new Malformed(line, "customers.csv.afterQuote", "text follows a closing quote; a field with a "
                        + "quote in it is written in quotes with the quote doubled, as \"a \"\"b\"\" c\"");
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Malformed(rowLine, "customers.csv.unclosed", "a quote opened on this line is never closed");
        }
        if (field.length() > 0 || !fields.isEmpty() || afterQuote) {
            fields.add(field.toString());
            addUnlessBlank(rows, rowLine, fields);
        }
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isBlank()) {
            return;
        }
        rows.add(new Row(line, List.copyOf(fields)));
    }
}
