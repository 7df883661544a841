package io.gridside.console.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict reader of CSV as RFC 4180 writes it: UTF-8 text (a byte order mark at the start is skipped, as
 * spreadsheets write one), records ended by CRLF or LF, fields separated by commas, a field that holds a comma,
 * a quote or a line break wrapped in double quotes with its quotes doubled. Blank lines are skipped. The first
 * record is the header, which must name every required column (in any order, any case; other columns are
 * ignored). Every other record must have as many fields as the header.
 *
 * <p>It never guesses: a quote inside an unquoted field, text after a closing quote, a carriage return without its
 * line feed, a record of the wrong length or a quoted field never closed is a problem named by its line (the line
 * where the record starts, or where the problem is inside a multi-line record), and that record is left out.
 */
public final class CsvReader {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final List<String> columns;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<CsvRow> rows = new ArrayList<>();
    private List<String> header;

    /** One record as the scanner found it, or the problem that broke it. */
    private record Record(int line, List<String> fields, ImportProblem problem) {
    }

    private CsvReader(List<String> columns) {
        this.columns = columns;
    }

    /** Reads {@code bytes} as a CSV file whose header must name {@code columns} (lower case). */
    public static CsvTable read(byte[] bytes, List<String> columns) {
        CsvReader reader = new CsvReader(columns);
        String text = reader.decode(bytes);
        if (text != null) {
            reader.take(new Scanner(text).records());
        }
        return new CsvTable(reader.rows, reader.problems);
    }

    /** The file as text, or null (with the problem noted) when it is not UTF-8. */
    private String decode(byte[] bytes) {
        int start = startsWithBom(bytes) ? BOM.length : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            problems.add(new ImportProblem(lineOfByte(bytes, in.position()), null, "this is not UTF-8 text; save "
                    + "the file as CSV in UTF-8 (spreadsheets call it \"CSV UTF-8\") and import it again.",
                    "import.csv.notUtf8"));
            return null;
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    private static int lineOfByte(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private void take(List<Record> records) {
        for (Record record : records) {
            if (header == null) {
                if (record.problem() != null) {
                    problems.add(record.problem());
                    return;
                }
                takeHeader(record);
                if (header == null) {
                    return;
                }
            } else if (record.problem() != null) {
                problems.add(record.problem());
            } else {
                takeRow(record);
            }
        }
        if (header == null && problems.isEmpty()) {
            problems.add(new ImportProblem(1, null, "the file is empty; its first line must name the columns "
                    + String.join(",", columns) + ".", "import.csv.empty", String.join(",", columns)));
        }
    }

    private void takeHeader(Record record) {
        List<String> names = record.fields().stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> seen = new HashMap<>();
        for (String name : names) {
            if (!name.isEmpty() && seen.merge(name, 1, Integer::sum) == 2) {
                problems.add(new ImportProblem(record.line(), name, "the header names column " + name
                        + " twice; keep one.", "import.csv.twice", name));
            }
        }
        List<String> missing = columns.stream().filter(column -> !names.contains(column)).toList();
        if (!missing.isEmpty()) {
            problems.add(new ImportProblem(record.line(), String.join(",", missing), "the header lacks column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; the first line must name "
                    + "the columns " + String.join(",", columns) + ".", "import.csv.lacks", String.join(", ", missing),
                    String.join(",", columns)));
        }
        if (problems.isEmpty()) {
            header = names;
        }
    }

    private void takeRow(Record record) {
        if (record.fields().size() != header.size()) {
            problems.add(new ImportProblem(record.line(), null, "this row has " + record.fields().size()
                    + " fields where the header has " + header.size() + "; a comma too many or too few, or a value "
                    + "with a comma that is not quoted.", "import.csv.fields", record.fields().size(), header.size()));
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.putIfAbsent(header.get(i), record.fields().get(i));
        }
        rows.add(new CsvRow(record.line(), values));
    }

    /** Cuts text into records, one character at a time, counting lines. */
    private static final class Scanner {

        private final String text;
        private final List<Record> records = new ArrayList<>();
        private List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private int position;
        private int line = 1;
        private int recordLine = 1;
        /** The current field began with a quote; its closing quote has not come yet while {@code inQuotes}. */
        private boolean quoted;
        private boolean inQuotes;
        private int quoteLine;
        private ImportProblem problem;

        Scanner(String text) {
            this.text = text;
        }

        List<Record> records() {
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (inQuotes) {
                    inQuoted(c);
                } else {
                    outsideQuotes(c);
                }
            }
            if (inQuotes) {
                records.add(new Record(recordLine, List.of(), new ImportProblem(quoteLine, null, "a quoted field "
                        + "opens here and is never closed; close it with a double quote, and double any quote "
                        + "inside it.", "import.csv.unclosed")));
            } else if (!fields.isEmpty() || field.length() > 0 || quoted) {
                endRecord();
            }
            return records;
        }

        private void inQuoted(char c) {
            if (c == '"') {
                if (position < text.length() && text.charAt(position) == '"') {
                    field.append('"');
                    position++;
                } else {
                    inQuotes = false;
                }
                return;
            }
            if (c == '\n') {
                line++;
            }
            field.append(c);
        }

        private void outsideQuotes(char c) {
            switch (c) {
                case ',' -> endField();
                case '\n' -> endLine();
                case '\r' -> carriageReturn();
                case '"' -> openQuote();
                default -> {
                    if (quoted) {
                        fail("there is text after the closing quote of field " + (fields.size() + 1) + "; a quoted "
                                + "field ends at its closing quote, and a quote inside it is written twice.",
                                "import.csv.afterQuote", fields.size() + 1);
                    }
                    field.append(c);
                }
            }
        }

        private void carriageReturn() {
            if (position < text.length() && text.charAt(position) == '\n') {
                position++;
                endLine();
                return;
            }
            fail("a carriage return stands here without its line feed; save the file with Windows (CRLF) or "
                    + "Unix (LF) line ends.", "import.csv.carriageReturn");
            endLine();
        }

        private void openQuote() {
            if (field.length() == 0 && !quoted) {
                quoted = true;
                inQuotes = true;
                quoteLine = line;
                return;
            }
            fail("a double quote stands inside field " + (fields.size() + 1) + "; quote the whole field and write "
                    + "each quote inside it twice.", "import.csv.quoteInside", fields.size() + 1);
        }

        private void fail(String message, String reason, Object... values) {
            if (problem == null) {
                problem = new ImportProblem(line, null, message, reason, values);
            }
        }

        private void endField() {
            fields.add(field.toString());
            field.setLength(0);
            quoted = false;
        }

        private void endLine() {
            boolean blank = fields.isEmpty() && field.length() == 0 && !quoted && problem == null;
            if (!blank) {
                endRecord();
            }
            line++;
            recordLine = line;
        }

        private void endRecord() {
            endField();
            records.add(new Record(recordLine, fields, problem));
            fields = new ArrayList<>();
            problem = null;
        }
    }
}
