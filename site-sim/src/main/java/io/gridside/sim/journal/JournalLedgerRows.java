package io.gridside.sim.journal;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The journal's ledger, by sequence, with the entries that credited payments findable by reference. */
final class JournalLedgerRows {

    private static final String COLUMNS =
            "seq, at_second, at_nano, customer_id, kind, amount_minor, balance_after_minor, reference";

    private final PreparedStatement insert;
    private final PreparedStatement after;
    private final PreparedStatement payment;

    JournalLedgerRows(Connection connection) throws SQLException {
        this.insert = connection.prepareStatement("INSERT INTO ledger_entry (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.after = connection.prepareStatement("SELECT " + COLUMNS + " FROM ledger_entry WHERE seq > ? "
                + "ORDER BY seq");
        this.payment = connection.prepareStatement("SELECT " + COLUMNS + " FROM ledger_entry "
                + "WHERE kind = 'TOP_UP' AND reference = ? ORDER BY seq LIMIT 1");
    }

    static void create(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE ledger_entry (seq INTEGER PRIMARY KEY, at_second INTEGER NOT NULL, "
                + "at_nano INTEGER NOT NULL, customer_id TEXT NOT NULL, kind TEXT NOT NULL, "
                + "amount_minor INTEGER NOT NULL, balance_after_minor INTEGER NOT NULL, reference TEXT NOT NULL)");
        statement.execute("CREATE INDEX ledger_payment ON ledger_entry (reference) WHERE kind = 'TOP_UP'");
    }

    void insert(List<LedgerEntry> entries) throws SQLException {
        for (LedgerEntry entry : entries) {
            insert.setLong(1, entry.seq());
            insert.setLong(2, entry.at().getEpochSecond());
            insert.setInt(3, entry.at().getNano());
            insert.setString(4, entry.customerId());
            insert.setString(5, entry.kind().name());
            insert.setLong(6, entry.amountMinor());
            insert.setLong(7, entry.balanceAfterMinor());
            insert.setString(8, entry.reference());
            insert.addBatch();
        }
        insert.executeBatch();
    }

    List<LedgerEntry> after(long afterSeq) throws SQLException {
        after.setLong(1, afterSeq);
        List<LedgerEntry> result = new ArrayList<>();
        try (ResultSet rows = after.executeQuery()) {
            while (rows.next()) {
                result.add(entry(rows));
            }
        }
        return result;
    }

    Optional<LedgerEntry> payment(String reference) throws SQLException {
        payment.setString(1, reference);
        try (ResultSet rows = payment.executeQuery()) {
            return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
        }
    }

    private static LedgerEntry entry(ResultSet rows) throws SQLException {
        return new LedgerEntry(rows.getLong(1), Instant.ofEpochSecond(rows.getLong(2), rows.getInt(3)),
                rows.getString(4), EntryKind.valueOf(rows.getString(5)), rows.getLong(6), rows.getLong(7),
                rows.getString(8));
    }
}
