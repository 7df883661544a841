package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.CreditState;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.QueuedPayment;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.sync.LedgerDay;
import io.gridside.site.sync.TopologyCompact;
import io.gridside.site.sync.UpItem;
import io.gridside.site.sync.UpStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync outbox: every write path queues its rows in its own transaction, densely per stream, read in pages. */
class SiteStoreSyncTest {

    static final Instant DAY1 = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant DAY2 = Instant.parse("2026-06-02T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void everyWritePathQueuesItsStream() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            fill(store);
            SyncRows sync = store.sync();

            assertThat(sync.waiting()).containsExactlyInAnyOrderEntriesOf(Map.of(UpStream.PAYMENTS, 4L,
                    UpStream.LEDGER, 3L, UpStream.EVENTS, 2L, UpStream.CUSTOMERS, 0L, UpStream.READINGS, 2L));
            assertThat(sync.pending(UpStream.PAYMENTS, 0, 100))
                    .extracting(UpItem::seq, UpItem::kind, item -> item.fields().get("customerId"))
                    .containsExactly(tuple(1L, "credit", null), tuple(2L, "credit", null),
                            tuple(3L, "topup", "c-1"), tuple(4L, "payment", "c-2"));
            UpItem topUp = sync.pending(UpStream.PAYMENTS, 2, 1).get(0);
            assertThat(topUp.fields()).containsEntry("ledgerSeq", 2L).containsEntry("amountMinor", 5_000L)
                    .containsEntry("reference", "MP-1").containsEntry("at", DAY1.plusSeconds(3_600));
            UpItem credit = sync.pending(UpStream.PAYMENTS, 0, 1).get(0);
            assertThat(credit.fields()).containsEntry("meterId", "m-1").containsEntry("balanceMinor", 1_200L)
                    .containsEntry("creditState", "ACTIVE").containsEntry("relay", "ON");
            assertThat(sync.pending(UpStream.PAYMENTS, 3, 1).get(0).fields())
                    .containsEntry("reference", "AG-1").containsEntry("state", "PENDING")
                    .containsEntry("source", "book.csv:2").containsEntry("paidAt", DAY2);

            List<UpItem> ledger = sync.pending(UpStream.LEDGER, 0, 100);
            assertThat(ledger).extracting(UpItem::seq).containsExactly(1L, 2L, 3L);
            assertThat(ledger.get(2).fields()).containsEntry("kind", "ENERGY").containsEntry("amountMinor", -300L)
                    .containsEntry("balanceAfterMinor", 5_700L);
            assertThat((byte[]) ledger.get(2).fields().get("hash")).isEqualTo(store.ledgerHash(3).orElseThrow());

            assertThat(sync.pending(UpStream.EVENTS, 0, 100)).extracting(UpItem::seq, i -> i.fields().get("id"),
                    i -> i.fields().get("kind")).containsExactly(tuple(1L, 7L, "POWER_LOSS"),
                            tuple(2L, 8L, "POWER_RESTORE"));
            assertThat(sync.pending(UpStream.EVENTS, 0, 1).get(0).fields())
                    .containsEntry("details", Map.of("feeder", "F1")).containsEntry("source", "GW-1")
                    .containsEntry("at", DAY1.plusSeconds(60));

            List<UpItem> readings = sync.pending(UpStream.READINGS, 0, 100);
            assertThat(readings).extracting(UpItem::kind).containsExactly("block", "topology");
            assertThat(readings.get(0).fields()).containsEntry("meterId", "m-1")
                    .containsEntry("day", LocalDate.of(2026, 6, 1)).containsEntry("readings", 96);
            assertThat(ReadingBlock.decode(LocalDate.of(2026, 6, 1).toEpochDay(),
                    (byte[]) readings.get(0).fields().get("block")).size()).isEqualTo(96);
            assertThat(TopologyCompact.decode((byte[]) readings.get(1).fields().get("snapshot")))
                    .isEqualTo(snapshot(DAY1));
        }
    }

    @Test
    void anUnchangedStatusOrARepeatedPullQueuesNothing() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            fill(store);
            SyncRows sync = store.sync();
            long payments = sync.lastSeq(UpStream.PAYMENTS);

            store.saveStatuses(List.of(status("m-1", 1_200, CreditState.ACTIVE), status("m-2", 0, CreditState.ACTIVE)));
            store.insertLedger(ledger());
            store.insertEvents(events());
            assertThat(sync.lastSeq(UpStream.PAYMENTS)).isEqualTo(payments);
            assertThat(sync.lastSeq(UpStream.EVENTS)).isEqualTo(2);

            store.saveStatuses(List.of(status("m-2", -50, CreditState.DISCONNECTED)));
            assertThat(sync.pending(UpStream.PAYMENTS, payments, 10)).extracting(UpItem::kind,
                    i -> i.fields().get("meterId"), i -> i.fields().get("creditState"))
                    .containsExactly(tuple("credit", "m-2", "DISCONNECTED"));
        }
    }

    @Test
    void aGrowingBlockIsQueuedAgain() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertReadings(day("m-1", DAY2, 40));
            store.compactReadings();
            store.insertReadings(day("m-1", DAY2, 96));
            SyncRows sync = store.sync();

            List<UpItem> readings = sync.pending(UpStream.READINGS, 0, 10);
            assertThat(readings).extracting(UpItem::seq, i -> i.fields().get("meterId"))
                    .containsExactly(tuple(1L, "m-1"), tuple(2L, "m-1"));
            // Both rows read the block as it is now: the cloud keeps the one with most readings.
            assertThat(readings).allSatisfy(item -> assertThat(item.fields()).containsEntry("readings", 96));
        }
    }

    @Test
    void aWriteRolledBackLeavesNoOutboxRow() throws SQLException {
        Path file = dir.resolve("site.db");
        try (SiteStore store = SiteStore.open(file)) {
            store.insertLedger(ledger().subList(0, 2));
            LedgerEntry changed = new LedgerEntry(2, DAY1.plusSeconds(3_600), "c-1", EntryKind.TOP_UP, 9_999, 10_999,
                    "payment:MP-1");
            LedgerEntry third = ledger().get(2);

            assertThatThrownBy(() -> store.insertLedger(List.of(third, changed)))
                    .isInstanceOf(LedgerConflictException.class);

            assertThat(store.sync().lastSeq(UpStream.LEDGER)).isEqualTo(2);
            assertThat(store.sync().lastSeq(UpStream.PAYMENTS)).isEqualTo(1);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO site_event (id, at_second, at_nano, source, kind, details) "
                        + "VALUES (99, 0, 0, 'gw', 'POWER_LOSS', '{}')");
                assertThat(count(statement, "events")).isEqualTo(1);
                connection.rollback();
                assertThat(count(statement, "events")).isZero();
            }
        }
    }

    @Test
    void aStoreFilledBeforeVersion19SyncsWhole() throws SQLException {
        Path file = dir.resolve("old.db");
        try (SiteStore store = SiteStore.open(dir.resolve("model.db"))) {
            fill(store);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.migrate(connection, Migrations.STEPS.indexOf("V19__sync.sql"));
            assertThat(Migrations.currentVersion(connection)).isEqualTo(18);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ATTACH DATABASE '" + dir.resolve("model.db") + "' AS model");
                for (String table : List.of("customer", "meter", "meter_status", "ledger_entry", "payment_outbox",
                        "site_event", "reading_meter", "reading_block", "topology_snapshot", "topology_node",
                        "topology_link")) {
                    statement.execute("INSERT INTO main." + table + " SELECT * FROM model." + table);
                }
                statement.execute("DETACH DATABASE model");
            }
        }

        try (SiteStore store = SiteStore.open(file)) {
            SyncRows sync = store.sync();
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(sync.waiting()).containsExactlyInAnyOrderEntriesOf(Map.of(UpStream.PAYMENTS, 4L,
                    UpStream.LEDGER, 3L, UpStream.EVENTS, 2L, UpStream.CUSTOMERS, 0L, UpStream.READINGS, 2L));
            assertThat(sync.pending(UpStream.PAYMENTS, 0, 10)).extracting(UpItem::seq, UpItem::kind)
                    .containsExactly(tuple(1L, "topup"), tuple(2L, "credit"), tuple(3L, "credit"),
                            tuple(4L, "payment"));
            assertThat(sync.pending(UpStream.READINGS, 0, 10)).extracting(UpItem::seq, UpItem::kind)
                    .containsExactly(tuple(1L, "block"), tuple(2L, "topology"));
            assertThat(sync.pending(UpStream.LEDGER, 0, 10)).extracting(UpItem::seq).containsExactly(1L, 2L, 3L);

            // The triggers go on from the back-filled seqs.
            store.insertEvents(List.of(event(9, DAY2, EventKind.POWER_LOSS)));
            assertThat(sync.pending(UpStream.EVENTS, 0, 10)).extracting(UpItem::seq, i -> i.fields().get("id"))
                    .containsExactly(tuple(1L, 7L), tuple(2L, 8L), tuple(3L, 9L));
        }
    }

    @Test
    void entriesStoredBeforeTheChainGoUpWithTheirLinkRecomputed() throws SQLException {
        Path file = dir.resolve("old.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            Migrations.migrate(connection, 18);
            for (LedgerEntry e : ledger()) {
                statement.execute("INSERT INTO ledger_entry (seq, at, customer_id, kind, amount_minor, "
                        + "balance_after_minor, reference, hash) VALUES (" + e.seq() + ", " + e.at().getEpochSecond()
                        + ", '" + e.customerId() + "', '" + e.kind() + "', " + e.amountMinor() + ", "
                        + e.balanceAfterMinor() + ", '" + e.reference() + "', NULL)");
            }
        }
        List<byte[]> heads = LedgerChain.heads(LedgerChain.genesis(), ledger());

        try (SiteStore store = SiteStore.open(file)) {
            SyncRows sync = store.sync();
            assertThat(store.ledgerHash(3)).isEmpty();
            assertThat(sync.pending(UpStream.LEDGER, 1, 10)).extracting(item -> (byte[]) item.fields().get("hash"))
                    .containsExactly(heads.get(1), heads.get(2));
            assertThat(sync.ledgerDays()).extracting(LedgerDay::lastHash).containsExactly(heads.get(2));
        }
    }

    @Test
    void seqsAreDensePerStreamAndPagesCoverThemOnce() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            List<SiteEvent> events = new ArrayList<>();
            for (int i = 1; i <= 23; i++) {
                events.add(event(100 + i, DAY1.plusSeconds(i), EventKind.POWER_LOSS));
            }
            store.insertEvents(events.subList(0, 10));
            store.queuePayments(List.of(payment("AG-9", 100)), DAY2);
            store.insertEvents(events);
            SyncRows sync = store.sync();

            List<Long> seen = new ArrayList<>();
            long after = 0;
            for (List<UpItem> page = sync.pending(UpStream.EVENTS, after, 5); !page.isEmpty();
                    page = sync.pending(UpStream.EVENTS, after, 5)) {
                assertThat(page.size()).isLessThanOrEqualTo(5);
                page.forEach(item -> seen.add(item.seq()));
                after = page.get(page.size() - 1).seq();
            }
            assertThat(seen).hasSize(23).isSorted().doesNotHaveDuplicates().startsWith(1L).endsWith(23L);
            assertThat(sync.lastSeq(UpStream.PAYMENTS)).isEqualTo(1);
            assertThatThrownBy(() -> sync.pending(UpStream.EVENTS, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void twoConsolesWritingTheSameFileKeepTheSeqsDense() throws Exception {
        Path file = dir.resolve("site.db");
        try (SiteStore one = SiteStore.open(file); SiteStore two = SiteStore.open(file)) {
            Thread other = new Thread(() -> {
                for (int i = 0; i < 40; i++) {
                    two.insertEvents(List.of(event(1_000 + i, DAY1.plusSeconds(i), EventKind.POWER_LOSS)));
                }
            });
            other.start();
            for (int i = 0; i < 40; i++) {
                one.insertEvents(List.of(event(2_000 + i, DAY1.plusSeconds(i), EventKind.POWER_RESTORE)));
            }
            other.join();

            assertThat(one.sync().pending(UpStream.EVENTS, 0, 100)).extracting(UpItem::seq)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 80).boxed().toList());
        }
    }

    @Test
    void aCheckpointMayGoBackWhenTheCloudWasRestored() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            fill(store);
            SyncRows sync = store.sync();
            assertThat(sync.checkpoint(UpStream.LEDGER)).isZero();

            sync.setCheckpoint(UpStream.LEDGER, 3);
            assertThat(sync.waiting()).containsEntry(UpStream.LEDGER, 0L).containsEntry(UpStream.EVENTS, 2L);
            sync.setCheckpoint(UpStream.LEDGER, 1);

            assertThat(sync.checkpoint(UpStream.LEDGER)).isEqualTo(1);
            assertThat(sync.waiting()).containsEntry(UpStream.LEDGER, 2L);
            assertThat(sync.pending(UpStream.LEDGER, sync.checkpoint(UpStream.LEDGER), 10))
                    .extracting(UpItem::seq).containsExactly(2L, 3L);
            // Acknowledged rows are kept.
            assertThat(sync.pending(UpStream.LEDGER, 0, 10)).hasSize(3);
        }
    }

    @Test
    void theLedgerIsSummedUpPerUtcDay() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            List<LedgerEntry> entries = new ArrayList<>(ledger());
            entries.add(new LedgerEntry(4, DAY2.plusSeconds(10), "c-1", EntryKind.ENERGY, -100, 5_600, "energy:2"));
            store.insertLedger(entries);

            List<LedgerDay> days = store.sync().ledgerDays();

            assertThat(days).extracting(LedgerDay::day, LedgerDay::firstSeq, LedgerDay::lastSeq)
                    .containsExactly(tuple(LocalDate.of(2026, 6, 1), 1L, 3L), tuple(LocalDate.of(2026, 6, 2), 4L, 4L));
            assertThat(days.get(0).lastHash()).isEqualTo(store.ledgerHash(3).orElseThrow())
                    .hasSize(LedgerChain.HASH_BYTES);
        }
    }

    @Test
    void aPageIsReadWithIndexedLookupsOnly() throws SQLException {
        Path file = dir.resolve("site.db");
        try (SiteStore store = SiteStore.open(file)) {
            fill(store);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (UpStream stream : UpStream.values()) {
                List<String> plan = new ArrayList<>();
                try (java.sql.PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN "
                        + SyncUpRows.pageQuery(stream))) {
                    explain.setString(1, stream.wireName());
                    explain.setLong(2, 0);
                    explain.setInt(3, 100);
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            plan.add(rows.getString("detail"));
                        }
                    }
                }
                // The outbox is searched by its key; every joined table is searched, none scanned.
                assertThat(plan).as(stream + ": " + plan).noneMatch(step -> step.startsWith("SCAN"))
                        .anyMatch(step -> step.startsWith("SEARCH o "));
            }
        }
    }

    static long count(Statement statement, String stream) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM sync_outbox WHERE stream = '" + stream
                + "'")) {
            return rows.getLong(1);
        }
    }

    /** Two meters, a ledger with a top-up, a queued payment, two events, a whole day's block and a snapshot. */
    static void fill(SiteStore store) {
        store.saveRoster(List.of(new Customer("c-1", "Amina", CustomerCategory.HOUSEHOLD),
                new Customer("c-2", "Baraka", CustomerCategory.HOUSEHOLD)),
                List.of(new Meter("m-1", "S-1", "c-1", "GW-1", -70), new Meter("m-2", "S-2", "c-2", "GW-1", -80)));
        store.saveStatuses(List.of(status("m-1", 1_200, CreditState.ACTIVE), status("m-2", 0, CreditState.ACTIVE)));
        store.insertLedger(ledger());
        store.queuePayments(List.of(payment("AG-1", 2_500)), DAY2);
        store.insertEvents(events());
        store.insertReadings(day("m-1", DAY1, 96));
        store.insertTopology(snapshot(DAY1));
    }

    static List<LedgerEntry> ledger() {
        return List.of(new LedgerEntry(1, DAY1, "c-1", EntryKind.OPENING, 1_000, 1_000, "opening"),
                new LedgerEntry(2, DAY1.plusSeconds(3_600), "c-1", EntryKind.TOP_UP, 5_000, 6_000, "payment:MP-1"),
                new LedgerEntry(3, DAY1.plusSeconds(7_200), "c-1", EntryKind.ENERGY, -300, 5_700, "energy:1"));
    }

    static List<SiteEvent> events() {
        return List.of(event(7, DAY1.plusSeconds(60), EventKind.POWER_LOSS),
                event(8, DAY1.plusSeconds(120), EventKind.POWER_RESTORE));
    }

    static SiteEvent event(long id, Instant at, EventKind kind) {
        return new SiteEvent(id, at, "GW-1", kind, new TreeMap<>(Map.of("feeder", "F1")), null);
    }

    static MeterStatus status(String meterId, long balance, CreditState state) {
        return new MeterStatus(meterId, meterId.equals("m-1") ? "c-1" : "c-2", "x", balance, "KES", DAY1, 10_000,
                -70, "GW-1", RelayState.ON, state);
    }

    static QueuedPayment payment(String reference, long amount) {
        return QueuedPayment.pending(reference, "c-2", amount, "KES", DAY2, "book.csv:2");
    }

    static List<Reading> day(String meterId, Instant day, int quarters) {
        List<Reading> readings = new ArrayList<>();
        for (int q = 0; q < quarters; q++) {
            readings.add(new Reading(meterId, day.plusSeconds(900L * q), 10, 1_000 + 10L * q));
        }
        return readings;
    }

    static TopologySnapshot snapshot(Instant at) {
        return new TopologySnapshot(at, "GW-1",
                List.of(new TopologySnapshot.Node("GW-1", -1.29, 36.82, 0, 256, null, List.of()),
                        new TopologySnapshot.Node("m-1", -1.3, 36.83, 1, 600, "GW-1", List.of("m-2"), "mtr-3.2.0", 7)),
                List.of(new TopologySnapshot.Link("m-1", "GW-1", -71.0, -80.0, 0.97, 0.61, 1.7, 60, true)));
    }
}
