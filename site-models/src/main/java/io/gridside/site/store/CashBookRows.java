package io.gridside.site.store;

import io.gridside.site.cash.CashBookLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rows of the gateway's cash book a site database keeps: one a receipt and one a void, by receipt number. */
final class CashBookRows {

    private static final String COLUMNS = "receipt, kind, technician_id, reference, customer_id, amount_minor, "
            + "currency, at_second, at_nano, voided_by, reason";

    private CashBookRows() {
    }

    /** Keeps the lines not held yet; a line is never changed, so one held already is left as it is. */
    static int insert(Connection connection, List<CashBookLine> lines) throws SQLException {
        int inserted = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO cash_book_line ("
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CashBookLine line : lines) {
                insert.setString(1, line.receipt());
                insert.setString(2, line.kind().name());
                insert.setString(3, line.technicianId());
                insert.setString(4, line.reference());
                insert.setString(5, line.customerId());
                insert.setLong(6, line.amountMinor());
                insert.setString(7, line.currency());
                insert.setLong(8, line.at().getEpochSecond());
                insert.setInt(9, line.at().getNano());
                insert.setString(10, line.voidedBy());
                insert.setString(11, line.reason());
                inserted += insert.executeUpdate();
            }
        }
        return inserted;
    }

    /** Every line held, in time order and then by receipt, a receipt before its void. */
    static List<CashBookLine> all(Connection connection) throws SQLException {
        List<CashBookLine> lines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM cash_book_line "
                + "ORDER BY at_second, at_nano, receipt, kind = 'VOID'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                lines.add(new CashBookLine(CashBookLine.Kind.valueOf(rows.getString(2)), rows.getString(1),
                        rows.getString(3), rows.getString(4), rows.getString(5), rows.getLong(6), rows.getString(7),
                        Instant.ofEpochSecond(rows.getLong(8), rows.getInt(9)), rows.getString(10),
                        rows.getString(11)));
            }
        }
        return lines;
    }
}
