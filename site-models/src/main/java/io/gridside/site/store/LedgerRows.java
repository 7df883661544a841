package io.gridside.site.store;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The site store's ledger rows with their hash chain. Rows are append-only (triggers of V7 refuse UPDATE and
 * DELETE); each new row's hash is chained from the row before it.
 */
final class LedgerRows {

    private static final String COLUMNS = "seq, at, customer_id, kind, amount_minor, balance_after_minor, reference";

    private LedgerRows() {
    }

    /**
     * Stores the entries not held yet with their links; {@code sentHashes} (null when the gateway sent none) must
     * agree with the links this store computes, or nothing is stored.
     */
    static int insert(Connection connection, List<LedgerEntry> entries, List<byte[]> sentHashes)
            throws SQLException {
        if (sentHashes != null && sentHashes.size() != entries.size()) {
            throw new IllegalArgumentException(entries.size() + " entries but " + sentHashes.size() + " hashes");
        }
        int stored = 0;
        byte[] head = null;
        long headSeq = -1;
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO ledger_entry ("
                + COLUMNS + ", hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < entries.size(); i++) {
                LedgerEntry e = entries.get(i);
                byte[] previous = headSeq == e.seq() - 1 ? head : hash(connection, e.seq() - 1);
                byte[] link = previous == null ? null : LedgerChain.link(previous, e);
                byte[] sent = sentHashes == null ? null : sentHashes.get(i);
                if (sent != null && link != null && !Arrays.equals(sent, link)) {
                    throw LedgerConflictException.brokenLink(e.seq());
                }
                bind(insert, e, link == null ? sent : link);
                int inserted = insert.executeUpdate();
                if (inserted == 0) {
                    checkUnchanged(e, entry(connection, e.seq()));
                }
                stored += inserted;
                head = link == null ? sent : link;
                headSeq = e.seq();
            }
        }
        return stored;
    }

    /** An entry already held must come back the very same. */
    private static void checkUnchanged(LedgerEntry incoming, LedgerEntry held) {
        // The store keeps whole seconds, so compare at that precision.
        Instant at = Instant.ofEpochSecond(incoming.at().getEpochSecond());
        LedgerEntry comparable = new LedgerEntry(incoming.seq(), at, incoming.customerId(), incoming.kind(),
                incoming.amountMinor(), incoming.balanceAfterMinor(), incoming.reference());
        if (!comparable.equals(held)) {
            throw LedgerConflictException.changed(incoming.seq());
        }
    }

    private static void bind(PreparedStatement insert, LedgerEntry e, byte[] link) throws SQLException {
        insert.setLong(1, e.seq());
        insert.setLong(2, e.at().getEpochSecond());
        insert.setString(3, e.customerId());
        insert.setString(4, e.kind().name());
        insert.setLong(5, e.amountMinor());
        insert.setLong(6, e.balanceAfterMinor());
        insert.setString(7, e.reference());
        insert.setBytes(8, link);
    }

    /** The link held for {@code seq}: the genesis for 0, null when the row is missing or predates the chain. */
    static byte[] hash(Connection connection, long seq) throws SQLException {
        if (seq == 0) {
            return LedgerChain.genesis();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT hash FROM ledger_entry WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        }
    }

    static LedgerEntry entry(Connection connection, long seq) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM ledger_entry WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? entryFrom(rows) : null;
            }
        }
    }

    static List<LedgerEntry> all(Connection connection) throws SQLException {
        List<LedgerEntry> result = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM ledger_entry ORDER BY seq")) {
            while (rows.next()) {
                result.add(entryFrom(rows));
            }
        }
        return result;
    }

    /**
     * The chain links of the entries {@code fromSeq} to {@code toSeq}, by seq: each the link held, or for an entry
     * stored before the chain existed (no link held) the link recomputed from the last one held before it, or from
     * the genesis, as the start-up check recomputes it.
     */
    static Map<Long, byte[]> links(Connection connection, long fromSeq, long toSeq) throws SQLException {
        long base;
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM ledger_entry "
                + "WHERE seq < ? AND hash IS NOT NULL")) {
            select.setLong(1, fromSeq);
            try (ResultSet rows = select.executeQuery()) {
                base = rows.getLong(1);
            }
        }
        byte[] head = hash(connection, base);
        Map<Long, byte[]> links = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + ", hash FROM ledger_entry "
                + "WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            select.setLong(1, base);
            select.setLong(2, toSeq);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] held = rows.getBytes(8);
                    head = held != null ? held : LedgerChain.link(head, entryFrom(rows));
                    if (rows.getLong(1) >= fromSeq) {
                        links.put(rows.getLong(1), head);
                    }
                }
            }
        }
        return links;
    }

    /** Re-walks the whole ledger: chain, derived balances, trial balance. */
    static LedgerCheck.Result check(Connection connection) throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + ", hash FROM ledger_entry "
                        + "ORDER BY seq")) {
            while (rows.next()) {
                entries.add(entryFrom(rows));
                hashes.add(rows.getBytes(8));
            }
        }
        return LedgerCheck.walk(entries, hashes);
    }

    private static LedgerEntry entryFrom(ResultSet rows) throws SQLException {
        return new LedgerEntry(rows.getLong(1), Instant.ofEpochSecond(rows.getLong(2)), rows.getString(3),
                EntryKind.valueOf(rows.getString(4)), rows.getLong(5), rows.getLong(6), rows.getString(7));
    }
}
