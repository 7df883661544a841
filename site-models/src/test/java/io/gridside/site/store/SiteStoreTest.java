package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.CreditState;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site database on a real SQLite file: migrations, idempotent pulls, queries and transactions. */
class SiteStoreTest {

    private static final Instant T0 = Instant.parse("2024-03-05T06:00:00Z");
    private static final Duration QUARTER = Reading.INTERVAL;

    private static final Customer AMINA = new Customer("C-1", "Amina Otieno", CustomerCategory.HOUSEHOLD);
    private static final Customer BARAKA = new Customer("C-2", "Baraka Mill", CustomerCategory.MILL);
    private static final Meter METER_1 = new Meter("M-1", "S-1001", "C-1", "GW-1", -71);
    private static final Meter METER_2 = new Meter("M-2", "S-1002", "C-2", "M-1", -96);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("sites").resolve("kilimo").resolve("site.db");
    }

    @Test
    void migratesANewFileToTheLatestSchemaVersion() {
        try (SiteStore store = SiteStore.open(file())) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion()).isPositive();
        }

        assertThat(file()).isRegularFile();
    }

    @Test
    void keepsANewDatabaseInWalMode() throws SQLException {
        SiteStore.open(file()).close();

        // WAL mode is recorded in the file itself, so any later connection sees it.
        assertThat(column(file(), "PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void reopeningKeepsTheDataAndDoesNotMigrateAgain() throws SQLException {
        try (SiteStore store = SiteStore.open(file())) {
            store.saveRoster(List.of(AMINA), List.of(METER_1));
            store.insertReadings(List.of(reading("M-1", 0, 120)));
        }
        List<String> migrationsBefore = column(file(), "SELECT version || ' ' || applied_at FROM schema_version");

        try (SiteStore store = SiteStore.open(file())) {
            assertThat(store.customers()).containsExactly(AMINA);
            assertThat(store.meters()).containsExactly(METER_1);
            assertThat(store.readingCount()).isEqualTo(1);
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
        }
        assertThat(column(file(), "SELECT version || ' ' || applied_at FROM schema_version"))
                .hasSize(Migrations.latestVersion())
                .isEqualTo(migrationsBefore);
    }

    @Test
    void storesReadingsPulledTwiceOnceAndCountsOnlyTheNewOnes() {
        List<Reading> first = List.of(reading("M-1", 0, 120), reading("M-1", 1, 80), reading("M-2", 0, 300));
        List<Reading> overlapping = List.of(reading("M-1", 1, 80), reading("M-2", 0, 300), reading("M-2", 1, 40));

        try (SiteStore store = SiteStore.open(file())) {
            assertThat(store.insertReadings(first)).isEqualTo(3);
            assertThat(store.insertReadings(first)).isZero();
            assertThat(store.insertReadings(overlapping)).isEqualTo(1);

            assertThat(store.readingCount()).isEqualTo(4);
        }
    }

    @Test
    void keepsTheFirstCopyOfAReadingWhenAConflictingOneArrives() {
        try (SiteStore store = SiteStore.open(file())) {
            store.insertReadings(List.of(reading("M-1", 0, 120)));

            store.insertReadings(List.of(reading("M-1", 0, 999)));

            assertThat(store.readings(T0, T0.plus(QUARTER))).containsExactly(reading("M-1", 0, 120));
        }
    }

    @Test
    void refusesALedgerEntryThatCameBackDifferentAndKeepsNothingOfItsBatch() {
        try (SiteStore store = SiteStore.open(file())) {
            store.insertLedger(List.of(opening(1, "C-1", 5_000), opening(2, "C-2", 8_000)));

            List<LedgerEntry> rewritten = List.of(topUp(3, "C-1", 1_000, 6_000), opening(2, "C-2", 9_000));

            assertThatThrownBy(() -> store.insertLedger(rewritten))
                    .isInstanceOf(LedgerConflictException.class)
                    .hasMessageContaining("entry 2").hasMessageContaining("LEDGER_CONFLICT");
            assertThat(store.lastLedgerSeq()).isEqualTo(2);
            assertThat(store.ledger()).extracting(LedgerEntry::amountMinor).containsExactly(5_000L, 8_000L);
        }
    }

    @Test
    void storesLedgerEntriesPulledTwiceOnceAndCountsOnlyTheNewOnes() {
        List<LedgerEntry> first = List.of(opening(1, "C-1", 5_000), opening(2, "C-2", 8_000));
        List<LedgerEntry> next = List.of(opening(2, "C-2", 8_000), topUp(3, "C-1", 1_000, 6_000));

        try (SiteStore store = SiteStore.open(file())) {
            assertThat(store.insertLedger(first)).isEqualTo(2);
            assertThat(store.insertLedger(first)).isZero();
            assertThat(store.insertLedger(next)).isEqualTo(1);

            assertThat(store.ledger()).containsExactly(first.get(0), first.get(1), next.get(1));
            assertThat(store.lastLedgerSeq()).isEqualTo(3);
        }
    }

    @Test
    void readsTheLedgerInSequenceOrderWhateverTheOrderOfInsertion() {
        try (SiteStore store = SiteStore.open(file())) {
            assertThat(store.lastLedgerSeq()).isZero();

            store.insertLedger(List.of(topUp(3, "C-1", 1_000, 6_000), opening(1, "C-1", 5_000)));
            store.insertLedger(List.of(opening(2, "C-2", 8_000)));

            assertThat(store.ledger()).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void readingsWindowIncludesItsStartAndExcludesItsEnd() {
        try (SiteStore store = SiteStore.open(file())) {
            store.insertReadings(List.of(reading("M-1", 0, 1), reading("M-1", 1, 2), reading("M-1", 2, 3),
                    reading("M-1", 3, 4)));

            List<Reading> window = store.readings(T0.plus(QUARTER), T0.plus(QUARTER.multipliedBy(3)));

            assertThat(window).extracting(Reading::energyWh).containsExactly(2L, 3L);
        }
    }

    @Test
    void readingsComeInTimeOrderThenMeterOrder() {
        try (SiteStore store = SiteStore.open(file())) {
            store.insertReadings(List.of(reading("M-2", 1, 21), reading("M-1", 1, 11), reading("M-2", 0, 20),
                    reading("M-1", 0, 10)));

            List<Reading> all = store.readings(Instant.EPOCH, Instant.MAX);

            assertThat(all).extracting(Reading::energyWh).containsExactly(10L, 20L, 11L, 21L);
        }
    }

    @Test
    void readingsOfOneMeterLeaveTheOthersOut() {
        try (SiteStore store = SiteStore.open(file())) {
            store.insertReadings(List.of(reading("M-2", 1, 21), reading("M-1", 1, 11), reading("M-2", 0, 20),
                    reading("M-1", 0, 10), reading("M-2", 2, 22)));

            List<Reading> meter2 = store.readings("M-2", T0, T0.plus(QUARTER.multipliedBy(2)));

            assertThat(meter2).extracting(Reading::energyWh).containsExactly(20L, 21L);
        }
    }

    @Test
    void statusesTakeTheCustomersNameAndTheMetersLinkFromTheRoster() {
        try (SiteStore store = SiteStore.open(file())) {
            store.saveRoster(List.of(AMINA, BARAKA), List.of(METER_1, METER_2));
            store.saveStatuses(List.of(
                    new MeterStatus("M-2", "C-2", "ignored", -250, "KES", null, 0, 0, "ignored", RelayState.OFF,
                            CreditState.DISCONNECTED),
                    new MeterStatus("M-1", "C-1", "ignored", 12_000, "KES", T0, 4_321, 0, "ignored", RelayState.ON,
                            CreditState.ACTIVE)));

            assertThat(store.statuses()).containsExactly(
                    new MeterStatus("M-1", "C-1", "Amina Otieno", 12_000, "KES", T0, 4_321, -71, "GW-1",
                            RelayState.ON, CreditState.ACTIVE),
                    new MeterStatus("M-2", "C-2", "Baraka Mill", -250, "KES", null, 0, -96, "M-1", RelayState.OFF,
                            CreditState.DISCONNECTED));
        }
    }

    @Test
    void statusesLeaveOutMetersTheGatewayReportedNothingFor() {
        try (SiteStore store = SiteStore.open(file())) {
            store.saveRoster(List.of(AMINA, BARAKA), List.of(METER_1, METER_2));
            store.saveStatuses(List.of(new MeterStatus("M-2", "C-2", "Baraka Mill", 10, "KES", T0, 5, -96, "M-1",
                    RelayState.ON, CreditState.LOW)));

            assertThat(store.statuses()).extracting(MeterStatus::meterId).containsExactly("M-2");
        }
    }

    @Test
    void siteAndTariffAreEmptyUntilSavedAndRoundTripOnceSaved() {
        SiteInfo site = new SiteInfo("SITE-KILIMO", "Kilimo mini-grid", "KES", ZoneId.of("Africa/Nairobi"));
        Tariff tariff = new Tariff("flat-2024", "KES", 2_500, 1_000, 5_000);

        try (SiteStore store = SiteStore.open(file())) {
            assertThat(store.site()).isEmpty();
            assertThat(store.tariff()).isEmpty();

            store.saveSite(site, "GW-1");
            store.saveTariff(tariff);
        }

        try (SiteStore store = SiteStore.open(file())) {
            assertThat(store.site()).contains(site);
            assertThat(store.tariff()).contains(tariff);
        }
    }

    @Test
    void savingTheSiteAndTariffAgainReplacesThem() {
        try (SiteStore store = SiteStore.open(file())) {
            store.saveSite(new SiteInfo("SITE-1", "Old name", "KES", ZoneId.of("Africa/Nairobi")), "GW-1");
            store.saveTariff(new Tariff("flat-2023", "KES", 2_000, 800, 4_000));
            SiteInfo renamed = new SiteInfo("SITE-1", "New name", "UGX", ZoneId.of("Africa/Kampala"));
            Tariff raised = new Tariff("flat-2024", "UGX", 900, 0, 3_000);

            store.saveSite(renamed, "GW-2");
            store.saveTariff(raised);

            assertThat(store.site()).contains(renamed);
            assertThat(store.tariff()).contains(raised);
        }
    }

    @Test
    void refusesADatabaseWithANewerSchemaThanItKnows() throws SQLException {
        SiteStore.open(file()).close();
        int newer = Migrations.latestVersion() + 1;
        execute(file(), "INSERT INTO schema_version VALUES (" + newer + ", 'V" + newer + "__future.sql', 'x')");

        assertThatThrownBy(() -> SiteStore.open(file()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version " + newer)
                .hasMessageContaining("newer than this console knows")
                .hasMessageContaining("update Gridside");
    }

    @Test
    void leavesARefusedDatabaseClosed() throws SQLException {
        SiteStore.open(file()).close();
        execute(file(), "INSERT INTO schema_version VALUES (99, 'V99__future.sql', 'x')");

        assertThatThrownBy(() -> SiteStore.open(file())).isInstanceOf(StoreException.class);

        // SQLite removes the WAL and shared-memory files when the last connection closes; left behind, they
        // show a connection still open, which keeps the file locked on Windows.
        assertThat(Path.of(file() + "-wal")).doesNotExist();
        assertThat(Path.of(file() + "-shm")).doesNotExist();
    }

    @Test
    void aFailedRosterWriteLeavesNothingHalfWritten() {
        try (SiteStore store = SiteStore.open(file())) {
            store.saveRoster(List.of(AMINA), List.of(METER_1));
            Customer renamed = new Customer("C-1", "Amina Wanjiru", CustomerCategory.SHOP);
            Meter ofUnknownCustomer = new Meter("M-9", "S-9009", "C-9", "GW-1", -80);

            // The customers are written first; the meter's unknown customer then breaks the foreign key.
            assertThatThrownBy(() -> store.saveRoster(List.of(renamed, BARAKA), List.of(ofUnknownCustomer)))
                    .isInstanceOf(StoreException.class);

            assertThat(store.customers()).containsExactly(AMINA);
            assertThat(store.meters()).containsExactly(METER_1);
        }
    }

    @Test
    void staysWritableAfterAFailedWrite() {
        try (SiteStore store = SiteStore.open(file())) {
            Meter ofUnknownCustomer = new Meter("M-9", "S-9009", "C-9", "GW-1", -80);
            assertThatThrownBy(() -> store.saveRoster(List.of(), List.of(ofUnknownCustomer)))
                    .isInstanceOf(StoreException.class);

            store.saveRoster(List.of(AMINA), List.of(METER_1));
        }

        try (SiteStore store = SiteStore.open(file())) {
            assertThat(store.meters()).containsExactly(METER_1);
        }
    }

    private static Reading reading(String meterId, int interval, long energyWh) {
        return new Reading(meterId, T0.plus(QUARTER.multipliedBy(interval)), energyWh, 10_000 + energyWh);
    }

    private static LedgerEntry opening(long seq, String customerId, long amount) {
        return new LedgerEntry(seq, T0, customerId, EntryKind.OPENING, amount, amount, "opening");
    }

    private static LedgerEntry topUp(long seq, String customerId, long amount, long balanceAfter) {
        return new LedgerEntry(seq, T0.plusSeconds(300), customerId, EntryKind.TOP_UP, amount, balanceAfter,
                "payment:MP-" + seq);
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> column(Path file, String sql) throws SQLException {
        assertThat(Files.exists(file)).as("database file %s", file).isTrue();
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void openingAnExistingSiteDatabaseRefusesOtherFilesAndLeavesThemAsTheyWere() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE x (a)");
        }
        byte[] before = Files.readAllBytes(other);
        Path empty = Files.createFile(dir.resolve("empty.db"));
        Path text = Files.writeString(dir.resolve("text.db"), "not a database at all, only words ".repeat(30));

        assertThatThrownBy(() -> SiteStore.openExisting(other)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is a database, but not a site database");
        assertThatThrownBy(() -> SiteStore.openExisting(empty)).hasMessageContaining("is an empty file");
        assertThatThrownBy(() -> SiteStore.openExisting(text)).hasMessageContaining("is not a site database");
        assertThatThrownBy(() -> SiteStore.openExisting(dir.resolve("none.db")))
                .hasMessageContaining("There is no site database");
        assertThat(Files.readAllBytes(other)).isEqualTo(before);
        assertThat(empty).isEmptyFile();
        try (SiteStore store = SiteStore.open(dir.resolve("real.db"))) {
            assertThat(store.site()).isEmpty();
        }
        try (SiteStore reopened = SiteStore.openExisting(dir.resolve("real.db"))) {
            assertThat(reopened.site()).isEmpty();
        }
    }

    @Test
    void openingAnExistingDatabaseWhoseMakingWasKilledBeforeItsFirstStepFinishesIt() throws Exception {
        Path killed = dir.resolve("killed.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + killed);
                Statement statement = connection.createStatement()) {
            // What a console killed during its first pull leaves: the version table, and no step recorded in it.
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL, "
                    + "applied_at TEXT NOT NULL)");
        }

        try (SiteStore store = SiteStore.openExisting(killed)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(store.site()).isEmpty();
        }
    }

    @Test
    void anEmptyVersionTableBesideOtherTablesIsStillNotASiteDatabase() throws Exception {
        Path other = dir.resolve("other-with-versions.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY)");
            statement.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)");
        }

        assertThatThrownBy(() -> SiteStore.openExisting(other)).isInstanceOf(StoreException.class)
                .hasMessageContainingAll("is a database, but not a site database", "delete it and pull again");
    }
}
