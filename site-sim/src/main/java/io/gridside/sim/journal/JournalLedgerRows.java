package io.gridside.sim.journal;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal's ledger, by sequence, with the entries that credited payments findable by reference. Each row
 * keeps its link of the hash chain ({@link LedgerChain}), computed as it is written.
 */
final class JournalLedgerRows {

    private static final String COLUMNS =
            "seq, at_second, at_nano, customer_id, kind, amount_minor, balance_after_minor, reference";

    private final PreparedStatement insert;
    private final PreparedStatement after;
    private final PreparedStatement payment;
    private final PreparedStatement hash;
    /** The link of the last entry written, and its sequence: the genesis before the first. */
    private byte[] head = LedgerChain.genesis();
    private long headSeq;

    JournalLedgerRows(Connection connection) throws SQLException {
        this.insert = connection.prepareStatement("INSERT INTO ledger_entry (" + COLUMNS
                + ", hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.hash = connection.prepareStatement("SELECT hash FROM ledger_entry WHERE seq = ?");
        this.after = connection.prepareStatement("SELECT " + COLUMNS + " FROM ledger_entry WHERE seq > ? "
                + "ORDER BY seq");
        this.payment = connection.prepareStatement("SELECT " + COLUMNS + " FROM ledger_entry "
                + "WHERE kind = 'TOP_UP' AND reference = ? ORDER BY seq LIMIT 1");
        try (Statement statement = connection.createStatement();
                ResultSet last = statement.executeQuery(
                        "SELECT seq, hash FROM ledger_entry ORDER BY seq DESC LIMIT 1")) {
            if (last.next()) {
                headSeq = last.getLong(1);
                head = last.getBytes(2);
            }
        }
    }

    /** The sequence of the last entry written, 0 before the first. */
    long headSeq() {
        return headSeq;
    }

    static void create(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE ledger_entry (seq INTEGER PRIMARY KEY, at_second INTEGER NOT NULL, "
                + "at_nano INTEGER NOT NULL, customer_id TEXT NOT NULL, kind TEXT NOT NULL, "
                + "amount_minor INTEGER NOT NULL, balance_after_minor INTEGER NOT NULL, reference TEXT NOT NULL, "
                + "hash BLOB NOT NULL)");
        statement.execute("CREATE INDEX ledger_payment ON ledger_entry (reference) WHERE kind = 'TOP_UP'");
    }

    void insert(List<LedgerEntry> entries) throws SQLException {
        byte[] link = head;
        long linkSeq = headSeq;
        for (LedgerEntry entry : entries) {
            if (entry.seq() != linkSeq + 1) {
                throw new SQLException("ledger entry " + entry.seq() + " does not follow entry " + linkSeq);
            }
            link = LedgerChain.link(link, entry);
            linkSeq = entry.seq();
            insert.setLong(1, entry.seq());
            insert.setLong(2, entry.at().getEpochSecond());
            insert.setInt(3, entry.at().getNano());
            insert.setString(4, entry.customerId());
            insert.setString(5, entry.kind().name());
            insert.setLong(6, entry.amountMinor());
            insert.setLong(7, entry.balanceAfterMinor());
            insert.setString(8, entry.reference());
            insert.setBytes(9, link);
            insert.addBatch();
        }
        insert.executeBatch();
        // Kept only once written; a batch that fails leaves the head where the rows are.
        head = link;
        headSeq = linkSeq;
    }

    /** The link written for entry {@code seq}: the genesis for 0, empty when the entry is not written yet. */
    Optional<byte[]> hash(long seq) throws SQLException {
        if (seq == 0) {
            return Optional.of(LedgerChain.genesis());
        }
        hash.setLong(1, seq);
        try (ResultSet rows = hash.executeQuery()) {
            return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
        }
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
