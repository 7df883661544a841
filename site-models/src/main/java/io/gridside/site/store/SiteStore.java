package io.gridside.site.store;

import io.gridside.site.CreditState;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.QueuedPayment;
import io.gridside.site.QueuedRead;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.MeshDay;
import io.gridside.site.ledger.LedgerCheck;
import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.ExceptionDecision;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's database of one site: one SQLite file in WAL mode, written in transactions.
 *
 * <p>Everything pulled from the gateway is keyed by the gateway's own identity (meter and interval,
 * ledger sequence), so pulling the same data twice stores it once. Safe to share between threads: calls
 * are serialised on the store.
 */
public final class SiteStore implements AutoCloseable {

    private final Connection connection;
    private final Path file;

    private static final int SQLITE_NOTADB = 26; // SQLite's result code for a file that is not a database

    private SiteStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** Opens the site database at {@code file}, creating and migrating it as needed. */
    public static SiteStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                configure(connection);
                Migrations.migrate(connection);
            } catch (SQLException | RuntimeException e) {
                closeAfterFailure(connection, e);
                throw e;
            }
            return new SiteStore(connection, file);
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLITE_NOTADB) {
                throw new StoreException(file + " is not a site database (nor any SQLite file); give the path of "
                        + "the site's database file.", e);
            }
            throw new StoreException("The site database " + file + " could not be opened: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StoreException("The site database " + file + " could not be opened: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a site database that must exist already, as the commands that read one do: a missing file, an empty
     * one or any other SQLite file is refused before anything is written to it. A database whose making was stopped
     * before its first schema step (only the empty version table) is this console's own and is made whole.
     *
     * @throws StoreException saying which, for a file that is not a site database
     */
    public static SiteStore openExisting(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StoreException("There is no site database at " + file + ".", null);
        }
        try {
            if (Files.size(file) == 0) {
                throw new StoreException(file + " is an empty file, not a site database; give the path of the "
                        + "site's database file. If a first pull into it was stopped, delete it and pull again.",
                        null);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("The site database " + file + " could not be read: " + e.getMessage(), e);
        }
        try (Connection probe = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath()
                + "?mode=ro")) {
            if (!SiteFileProbe.isSiteDatabase(probe) && !SiteFileProbe.isUnfinishedCreation(probe)) {
                throw new StoreException(file + " is a database, but not a site database; give the path of the "
                        + "site's database file. If it is one whose first pull was stopped before any table was "
                        + "made, delete it and pull again.", null);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLITE_NOTADB) {
                throw new StoreException(file + " is not a site database (nor any SQLite file); give the path of "
                        + "the site's database file.", e);
            }
            throw new StoreException("The site database " + file + " could not be opened: " + e.getMessage(), e);
        }
        return open(file);
    }

    /** A database that cannot be used is closed at once, so that it holds no handle, lock or WAL file. */
    private static void closeAfterFailure(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void configure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("PRAGMA busy_timeout=5000");
        }
    }

    public Path file() { return file; }

    public CommissionRecords commission() { return new CommissionRecords(this, connection, file); } // decision 0064

    public KeptCommands keptCommands() { return new KeptCommands(this, connection, file); } // decision 0090

    public ReplacementRecords replacements() { return new ReplacementRecords(this, connection, file); } // 0094

    public TolerantReads tolerantReads() { return new TolerantReads(this, connection, file); }

    public synchronized int schemaVersion() {
        return query(() -> Migrations.currentVersion(connection));
    }

    public synchronized void saveSite(SiteInfo site, String gatewayId) {
        inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO site_property (name, value) VALUES (?, ?) "
                            + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                putProperty(upsert, "siteId", site.siteId());
                putProperty(upsert, "name", site.name());
                putProperty(upsert, "currency", site.currency());
                putProperty(upsert, "zone", site.zone().getId());
                putProperty(upsert, "gatewayId", gatewayId);
                upsert.executeBatch();
            }
            return null;
        });
    }

    /** Stores the tariff the gateway bills with, which the console's audit re-runs. */
    public synchronized void saveTariff(Tariff tariff) {
        inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO site_property (name, value) VALUES (?, ?) "
                            + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                putProperty(upsert, "tariff.id", tariff.tariffId());
                putProperty(upsert, "tariff.currency", tariff.currency());
                putProperty(upsert, "tariff.energyMinorPerKwh", Long.toString(tariff.energyMinorPerKwh()));
                putProperty(upsert, "tariff.standingMinorPerDay", Long.toString(tariff.standingMinorPerDay()));
                putProperty(upsert, "tariff.lowCreditMinor", Long.toString(tariff.lowCreditMinor()));
                upsert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Keeps the gateway's billing configuration document under its digest, as the newest pulled; a document held
     * already under that digest is only marked as pulled again.
     *
     * @return whether the document was new
     */
    public synchronized boolean saveBillingConfig(byte[] digest, byte[] document, Instant pulledAt) {
        return inTransaction(() -> BillingConfigRows.save(connection, digest, document, pulledAt));
    }

    /** The billing configuration document pulled last, if any. */
    public synchronized Optional<byte[]> billingConfig() {
        return query(() -> BillingConfigRows.latest(connection));
    }

    public synchronized Optional<Tariff> tariff() {
        return query(() -> {
            String id = property("tariff.id");
            if (id == null) {
                return Optional.empty();
            }
            return Optional.of(new Tariff(id, property("tariff.currency"),
                    Long.parseLong(property("tariff.energyMinorPerKwh")),
                    Long.parseLong(property("tariff.standingMinorPerDay")),
                    Long.parseLong(property("tariff.lowCreditMinor"))));
        });
    }

    private static void putProperty(PreparedStatement upsert, String name, String value) throws SQLException {
        upsert.setString(1, name);
        upsert.setString(2, value);
        upsert.addBatch();
    }

    public synchronized Optional<SiteInfo> site() {
        return query(() -> {
            String siteId = property("siteId");
            if (siteId == null) {
                return Optional.empty();
            }
            return Optional.of(new SiteInfo(siteId, property("name"), property("currency"),
                    ZoneId.of(property("zone"))));
        });
    }

    /** The gateway the stored data came from, once anything was pulled. */
    public synchronized Optional<String> gatewayId() {
        return query(() -> Optional.ofNullable(property("gatewayId")));
    }

    private String property(String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT value FROM site_property WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Stores the customers and meters, replacing what was known of them. */
    public synchronized void saveRoster(List<Customer> customers, List<Meter> meters) {
        inTransaction(() -> {
            try (PreparedStatement customer = connection.prepareStatement(
                    "INSERT INTO customer (customer_id, name, category) VALUES (?, ?, ?) ON CONFLICT (customer_id) "
                            + "DO UPDATE SET name = excluded.name, category = excluded.category")) {
                for (Customer c : customers) {
                    customer.setString(1, c.customerId());
                    customer.setString(2, c.name());
                    customer.setString(3, c.category().name());
                    customer.addBatch();
                }
                customer.executeBatch();
            }
            try (PreparedStatement meter = connection.prepareStatement(
                    "INSERT INTO meter (meter_id, serial, customer_id, parent_id, rssi_dbm) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (meter_id) DO UPDATE SET serial = excluded.serial, customer_id = "
                            + "excluded.customer_id, parent_id = excluded.parent_id, rssi_dbm = excluded.rssi_dbm")) {
                for (Meter m : meters) {
                    meter.setString(1, m.meterId());
                    meter.setString(2, m.serial());
                    meter.setString(3, m.customerId());
                    meter.setString(4, m.parentId());
                    meter.setInt(5, m.rssiDbm());
                    meter.addBatch();
                }
                meter.executeBatch();
            }
            return null;
        });
    }

    public synchronized List<Customer> customers() {
        return query(() -> {
            List<Customer> result = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT customer_id, name, category FROM customer ORDER BY customer_id")) {
                while (rows.next()) {
                    result.add(new Customer(rows.getString(1), rows.getString(2),
                            CustomerCategory.valueOf(rows.getString(3))));
                }
            }
            return result;
        });
    }

    public synchronized List<Meter> meters() {
        return query(() -> {
            List<Meter> result = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT meter_id, serial, customer_id, parent_id, "
                            + "rssi_dbm FROM meter ORDER BY meter_id")) {
                while (rows.next()) {
                    result.add(new Meter(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getInt(5)));
                }
            }
            return result;
        });
    }

    /** Stores the gateway's latest view of each meter's balance, relay and link. */
    public synchronized void saveStatuses(List<MeterStatus> statuses) {
        inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO meter_status (meter_id, balance_minor, currency, last_reading_at, "
                            + "register_wh, relay, credit_state) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (MeterStatus s : statuses) {
                    upsert.setString(1, s.meterId());
                    upsert.setLong(2, s.balanceMinor());
                    upsert.setString(3, s.currency());
                    setInstant(upsert, 4, s.lastReadingAt());
                    upsert.setLong(5, s.registerWh());
                    upsert.setString(6, s.relay().name());
                    upsert.setString(7, s.creditState().name());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    public synchronized List<MeterStatus> statuses() {
        return query(() -> {
            List<MeterStatus> result = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT m.meter_id, m.customer_id, c.name, "
                            + "s.balance_minor, s.currency, s.last_reading_at, s.register_wh, m.rssi_dbm, "
                            + "m.parent_id, s.relay, s.credit_state FROM meter m "
                            + "JOIN meter_status s ON s.meter_id = m.meter_id "
                            + "JOIN customer c ON c.customer_id = m.customer_id ORDER BY m.meter_id")) {
                while (rows.next()) {
                    result.add(statusFrom(rows));
                }
            }
            return result;
        });
    }

    private static MeterStatus statusFrom(ResultSet rows) throws SQLException {
        long lastReading = rows.getLong(6);
        Instant lastReadingAt = rows.wasNull() ? null : Instant.ofEpochSecond(lastReading);
        return new MeterStatus(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                rows.getString(5), lastReadingAt, rows.getLong(7), rows.getInt(8), rows.getString(9),
                RelayState.valueOf(rows.getString(10)), CreditState.valueOf(rows.getString(11)));
    }

    /**
     * Stores readings, ignoring any already held (the first copy of a reading is kept); returns how many were new.
     * Readings may come in any order, late into a day held already; a day's readings are kept as one compact
     * block once the day is whole (decision 0026).
     */
    public synchronized int insertReadings(List<Reading> readings) {
        return inTransaction(() -> ReadingBlockRows.insert(connection, readings));
    }

    /**
     * Folds the readings of days that are not whole yet (the first and last days of a pull, days with gaps) into
     * their days' blocks, which keeps them in the compact form; returns how many readings moved. What the store
     * answers does not change.
     */
    public synchronized int compactReadings() {
        return inTransaction(() -> ReadingBlockRows.fold(connection));
    }

    /** The readings whose interval starts in [from, to), ordered by time and then meter. */
    public synchronized List<Reading> readings(Instant from, Instant to) {
        return query(() -> ReadingBlockRows.between(connection, from, to));
    }

    /** One meter's readings whose interval starts in [from, to), in time order. */
    public synchronized List<Reading> readings(String meterId, Instant from, Instant to) {
        return query(() -> ReadingBlockRows.ofMeter(connection, meterId, from, to));
    }

    public synchronized long readingCount() {
        return query(() -> ReadingBlockRows.count(connection));
    }

    /**
     * Stores ledger entries, skipping any already held by sequence, each new one with its link of the hash chain;
     * returns how many were new.
     *
     * @throws LedgerConflictException when an entry already held comes back different: the gateway's history
     *     changed, and nothing of this batch is stored
     */
    public synchronized int insertLedger(List<LedgerEntry> entries) {
        return inTransaction(() -> LedgerRows.insert(connection, entries, null));
    }

    /**
     * Stores ledger entries as {@link #insertLedger(List)} does, checking each against the hash the gateway sent
     * with it (same order).
     *
     * @throws LedgerConflictException naming the first entry whose link breaks the chain held here, or that came
     *     back different; nothing of this batch is stored
     */
    public synchronized int insertLedger(List<LedgerEntry> entries, List<byte[]> hashes) {
        return inTransaction(() -> LedgerRows.insert(connection, entries, hashes));
    }

    /** The whole ledger as pulled, in sequence order. */
    public synchronized List<LedgerEntry> ledger() {
        return query(() -> LedgerRows.all(connection));
    }

    /** The link of the hash chain held for entry {@code seq} (the genesis for 0), if any. */
    public synchronized Optional<byte[]> ledgerHash(long seq) {
        return query(() -> Optional.ofNullable(LedgerRows.hash(connection, seq)));
    }

    /** Re-walks the ledger: its chain from the genesis, each balance derived from the entries, the trial balance. */
    public synchronized LedgerCheck.Result checkLedger() {
        return query(() -> LedgerRows.check(connection));
    }

    /** Keeps the lines of the gateway's cash book not held yet, in one transaction; returns how many were new. */
    public synchronized int insertCashBook(List<CashBookLine> lines) {
        return inTransaction(() -> CashBookRows.insert(connection, lines));
    }

    /** The gateway's cash book as pulled: its receipts and voids, in time order and then by receipt. */
    public synchronized List<CashBookLine> cashBook() {
        return query(() -> CashBookRows.all(connection));
    }

    /** Stores events of the gateway's log, ignoring any held already by the gateway's number; returns the new. */
    public synchronized int insertEvents(List<SiteEvent> events) {
        return inTransaction(() -> EventRows.insert(connection, events));
    }

    /** The events held that happened in [from, to), in the order the gateway logged them. */
    public synchronized List<SiteEvent> events(Instant from, Instant to) {
        return query(() -> EventRows.between(connection, from, to));
    }

    /** When the earliest event held happened; empty when none is held. */
    public synchronized Optional<Instant> earliestEventAt() {
        return query(() -> EventRows.earliest(connection));
    }

    /** When the latest event held happened, which a pull of events resumes from; empty when none is held. */
    public synchronized Optional<Instant> latestEventAt() {
        return query(() -> EventRows.latest(connection));
    }

    /**
     * Stores a snapshot of the mesh unless one of the same moment is held already; returns whether it was new.
     */
    public synchronized boolean insertTopology(TopologySnapshot snapshot) {
        return inTransaction(() -> TopologyRows.insert(connection, snapshot));
    }

    /** Whether a snapshot of the mesh at exactly {@code at} is held. */
    public synchronized boolean holdsTopology(Instant at) {
        return query(() -> TopologyRows.holds(connection, at));
    }

    /** The moments of the mesh snapshots held, oldest first: the stops of a time slider. */
    public synchronized List<Instant> topologyTimes() {
        return query(() -> TopologyRows.times(connection));
    }

    /**
     * The snapshot of the mesh held whose time is nearest {@code at}, before or after it (the earlier of two as
     * near); empty when none is held.
     */
    public synchronized Optional<TopologySnapshot> topologyNearest(Instant at) {
        return query(() -> TopologyRows.nearest(connection, at));
    }

    /** The digests held of the site days from {@code from} to {@code to}, both included, in day order. */
    public synchronized List<DayDigest> dayDigests(LocalDate from, LocalDate to) {
        return query(() -> HistoryRows.digests(connection, from, to));
    }

    /**
     * Replaces what is held of one site day, [from, to), in one transaction: its events when {@code events} is not
     * null, its mesh history document ({@link io.gridside.site.history.MeshDayDocument}) when {@code meshDocument}
     * is not null, and the digest it is held under.
     *
     * @throws StoreException when the document is not a mesh history; nothing of the day changes then
     */
    public synchronized void replaceDay(DayDigest digest, Instant from, Instant to, List<SiteEvent> events,
            byte[] meshDocument) {
        inTransaction(() -> {
            try {
                HistoryRows.replaceDay(connection, digest, from, to, events, meshDocument);
            } catch (IllegalArgumentException e) {
                throw new SQLException("The mesh history of " + digest.day() + " could not be read: "
                        + e.getMessage(), e);
            }
            return null;
        });
    }

    /** The mesh history held of the site day {@code day}, which may begin after the day does; empty if none. */
    public synchronized Optional<MeshDay> meshDay(LocalDate day) {
        return query(() -> HistoryRows.meshDayOf(connection, day));
    }

    /** The mesh history held of the site day that holds {@code at}; empty when none is held. */
    public synchronized Optional<MeshDay> meshDayAt(Instant at) {
        return query(() -> HistoryRows.meshDayAt(connection, at));
    }

    /**
     * The mesh at {@code at} as the mesh history held of that day has it: every radio's route and the links in
     * use with their quality (see {@link MeshDay#meshAt}); empty when no history of that day is held.
     */
    public synchronized Optional<TopologySnapshot> meshAt(Instant at) {
        return query(() -> HistoryRows.meshAt(connection, at));
    }

    /** The radio positions the technician chose in the mesh view's {@code layout}, by radio id, as {x, y}. */
    public synchronized Map<String, float[]> meshPositions(String layout) {
        return query(() -> MeshPositionRows.of(connection, layout));
    }

    /** Keeps where the technician put radio {@code radioId} in the mesh view's {@code layout}, in world units. */
    public synchronized void saveMeshPosition(String layout, String radioId, float x, float y) {
        inTransaction(() -> {
            MeshPositionRows.save(connection, layout, radioId, x, y);
            return null;
        });
    }

    /** Forgets the positions chosen in {@code layout}, so its radios go back where the layout puts them. */
    public synchronized int clearMeshPositions(String layout) {
        return inTransaction(() -> MeshPositionRows.clear(connection, layout));
    }

    /** Which feeder supplies each meter the gateway's wiring plan places, by meter id; empty when none is known. */
    public synchronized Map<String, String> feeders() {
        return query(() -> FeederRows.all(connection));
    }

    /** Replaces the map of which feeder supplies each meter with the gateway's. */
    public synchronized void saveFeeders(Map<String, String> feeders) {
        inTransaction(() -> {
            FeederRows.replace(connection, feeders);
            return null;
        });
    }

    /** The first site day a pull keeps history of, when one was set; without one, the gateway's first day. */
    public synchronized Optional<LocalDate> historyHorizon() {
        return query(() -> Optional.ofNullable(property("history.horizon")).map(LocalDate::parse));
    }

    /** Sets the first site day a pull keeps history of. */
    public synchronized void setHistoryHorizon(LocalDate day) {
        inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO site_property (name, value) VALUES (?, ?) "
                            + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                putProperty(upsert, "history.horizon", day.toString());
                upsert.executeBatch();
            }
            return null;
        });
    }

    /** Stores raw register reads once per meter and time; see {@link RawReadsStored} for what became of each. */
    public synchronized RawReadsStored insertRawReads(List<RawRead> reads) {
        return inTransaction(() -> VeeRows.insertReads(connection, reads));
    }

    /**
     * Stores imported raw reads as {@link #insertRawReads} does, and queues the exceptions VEE found in them, in one
     * transaction, so that an import is either whole or absent.
     */
    public synchronized RawReadsStored importRawReads(List<RawRead> reads, List<ReadException> exceptions) {
        return inTransaction(() -> {
            RawReadsStored stored = VeeRows.insertReads(connection, reads);
            VeeRows.insertExceptions(connection, exceptions);
            return stored;
        });
    }

    /** The raw reads held whose time is in [from, to), by meter and then time. */
    public synchronized List<RawRead> rawReads(Instant from, Instant to) {
        return query(() -> VeeRows.reads(connection, from, to));
    }

    /** Queues exceptions of VEE, each read and rule once; returns how many were new. */
    public synchronized int queueExceptions(List<ReadException> exceptions) {
        return inTransaction(() -> VeeRows.insertExceptions(connection, exceptions));
    }

    /** The exceptions queue, oldest first. */
    public synchronized List<ReadException> exceptions() {
        return query(() -> VeeRows.exceptions(connection));
    }

    /** Stores gap estimates, keeping any a technician has edited; returns how many were new or replaced. */
    public synchronized int saveEstimates(List<GapEstimate> estimates) {
        return inTransaction(() -> VeeRows.saveEstimates(connection, estimates));
    }

    /** Every gap estimate held, by meter and gap start. */
    public synchronized List<GapEstimate> estimates() {
        return query(() -> VeeRows.estimates(connection));
    }

    /** The estimate of the gap of {@code meterId} that starts at {@code gapStart}, if one is held. */
    public synchronized Optional<GapEstimate> estimate(String meterId, Instant gapStart) {
        return query(() -> VeeRows.estimate(connection, meterId, gapStart));
    }

    /** Records a technician's edit of an estimate, in its history and in the estimate, in one transaction. */
    public synchronized void recordEdit(EstimateEdit edit) {
        inTransaction(() -> {
            VeeRows.recordEdit(connection, edit);
            return null;
        });
    }

    /** The edits of one gap's estimate, oldest first. */
    public synchronized List<EstimateEdit> edits(String meterId, Instant gapStart) {
        return query(() -> VeeRows.edits(connection, meterId, gapStart));
    }

    /** Records a technician's decision on a queued exception; refused when no such exception is queued. */
    public synchronized void recordDecision(ExceptionDecision decision) {
        inTransaction(() -> {
            VeeRows.recordDecision(connection, decision);
            return null;
        });
    }

    /**
     * Records {@code decision} and queues the read it decides for the gateway's billing, in one transaction, so
     * that no decision is kept without its read on the way to the gateway.
     */
    public synchronized void recordDecision(ExceptionDecision decision, QueuedRead read, Instant queuedAt) {
        inTransaction(() -> {
            VeeRows.recordDecision(connection, decision);
            ReadingOutboxRows.queue(connection, List.of(read), queuedAt);
            return null;
        });
    }

    /** Every decision on the exceptions queue, oldest first; an exception's last one holds. */
    public synchronized List<ExceptionDecision> exceptionDecisions() {
        return query(() -> VeeRows.decisions(connection));
    }

    /** The gateway's clock as the last pull saw it, which VEE judges reads from the future by. */
    public synchronized Optional<Instant> pulledGatewayClock() {
        return query(() -> Optional.ofNullable(property("pull.gatewayClock")).map(Instant::parse));
    }

    /** Keeps the gateway's clock as a pull saw it. */
    public synchronized void setPulledGatewayClock(Instant clock) {
        inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO site_property (name, value) VALUES (?, ?) "
                            + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                putProperty(upsert, "pull.gatewayClock", clock.toString());
                upsert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Queues imported payments for the gateway in one transaction: a reference the outbox does not hold is queued,
     * one the gateway refused is queued again, any other is left as it is. Returns how many were queued.
     */
    public synchronized int queuePayments(List<QueuedPayment> payments, Instant queuedAt) {
        return inTransaction(() -> OutboxRows.queue(connection, payments, queuedAt));
    }

    /** Every payment of the outbox, in the order it was queued. */
    public synchronized List<QueuedPayment> queuedPayments() {
        return query(() -> OutboxRows.payments(connection, null));
    }

    /** The payments of the outbox the gateway has not answered yet, in the order they were queued. */
    public synchronized List<QueuedPayment> pendingPayments() {
        return query(() -> OutboxRows.payments(connection, QueuedPayment.State.PENDING));
    }

    /** Records the gateway's answers to queued payments, each by its reference, in one transaction. */
    public synchronized void recordPaymentAnswers(List<QueuedPayment> answered, Instant at) {
        inTransaction(() -> {
            OutboxRows.answer(connection, answered, at);
            return null;
        });
    }

    /**
     * Queues register reads for the gateway's billing in one transaction: a read new by origin, meter and time is
     * queued, one the gateway refused is queued again, any other is left as it is. Returns how many were queued.
     */
    public synchronized int queueReads(List<QueuedRead> reads, Instant queuedAt) {
        return inTransaction(() -> ReadingOutboxRows.queue(connection, reads, queuedAt));
    }

    /** Every read of the outbox, in the order it was queued. */
    public synchronized List<QueuedRead> queuedReads() {
        return query(() -> ReadingOutboxRows.reads(connection, null));
    }

    /** The reads of the outbox the gateway has not answered yet, in the order they were queued. */
    public synchronized List<QueuedRead> pendingReads() {
        return query(() -> ReadingOutboxRows.reads(connection, QueuedRead.State.PENDING));
    }

    /** Records the gateway's answers to queued reads in one transaction. */
    public synchronized void recordReadAnswers(List<QueuedRead> answered, Instant at) {
        inTransaction(() -> {
            ReadingOutboxRows.answer(connection, answered, at);
            return null;
        });
    }

    /** The top-ups of the ledger replica, by the payment's own reference (the ledger's without "payment:"). */
    public synchronized Map<String, LedgerEntry> ledgerPayments() {
        return query(() -> OutboxRows.ledgerPayments(connection));
    }

    /** The highest ledger sequence held, or 0 when the ledger is empty. */
    public synchronized long lastLedgerSeq() {
        return query(() -> count("SELECT COALESCE(MAX(seq), 0) FROM ledger_entry"));
    }

    /** The firmware the console knows of: the fleet as pulled, meter campaigns and the gateway's installs. */
    public FirmwareRecords firmware() { return new FirmwareRecords(this, connection, file); }

    /** What sync with the cloud keeps: the outbox, checkpoints, down streams' cursors and what they brought. */
    public SyncRows sync() { return new SyncRows(this, connection, file); }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.getLong(1);
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value.getEpochSecond());
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("The site database " + file + " could not be closed cleanly.", e);
        }
    }

    private <T> T query(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException("The site database " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run();
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("The site database " + file + " could not be written: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}
