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

    /**
     * A part of the text that cannot be split: a quote left open, or text after a closing quote.
     *
     * @param line    the line it is on, from 1
     * @param reason  the sentence's name of what is wrong, among a console's refusal texts
     * @param message what is wrong and how it is written instead, in English
     * @param values  the values the sentence names
     */
    record Malformed(int line, String reason, String message, Object... values) {
    }

    /**
     * What {@link #split} made of a text: its records, and the parts it could not split and passed over.
     *
     * @param rows      the records, in order
     * @param malformed the parts passed over, in order; empty for a well-formed text
     */
    record Split(List<Row> rows, List<Malformed> malformed) {
    }

    private CsvLines() {
    }

    /**
     * Splits {@code text} into records. A malformed record does not end the work: text after a closing quote drops
     * its record, and a quote never closed drops only the line it opened on (the text after that line is split
     * afresh), so one mistyped line does not hide the problems of every line below it.
     */
    static Split split(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        int from = 0;
        int line = 1;
        while (from < body.length()) {
            Pass pass = new Pass(body, from, line, rows, malformed);
            if (pass.run()) {
                break;
            }
            from = pass.resumeAt;
            line = pass.resumeLine;
        }
        return new Split(rows, malformed);
    }

    /** One run of the splitter from a place in the text to its end, or to a quote that is never closed. */
    private static final class Pass {

        private final String body;
        private final List<Row> rows;
        private final List<Malformed> malformed;
        private int index;
        private int line;
        private int resumeAt;
        private int resumeLine;

        Pass(String body, int from, int line, List<Row> rows, List<Malformed> malformed) {
            this.body = body;
            this.index = from;
            this.line = line;
            this.rows = rows;
            this.malformed = malformed;
        }

        /**
         * Splits to the end and says true, or stops at a quote that is never closed, or that closes on a later line
         * only to be followed by text, and says false.
         */
        boolean run() {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int rowLine = line;
            int rowStart = index;
            boolean quoted = false;
            boolean afterQuote = false;
            boolean dropping = false;
            for (; index < body.length(); index++) {
                char c = body.charAt(index);
                if (quoted) {
                    if (c == '"' && index + 1 < body.length() && body.charAt(index + 1) == '"') {
                        field.append('"');
                        index++;
                    } else if (c == '"') {
                        quoted = false;
                        afterQuote = true;
                    } else {
                        line += c == '\n' ? 1 : 0;
                        field.append(c);
                    }
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && index + 1 < body.length() && body.charAt(index + 1) == '\n') {
                        index++;
                    }
                    fields.add(field.toString());
                    if (!dropping) {
                        addUnlessBlank(rows, rowLine, fields);
                    }
                    fields = new ArrayList<>();
                    field.setLength(0);
                    afterQuote = false;
                    dropping = false;
                    line++;
                    rowLine = line;
                    rowStart = index + 1;
                } else if (dropping) {
                    continue;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (afterQuote && line > rowLine) {
                    malformed.add(new Malformed(rowLine, "customers.csv.closesLate", "a quote opened on this line "
                            + "closes only on line " + line + ", where text follows it; it is most likely never closed",
                            Integer.toString(line)));
                    return resumeAfter(rowStart, rowLine);
                } else if (afterQuote) {
                    malformed.add(new Malformed(line, "customers.csv.afterQuote", "text follows a closing quote; a "
                            + "field with a quote in it is written in quotes with the quote doubled, "
                            + "as \"a \"\"b\"\" c\""));
                    dropping = true;
                } else if (c == '"' && field.length() == 0) {
                    quoted = true;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                malformed.add(new Malformed(rowLine, "customers.csv.unclosed",
                        "a quote opened on this line is never closed"));
                return resumeAfter(rowStart, rowLine);
            }
            if (!dropping && (field.length() > 0 || !fields.isEmpty() || afterQuote)) {
                fields.add(field.toString());
                addUnlessBlank(rows, rowLine, fields);
            }
            return true;
        }

        /** Ends this pass, for the next to start on the line after {@code rowLine}, which starts at {@code from}. */
        private boolean resumeAfter(int from, int rowLine) {
            int at = from;
            while (at < body.length() && body.charAt(at) != '\n') {
                at++;
            }
            resumeAt = at + 1;
            resumeLine = rowLine + 1;
            return false;
        }
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
        if (fields.size() == 1 && fields.get(0).isBlank()) {
            return;
        }
        rows.add(new Row(line, List.copyOf(fields)));
    }
}
