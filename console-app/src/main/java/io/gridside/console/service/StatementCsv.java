package io.gridside.console.service;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement as CSV (RFC 4180: comma-separated, CRLF line ends, a header row, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled inside). One row per line of the statement:
 *
 * <ul>
 *   <li>{@code line} is {@code opening} (the balance the period opened with, on its first day), {@code day} (one
 *       site day) or {@code total} (the period's sums, with the closing balance);
 *   <li>{@code date} is the site day, ISO 8601, empty on the total row;
 *   <li>{@code energy_kwh} is the energy of the quarter hours that ended that day, exact, three decimals;
 *   <li>{@code energy}, {@code standing}, {@code tax}, {@code levy}, {@code minimum}, {@code debt_recovery} and
 *       their sum {@code charges} are what was charged, {@code top_ups} what was credited, {@code adjustments}
 *       any other entry (an opening balance posted, a correction), signed, and {@code balance} the balance after
 *       the row; all in the currency's main unit with exactly its decimals (KES 597.00 is {@code 597.00}).
 * </ul>
 *
 * <p>Text a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is written
 * with a leading apostrophe, so that a customer's name cannot act in the sheet of whoever opens the file.
 */
public final class StatementCsv {

    /** The header row's column names, in order. */
    public static final List<String> COLUMNS = List.of("customer_id", "customer_name", "currency", "line", "date",
            "energy_kwh", "energy", "standing", "tax", "levy", "minimum", "debt_recovery", "charges", "top_ups",
            "adjustments", "balance");

    private static final String CRLF = "\r\n";

    private StatementCsv() {
    }

    /** The whole file's text. */
    public static String of(CustomerStatement statement) {
        StringBuilder csv = new StringBuilder();
        row(csv, COLUMNS);
        String currency = statement.currency();
        List<String> opening = start(statement, "opening", statement.firstDay().toString());
        opening.addAll(List.of("", "", "", "", "", "", "", "", "", ""));
        opening.add(Amounts.plain(statement.openingMinor(), currency));
        row(csv, opening);
        for (CustomerStatement.Day day : statement.days()) {
            row(csv, withAmounts(start(statement, "day", day.date().toString()), day.energyWh(), day.lines(),
                    day.balanceMinor(), currency));
        }
        row(csv, withAmounts(start(statement, "total", ""), statement.energyWh(), statement.totals(),
                statement.closingMinor(), currency));
        return csv.toString();
    }

    private static List<String> start(CustomerStatement statement, String line, String date) {
        return new ArrayList<>(List.of(text(statement.customerId()), text(statement.customerName()),
                statement.currency(), line, date));
    }

    private static List<String> withAmounts(List<String> row, long energyWh, StatementLines lines, long balance,
            String currency) {
        row.add(Amounts.kwh(energyWh));
        for (long minor : new long[] {lines.energyMinor(), lines.standingMinor(), lines.taxMinor(), lines.levyMinor(),
            lines.minimumMinor(), lines.debtRecoveryMinor(), lines.chargesMinor(), lines.topUpsMinor(),
            lines.adjustmentsMinor(), balance}) {
            row.add(Amounts.plain(minor, currency));
        }
        return row;
    }

    /** Text that a spreadsheet would take for a formula, made inert. */
    static String text(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        csv.append(CRLF);
    }

    /** A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
