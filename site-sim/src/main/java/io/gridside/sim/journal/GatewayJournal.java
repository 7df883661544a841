package io.gridside.sim.journal;

import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The simulated gateway's history in a SQLite file of its own: every reading it billed, every ledger entry and
 * every event, written one quarter hour at a time in one transaction, and read back by time, sequence or source.
 *
 * <p>SQLite rather than a file of our own: a quarter hour of 5,000 meters is one batched transaction of about
 * eight thousand rows, which takes SQLite some tens of milliseconds on a busy 2-core machine, well inside the
 * 900 ms a quarter hour lasts at 1,000 times real time; and it gives the indexes the gateway's queries need (by
 * time, by sequence, by source, by a payment's reference) without a format of our own to maintain.
 *
 * <p>The history is built anew with the gateway, so a journal opened on a file that exists replaces it. Not
 * thread-safe on its own: the gateway guards it.
 */
public final class GatewayJournal implements AutoCloseable {

    /** The name of the journal's file in the directory it is given. */
    public static final String FILE_NAME = "gateway-journal.db";

    private final Path file;
    private final Connection connection;
    private final ReadingRows readings;
    private final JournalLedgerRows ledger;
    private final JournalEventRows events;
    private final JournalCashBook cashBook;

    private GatewayJournal(Path file, Connection connection, List<String> meterIds, JournalCashBook cashBook)
            throws SQLException {
        this.file = file;
        this.connection = connection;
        this.cashBook = cashBook;
        this.readings = new ReadingRows(connection, meterIds);
        this.ledger = new JournalLedgerRows(connection);
        this.events = new JournalEventRows(connection);
    }

    /**
     * Opens a new, empty journal in {@code directory}, replacing any journal there, with the cash book there,
     * which it keeps (see {@link JournalCashBook}).
     *
     * @param meterIds the site's meters in their order, which readings are kept by
     * @param durable whether the journal must survive the process being killed, as one that is kept must; a
     *     journal deleted with its gateway need not, and skips the write-ahead log and the syncs to disk
     * @throws JournalException when the file cannot be created
     */
    public static GatewayJournal create(Path directory, List<String> meterIds, boolean durable) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(directory.resolve(FILE_NAME + suffix));
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                prepare(connection, durable);
                return new GatewayJournal(file, connection, meterIds, JournalCashBook.open(directory));
            } catch (SQLException | JournalException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new JournalException("The gateway's journal " + file + " could not be created: " + e.getMessage(),
                    e);
        }
    }

    private static void prepare(Connection connection, boolean durable) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (durable) {
                // A gateway that loses power loses at most its last quarter hour, never the journal's integrity.
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
            } else {
                // Each row written once and never synced: about a third faster at 5,000 meters, as measured.
                statement.execute("PRAGMA journal_mode=MEMORY");
                statement.execute("PRAGMA synchronous=OFF");
            }
            ReadingRows.create(statement);
            JournalLedgerRows.create(statement);
            JournalEventRows.create(statement);
        }
        connection.setAutoCommit(false);
        connection.commit();
    }

    public Path file() {
        return file;
    }

    /** The gateway's cash book, which outlives the journal's history. */
    public JournalCashBook cashBook() {
        return cashBook;
    }

    /**
    /** Makes room for the readings of a meter that joined the site after the journal began, as an exchange's. */
    public void addMeter(String meterId) {
        readings.addMeter(meterId);
    }

    /**
     * Writes one quarter hour's history in one transaction.
     *
     * @param tick the start of the quarter hour whose tick billed {@code billed}
     * @param billed the readings the tick billed, in the order billed
     * @param entries the ledger entries posted since the last write, in sequence order
     * @param logged the events logged since the last write, in the order logged
     */
    public void write(Instant tick, List<Reading> billed, List<LedgerEntry> entries, List<SiteEvent> logged) {
        try {
            readings.insert(tick, billed);
            ledger.insert(entries);
            events.insert(logged);
            connection.commit();
        } catch (SQLException e) {
            rollBack(e);
            throw new JournalException("The gateway could not write its journal for " + tick + ": " + e.getMessage(),
                    e);
        }
    }

    private void rollBack(SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** The readings billed by the ticks of the quarter hours that start in [from, to), in the order billed. */
    public List<Reading> readings(Instant from, Instant to) {
        return read(() -> readings.between(from, to));
    }

    /** The ledger entries after {@code afterSeq}, in sequence order. */
    public List<LedgerEntry> ledgerAfter(long afterSeq) {
        return read(() -> ledger.after(afterSeq));
    }

    /** The link of the hash chain written for entry {@code seq} (the genesis for 0), if it is written. */
    public Optional<byte[]> ledgerHash(long seq) {
        return read(() -> ledger.hash(seq));
    }

    /** The entry whose reference is {@code reference} and which credited a payment, if one is written. */
    public Optional<LedgerEntry> payment(String reference) {
        return read(() -> ledger.payment(reference));
    }

    /** The events that happened in [from, to), in the order logged. */
    public List<SiteEvent> events(Instant from, Instant to) {
        return read(() -> events.between(from, to));
    }

    /** The events whose source is {@code source}, in the order logged. */
    public List<SiteEvent> eventsOf(String source) {
        return read(() -> events.of(source));
    }

    private <T> T read(SqlRead<T> work) {
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollBack(e);
            throw new JournalException("The gateway could not read its journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Closes the journal and its cash book, and keeps their files. */
    @Override
    public void close() {
        try {
            cashBook.close();
            connection.close();
        } catch (SQLException e) {
            throw new JournalException("The gateway's journal " + file + " did not close cleanly.", e);
        }
    }

    /** Closes the journal and deletes its directory, for a journal that lived in a temporary one. */
    public void closeAndDelete() {
        close();
        deleteTree(file.getParent());
    }

    static void deleteTree(Path directory) {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway's journal directory " + directory + " could not be deleted.",
                    e);
        }
    }

    /** A read of the journal. */
    @FunctionalInterface
    interface SqlRead<T> {
        T run() throws SQLException;
    }

    /** Sets a nullable integer. */
    static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
