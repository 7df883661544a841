package io.gridside.sim.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The simulated cloud's durable store: one SQLite file ({@code cloud.db}, WAL) in its data folder, holding every
 * site's data keyed by site, and the backups taken of it ({@code backups/backup-N.db}).
 *
 * <p>KNOWN SHORTCOMING: one connection, used by one request at a time under a lock, and nothing is ever pruned
 * (committed batches' answers, idempotency answers, down items): the cloud is a test double for a few sites and
 * weeks, not a server for load or for years.
 */
final class CloudStore implements AutoCloseable {

    /** Work on the connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String FILE = "cloud.db";
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS idempotency (site TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,"
                    + " status INTEGER NOT NULL, body BLOB NOT NULL, PRIMARY KEY (site, key)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS watermark (site TEXT NOT NULL, stream TEXT NOT NULL, seq INTEGER NOT NULL,"
                    + " PRIMARY KEY (site, stream)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS up_item (site TEXT NOT NULL, stream TEXT NOT NULL, seq INTEGER NOT NULL,"
                    + " item TEXT NOT NULL, rejected INTEGER NOT NULL, PRIMARY KEY (site, stream, seq)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS ledger (site TEXT NOT NULL, seq INTEGER NOT NULL, day TEXT NOT NULL,"
                    + " item TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (site, seq)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS reading_block (site TEXT NOT NULL, meter_id TEXT NOT NULL, day TEXT NOT NULL,"
                    + " readings INTEGER NOT NULL, seq INTEGER NOT NULL, item TEXT NOT NULL,"
                    + " PRIMARY KEY (site, meter_id, day)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS keyed_item (site TEXT NOT NULL, stream TEXT NOT NULL, key TEXT NOT NULL,"
                    + " seq INTEGER NOT NULL, item TEXT NOT NULL, PRIMARY KEY (site, stream, key)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS customer_field (site TEXT NOT NULL, customer_id TEXT NOT NULL,"
                    + " field TEXT NOT NULL, value TEXT, hlc TEXT NOT NULL, origin TEXT NOT NULL,"
                    + " PRIMARY KEY (site, customer_id, field)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS batch (site TEXT NOT NULL, id TEXT NOT NULL, size INTEGER NOT NULL,"
                    + " sha256 TEXT NOT NULL, received INTEGER NOT NULL, committed INTEGER NOT NULL, answer BLOB,"
                    + " PRIMARY KEY (site, id)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS batch_chunk (site TEXT NOT NULL, id TEXT NOT NULL, offset INTEGER NOT NULL,"
                    + " bytes BLOB NOT NULL, PRIMARY KEY (site, id, offset)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS down_item (site TEXT NOT NULL, stream TEXT NOT NULL, n INTEGER NOT NULL,"
                    + " key TEXT NOT NULL, at_ms INTEGER NOT NULL, item TEXT NOT NULL,"
                    + " PRIMARY KEY (site, stream, n)) WITHOUT ROWID",
            "CREATE TABLE IF NOT EXISTS lost_laptop (laptop_id TEXT PRIMARY KEY, reported_ms INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS revoked (kind TEXT NOT NULL, value TEXT NOT NULL,"
                    + " PRIMARY KEY (kind, value)) WITHOUT ROWID");

    private final Path dir;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private String epoch;

    private CloudStore(Path dir) {
        this.dir = dir;
    }

    /** Opens (or creates) the store in {@code dir}; a new store gets a new epoch. */
    static CloudStore open(Path dir) {
        CloudStore store = new CloudStore(dir);
        try {
            Files.createDirectories(dir.resolve("backups"));
        } catch (IOException e) {
            throw new UncheckedIOException("The cloud's data folder " + dir + " could not be made.", e);
        }
        store.connect(false);
        return store;
    }

    private void connect(boolean newEpoch) {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(FILE).toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA busy_timeout=5000");
                for (String table : SCHEMA) {
                    statement.execute(table);
                }
            }
            epoch = newEpoch ? null : meta("epoch");
            if (epoch == null) {
                epoch = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
                setMeta("epoch", epoch);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The cloud's store in " + dir + " could not be opened.", e);
        }
    }

    /** The id that changes whenever the store is restored from a backup. */
    String epoch() {
        lock.lock();
        try {
            return epoch;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The cloud's store failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies the store, as it stands between two requests, to the next backup file.
     *
     * @return the backup's file
     */
    Path backup() {
        lock.lock();
        try (Stream<Path> existing = Files.list(dir.resolve("backups"))) {
            long next = existing.count() + 1;
            Path target = dir.resolve("backups").resolve("backup-" + next + ".db");
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("The cloud's backups could not be listed.", e);
        } catch (SQLException e) {
            throw new IllegalStateException("The cloud's store could not be backed up.", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the live store by its latest backup and gives it a new epoch, as a cloud restored after losing its
     * disk does: everything written since the backup is gone, except the lost laptops and revocations, which an
     * operator keeps apart from the data (a laptop reported lost must stay refused whatever was restored).
     *
     * @throws IllegalStateException when no backup was taken
     */
    void restoreLatestBackup() {
        lock.lock();
        try {
            Path latest = latestBackup();
            List<Object[]> lost = Sql.list(connection, row -> new Object[] {row.getString(1), row.getLong(2)},
                    "SELECT laptop_id, reported_ms FROM lost_laptop");
            List<Object[]> revoked = Sql.list(connection, row -> new Object[] {row.getString(1), row.getString(2)},
                    "SELECT kind, value FROM revoked");
            connection.close();
            Path live = dir.resolve(FILE);
            Files.deleteIfExists(dir.resolve(FILE + "-wal"));
            Files.deleteIfExists(dir.resolve(FILE + "-shm"));
            Files.copy(latest, live, StandardCopyOption.REPLACE_EXISTING);
            connect(true);
            for (Object[] laptop : lost) {
                Sql.update(connection, "INSERT OR IGNORE INTO lost_laptop (laptop_id, reported_ms) VALUES (?, ?)",
                        laptop);
            }
            for (Object[] entry : revoked) {
                Sql.update(connection, "INSERT OR IGNORE INTO revoked (kind, value) VALUES (?, ?)", entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The cloud's backup could not be restored.", e);
        } catch (SQLException e) {
            throw new IllegalStateException("The cloud's store could not be closed for a restore.", e);
        } finally {
            lock.unlock();
        }
    }

    private Path latestBackup() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            return files.filter(file -> file.getFileName().toString().matches("backup-\\d+\\.db"))
                    .max((a, b) -> Long.compare(number(a), number(b)))
                    .orElseThrow(() -> new IllegalStateException("The cloud has no backup to restore."));
        }
    }

    private static long number(Path backup) {
        String name = backup.getFileName().toString();
        return Long.parseLong(name.substring("backup-".length(), name.length() - ".db".length()));
    }

    private String meta(String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private void setMeta(String key, String value) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.executeUpdate();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("The cloud's store could not be closed.", e);
        } finally {
            lock.unlock();
        }
    }
}
