package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerCheck;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store keeps the ledger's hash chain, refuses edits, and re-walks the chain when asked. */
class SiteStoreLedgerChainTest {

    private static final Instant T0 = Instant.parse("2024-03-05T06:00:00Z");

    @TempDir
    Path dir;

    private static List<LedgerEntry> entries(int count) {
        List<LedgerEntry> result = new ArrayList<>();
        long balance = 10_000;
        result.add(new LedgerEntry(1, T0, "C-1", EntryKind.OPENING, balance, balance, "opening"));
        for (int seq = 2; seq <= count; seq++) {
            balance -= seq;
            result.add(new LedgerEntry(seq, T0.plusSeconds(900L * seq), "C-1", EntryKind.ENERGY, -seq, balance,
                    "q" + seq));
        }
        return result;
    }

    @Test
    void storedLinksFollowTheChainAcrossBatchesAndTheWalkIsIntact() {
        List<LedgerEntry> all = entries(10);
        List<byte[]> heads = LedgerChain.heads(LedgerChain.genesis(), all);
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertLedger(all.subList(0, 4));
            store.insertLedger(all.subList(2, 10), heads.subList(2, 10));

            LedgerCheck.Result result = store.checkLedger();

            assertThat(store.ledgerHash(10)).hasValue(heads.get(9));
            assertThat(result.intact()).isTrue();
            assertThat(result.entries()).isEqualTo(10);
            assertThat(result.trialBalance().balances()).isTrue();
        }
    }

    @Test
    void aSentHashThatDoesNotFollowIsRefusedNamingTheSeqAndNothingOfTheBatchIsStored() {
        List<LedgerEntry> all = entries(6);
        List<byte[]> sent = new ArrayList<>(LedgerChain.heads(LedgerChain.genesis(), all));
        sent.set(4, new byte[32]);
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertLedger(all.subList(0, 2));

            assertThatThrownBy(() -> store.insertLedger(all.subList(2, 6), sent.subList(2, 6)))
                    .isInstanceOf(LedgerConflictException.class)
                    .hasMessageContaining("entry 5")
                    .hasMessageContaining("LEDGER_CONFLICT");
            assertThat(store.lastLedgerSeq()).isEqualTo(2);
        }
    }

    @Test
    void theStoreRefusesToUpdateOrDeleteALedgerRow() throws SQLException {
        Path file = dir.resolve("site.db");
        try (SiteStore store = SiteStore.open(file)) {
            store.insertLedger(entries(3));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE ledger_entry SET amount_minor = 0 WHERE seq = 2"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM ledger_entry WHERE seq = 3"))
                    .hasMessageContaining("append-only");
        }
        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.ledger()).isEqualTo(entries(3));
        }
    }

    @Test
    void aRowTamperedPastTheTriggersIsTheFirstBreakTheWalkReports() throws SQLException {
        Path file = dir.resolve("site.db");
        try (SiteStore store = SiteStore.open(file)) {
            store.insertLedger(entries(8));
        }
        tamper(file, "UPDATE ledger_entry SET amount_minor = amount_minor + 3, "
                + "balance_after_minor = balance_after_minor + 3 WHERE seq = 5");

        try (SiteStore store = SiteStore.open(file)) {
            LedgerCheck.Result result = store.checkLedger();

            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSeq()).isEqualTo(5);
        }
    }

    /** Edits the database as someone with the file could: dropping the triggers first. */
    static void tamper(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TRIGGER ledger_entry_no_update");
            statement.execute("DROP TRIGGER ledger_entry_no_delete");
            statement.executeUpdate(sql);
        }
    }
}
