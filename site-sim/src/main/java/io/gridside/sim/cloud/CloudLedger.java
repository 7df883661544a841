package io.gridside.sim.cloud;

import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.sync.api.BatchDocument;
import io.gridside.site.sync.api.LedgerDays;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.UpItems;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The cloud's copy of a site's ledger: batches taken only when their hash chain holds ({@link LedgerChain}, the
 * rule the console's audit walks), replacement from a seq when a console's chain diverged, and the ledger by UTC
 * day for finding where.
 */
final class CloudLedger {

    private static final String GENESIS_HEX = LedgerChain.hex(LedgerChain.genesis());

    private CloudLedger() {
    }

    /**
     * Applies a ledger batch in the caller's transaction: replaces from {@code replaceFrom} when asked and allowed,
     * checks every link, stores the entries the cloud lacks.
     *
     * @throws CloudException 409 {@code replace_refused} or 422 {@code chain_broken}
     */
    static void apply(Connection connection, String site, BatchDocument batch) throws SQLException {
        List<UpItems.Ledger> items = items(batch);
        byte[] previous = previousHash(connection, site, batch);
        if (batch.replaceFrom() != null) {
            Sql.update(connection, "DELETE FROM ledger WHERE site = ? AND seq >= ?", site, batch.replaceFrom());
        }
        byte[] head = previous;
        for (UpItems.Ledger item : items) {
            LedgerEntry entry = item.entry();
            head = LedgerChain.link(head, entry);
            String hash = LedgerChain.hex(head);
            if (item.hash() == null) {
                // Entries travel without their hash: the link is the cloud's own, checked against lastHash below.
                item = new UpItems.Ledger(item.seq(), item.at(), item.customerId(), item.kind(), item.amountMinor(),
                        item.balanceAfterMinor(), item.reference(), hash);
            } else if (!hash.equals(item.hash())) {
                throw broken("entry " + item.seq() + " does not match its hash: the console's chain breaks there; "
                        + "audit the site's ledger before it syncs again.");
            }
            String held = hashAt(connection, site, item.seq());
            if (held == null) {
                Sql.update(connection, "INSERT INTO ledger (site, seq, day, item, hash) VALUES (?, ?, ?, ?, ?)",
                        site, item.seq(), day(entry).toString(), json(item), hash);
            } else if (!held.equals(hash)) {
                throw broken("entry " + item.seq() + " differs from the cloud's entry " + item.seq() + "; compare "
                        + "the ledger's days and resend from the first day that differs with replaceFrom.");
            }
        }
        if (batch.lastHash() == null || !batch.lastHash().equals(LedgerChain.hex(head))) {
            throw broken("the batch's lastHash is not the hash the cloud computed for its last entry " + batch.last()
                    + " from its prevHash: the console's chain breaks in the batch; audit the site's ledger.");
        }
    }

    private static List<UpItems.Ledger> items(BatchDocument batch) {
        List<UpItems.Ledger> items = new ArrayList<>(batch.items().size());
        long expected = batch.first();
        for (Map<String, Object> raw : batch.items()) {
            UpItems.Ledger item;
            try {
                item = SyncJson.item(raw, UpItems.Ledger.class);
                item.entry();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw broken("item " + (expected - batch.first()) + " of the batch is not a ledger entry ("
                        + e.getMessage() + ").");
            }
            if (item.seq() != expected) {
                throw broken("the batch holds entry " + item.seq() + " where entry " + expected + " belongs: a ledger "
                        + "batch carries every entry from first to last, in order.");
            }
            items.add(item);
            expected++;
        }
        if (expected != batch.last() + 1) {
            throw broken("the batch ends at entry " + (expected - 1) + ", not at its last, " + batch.last() + ".");
        }
        return items;
    }

    private static byte[] previousHash(Connection connection, String site, BatchDocument batch) throws SQLException {
        String expected = batch.first() == 1 ? GENESIS_HEX : hashAt(connection, site, batch.first() - 1);
        String given = batch.prevHash() == null && batch.first() == 1 ? GENESIS_HEX : batch.prevHash();
        Long replaceFrom = batch.replaceFrom();
        if (replaceFrom != null && (replaceFrom != batch.first() || expected == null || !expected.equals(given))) {
            throw new CloudException(409, SyncErrors.REPLACE_REFUSED, "The cloud replaces its ledger from entry "
                    + replaceFrom + " only with a batch that begins there and follows the cloud's entry "
                    + (replaceFrom - 1) + "; resend from an earlier day of the ledger, at worst from entry 1.");
        }
        if (expected == null || !expected.equals(given)) {
            throw broken("the batch's prevHash is not the cloud's hash of entry " + (batch.first() - 1) + "; compare "
                    + "the ledger's days and resend from the first day that differs with replaceFrom.");
        }
        return HexFormat.of().parseHex(expected);
    }

    private static CloudException broken(String sentence) {
        return new CloudException(422, SyncErrors.CHAIN_BROKEN, "The ledger batch was refused: " + sentence);
    }

    /** The cloud's hash of entry {@code seq} (lower-case hex), or null when it does not hold it. */
    static String hashAt(Connection connection, String site, long seq) throws SQLException {
        if (seq == 0) {
            return GENESIS_HEX;
        }
        return Sql.text(connection, "SELECT hash FROM ledger WHERE site = ? AND seq = ?", site, seq);
    }

    /** The highest seq of the unbroken run of entries from 1, given that it is at least {@code known}. */
    static long contiguousTip(Connection connection, String site, long known) throws SQLException {
        return CloudItems.contiguousFrom(Sql.list(connection, row -> row.getLong(1),
                "SELECT seq FROM ledger WHERE site = ? AND seq > ? ORDER BY seq", site, known), known);
    }

    /** The ledger's UTC days in order, each with its first and last seq and its last entry's hash. */
    static LedgerDays days(Connection connection, String site) throws SQLException {
        return new LedgerDays(Sql.list(connection, row -> new LedgerDays.Day(LocalDate.parse(row.getString(1)),
                row.getLong(2), row.getLong(3), row.getString(4)),
                "SELECT d.day, d.first_seq, d.last_seq, l.hash FROM (SELECT day, MIN(seq) AS first_seq,"
                        + " MAX(seq) AS last_seq FROM ledger WHERE site = ? GROUP BY day) d"
                        + " JOIN ledger l ON l.site = ? AND l.seq = d.last_seq ORDER BY d.first_seq", site, site));
    }

    /** Every entry the cloud holds for {@code site}, in seq order, with its hash. */
    static List<UpItems.Ledger> entries(Connection connection, String site) throws SQLException {
        return Sql.list(connection, row -> SyncJson.read(row.getBytes(1), UpItems.Ledger.class),
                "SELECT item FROM ledger WHERE site = ? ORDER BY seq", site);
    }

    /**
     * Alters the stored entries of every site from {@code day} on (their references), re-chaining the hashes, so
     * the cloud's chain is whole but no longer the console's: the divergence a cloud bug or a bad restore makes.
     *
     * @return how many entries were altered
     */
    static int corruptFrom(Connection connection, LocalDate day) throws SQLException {
        List<String> sites = Sql.list(connection, row -> row.getString(1), "SELECT DISTINCT site FROM ledger");
        int altered = 0;
        for (String site : sites) {
            long from = Sql.number(connection, 0, "SELECT MIN(seq) FROM ledger WHERE site = ? AND day >= ?", site,
                    day.toString());
            if (from == 0) {
                continue;
            }
            String before = hashAt(connection, site, from - 1);
            byte[] head = HexFormat.of().parseHex(before == null ? GENESIS_HEX : before);
            for (UpItems.Ledger item : entries(connection, site)) {
                if (item.seq() < from) {
                    continue;
                }
                LedgerEntry entry = item.entry();
                LedgerEntry changed = new LedgerEntry(entry.seq(), entry.at(), entry.customerId(), entry.kind(),
                        entry.amountMinor(), entry.balanceAfterMinor(), entry.reference() + " (altered)");
                head = LedgerChain.link(head, changed);
                UpItems.Ledger stored = UpItems.Ledger.of(changed, LedgerChain.hex(head));
                Sql.update(connection, "UPDATE ledger SET item = ?, hash = ? WHERE site = ? AND seq = ?",
                        json(stored), stored.hash(), site, stored.seq());
                altered++;
            }
        }
        return altered;
    }

    private static LocalDate day(LedgerEntry entry) {
        return entry.at().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String json(Object item) {
        return new String(SyncJson.write(item), StandardCharsets.UTF_8);
    }
}
