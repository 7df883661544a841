package io.gridside.sim.journal;

import io.gridside.billing.ReadingHistory;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.vee.GapEstimate;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>Beside the history it keeps the billing engine's running state, written in the same transaction as the
 * readings that changed it (see {@link #write(Instant, List, List, List, BillingCheckpoint)}), so billing can resume
 * from a journal {@linkplain #open reopened} after its process was killed at any instant. The simulated gateway
 * builds its history anew, with {@link #create}, which replaces a journal there. Not thread-safe on its own: the
 * gateway guards it.
 */
public final class GatewayJournal implements AutoCloseable {

    /** The name of the journal's file in the directory it is given. */
    public static final String FILE_NAME = "gateway-journal.db";

    private final Path file;
    private final Connection connection;
    private final ReadingRows readings;
    private final JournalLedgerRows ledger;
    private final JournalEventRows events;
    private final BillingStateRows billing;
    private final EstimateRows estimates;
    private final ReadCorrectionRows corrections;
    private final JournalCashBook cashBook;
    private final JournalCommandLog commandLog;
    private final JournalRevocations revocations;
    /** The estimates billing made since the last write, which the next write keeps in its transaction. */
    private final List<GapEstimate> unwrittenEstimates = new ArrayList<>();
    /** The gaps meters filled since the last write, which the next write records after its estimates. */
    private final List<GapEstimate> unwrittenFills = new ArrayList<>();
    /** The reads corrected since the last write, which the next write records in its transaction. */
    private final List<CorrectedRead> unwrittenCorrections = new ArrayList<>();

    private GatewayJournal(Path file, Connection connection, List<String> meterIds, JournalCashBook cashBook)
            throws SQLException {
        this.file = file;
        this.connection = connection;
        this.cashBook = cashBook;
        this.commandLog = JournalCommandLog.open(file.getParent());
        this.revocations = JournalRevocations.open(file.getParent());
        this.readings = new ReadingRows(connection, meterIds);
        this.ledger = new JournalLedgerRows(connection);
        this.events = new JournalEventRows(connection);
        this.billing = new BillingStateRows(connection);
        this.estimates = new EstimateRows(connection);
        this.corrections = new ReadCorrectionRows(connection);
        connection.commit();
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

    /**
     * Opens the durable journal in {@code directory} as it was left, however its last process ended, or a new one
     * when there is none: what was committed is all there, and a quarter hour cut short is not there at all.
     *
     * @param meterIds the site's meters in their order, as the journal was created with
     * @throws JournalException when the file cannot be opened or is not a journal
     */
    public static GatewayJournal open(Path directory, List<String> meterIds) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return create(directory, meterIds, true);
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                if (!hasSchema(connection)) {
                    connection.close();
                    return create(directory, meterIds, true);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA journal_mode=WAL");
                    statement.execute("PRAGMA synchronous=NORMAL");
                }
                connection.setAutoCommit(false);
                return new GatewayJournal(file, connection, meterIds, JournalCashBook.open(directory));
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("The gateway's journal " + file + " could not be opened: " + e.getMessage(), e);
        }
    }

    /** Whether the file holds a journal's schema: one whose creation was cut short holds none of it. */
    private static boolean hasSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'ledger_entry'")) {
            return rows.next() && rows.getInt(1) > 0;
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
        }
        // The schema in one transaction: a process killed while creating it leaves no half of one behind.
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            ReadingRows.create(statement);
            JournalLedgerRows.create(statement);
            JournalEventRows.create(statement);
            BillingStateRows.create(statement);
        }
        connection.commit();
    }

    public Path file() {
        return file;
    }

    /** The gateway's cash book, which outlives the journal's history. */
    public JournalCashBook cashBook() {
        return cashBook;
    }

    /** The signed commands the gateway took, which, like the cash book, outlive the journal's history. */
    public JournalCommandLog commandLog() {
        return commandLog;
    }

    /** The operators' revocation lists the gateway holds, which, like the command log, outlive its history. */
    public JournalRevocations revocations() {
        return revocations;
    }

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
        write(tick, billed, entries, logged, null);
    }

    /**
     * Writes one quarter hour's history and the billing state it leads to in one transaction, so that a journal
     * reopened after any stop holds readings, ledger and running balances of the same instant.
     *
     * @param state the accounts billing changed since the last write and the tick it reached; null to keep none
     */
    public void write(Instant tick, List<Reading> billed, List<LedgerEntry> entries, List<SiteEvent> logged,
            BillingCheckpoint state) {
        try {
            readings.insert(tick, billed);
            ledger.insert(entries);
            events.insert(logged);
            if (state != null) {
                billing.write(state.changedAccounts(), state.lastTick());
            }
            estimates.insert(tick, unwrittenEstimates);
            for (GapEstimate filled : unwrittenFills) {
                estimates.fill(filled.meterId(), filled.gapStart(), filled.energiesWh());
            }
            for (CorrectedRead corrected : unwrittenCorrections) {
                corrections.put(corrected.meterId(), corrected.readAt(), corrected.registerWh());
            }
            connection.commit();
            unwrittenEstimates.clear();
            unwrittenFills.clear();
            unwrittenCorrections.clear();
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

    /**
     * The readings of {@link #readings(Instant, Instant)} of the one meter {@code meterId}, or every meter's when it
     * is null.
     */
    public List<Reading> readings(Instant from, Instant to, String meterId) {
        return meterId == null ? readings(from, to) : read(() -> readings.ofMeterBilledBetween(meterId, from, to));
    }

    /**
     * Keeps the gaps a tick's billing spread, flagged with their method, to be written with the quarter hour's
     * readings by the next {@link #write}, in its transaction.
     */
    public void keepEstimates(List<GapEstimate> spread) {
        unwrittenEstimates.addAll(spread);
    }

    /**
     * Keeps the energies a meter sent at last for a gap billing spread (as the gap, its energies the meter's), to be
     * recorded against the gap's estimate by the next {@link #write}, in its transaction.
     */
    public void keepActuals(GapEstimate filled) {
        unwrittenFills.add(filled);
    }

    /** A register a supervisor's command put in place of the one the meter sent at {@code readAt}. */
    public record CorrectedRead(String meterId, Instant readAt, long registerWh) {
    }

    /** Keeps a corrected read, to be recorded by the next {@link #write}, in its transaction. */
    public void keepCorrection(CorrectedRead corrected) {
        unwrittenCorrections.add(corrected);
    }

    /** Whether fills or corrections wait for the next {@link #write}. */
    public boolean holdsUnwritten() {
        return !unwrittenFills.isEmpty() || !unwrittenCorrections.isEmpty();
    }

    /** The meter's corrected registers the journal recorded, by the instant each was read at. */
    public Map<Instant, Long> correctedReads(String meterId) {
        return read(() -> corrections.of(meterId));
    }

    /**
     * The gap of the meter that billing spread from {@code gapStart}, with the actuals that filled it (null while
     * it is estimated); empty when no gap of the meter started then.
     */
    public Optional<Map.Entry<GapEstimate, List<Long>>> estimateFrom(String meterId, Instant gapStart) {
        return read(() -> estimates.from(meterId, gapStart));
    }

    /** The actuals of every gap of the meter that its meter filled and the journal recorded, by the gap's start. */
    public Map<Instant, List<Long>> filledGaps(String meterId) {
        return read(() -> estimates.filled(meterId));
    }

    /** The estimates written by the ticks of the quarter hours that start in [from, to), in the order billed. */
    public List<GapEstimate> estimates(Instant from, Instant to) {
        return read(() -> estimates.between(from, to, false));
    }

    /**
     * The gaps of {@link #estimates} whose meters filled them, each with the energies its meter sent in place of
     * the spread.
     */
    public List<GapEstimate> filledGaps(Instant from, Instant to) {
        return read(() -> estimates.between(from, to, true));
    }

    /**
     * The readings the journal holds as the history a gap's spread looks back on: those of the ticks written, none of
     * the tick under way.
     */
    public ReadingHistory readingHistory() {
        return new ReadingHistory() {
            @Override
            public Optional<Instant> lastReadingEnd(String meterId, Instant notAfter) {
                return read(() -> readings.lastEnd(meterId, notAfter));
            }

            @Override
            public List<Reading> readings(String meterId, Instant from, Instant to) {
                return read(() -> readings.ofMeter(meterId, from, to));
            }
        };
    }

    /** Every account's saved billing state, in the order the accounts were opened; empty before any was kept. */
    public List<byte[]> accountStates() {
        return read(billing::accounts);
    }

    /** The last tick whose billing state the journal holds, if it holds one. */
    public Optional<Instant> billingTick() {
        return read(billing::lastTick);
    }

    /** The sequence of the last ledger entry written, or 0 when none is. */
    public long lastLedgerSeq() {
        return ledger.headSeq();
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
            commandLog.close();
            revocations.close();
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

    /** Deletes {@code directory} and all it holds. */
    public static void deleteTree(Path directory) {
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
