package io.gridside.sim.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a kept gateway journal needs beside its history to be resumed: the site it was built for, every command a
 * console gave the gateway that changed its books (imported payments, exchanges, moves, corrections, clock
 * settings), each with the gateway's clock when it came, and the furthest quarter hour the gateway reached. The
 * history itself is a pure function of the site's seed and these; the cash book keeps cash taken on site.
 *
 * <p>A SQLite file of its own, synced before the gateway answers: a console told a payment was credited must find
 * it credited after any stop. Not thread-safe on its own: the gateway guards it.
 */
public final class GatewayInputs implements AutoCloseable {

    /** The name of the file in the journal's directory. */
    public static final String FILE_NAME = "gateway-inputs.db";

    private final Path file;
    private final Connection connection;

    private GatewayInputs(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the inputs in {@code directory}, creating them empty when there are none.
     *
     * @throws JournalException when the file cannot be opened or is not a gateway's inputs
     */
    public static GatewayInputs open(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            java.nio.file.Files.createDirectories(directory);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("CREATE TABLE IF NOT EXISTS gateway_site (id INTEGER PRIMARY KEY CHECK (id = 1), "
                        + "site_key TEXT NOT NULL, now_second INTEGER NOT NULL, now_nano INTEGER NOT NULL, "
                        + "reached_second INTEGER, head_seq INTEGER, head_hash BLOB)");
                statement.execute("CREATE TABLE IF NOT EXISTS gateway_input (seq INTEGER PRIMARY KEY, "
                        + "clock_second INTEGER NOT NULL, clock_nano INTEGER NOT NULL, code INTEGER NOT NULL, "
                        + "actor TEXT, payload BLOB NOT NULL)");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new GatewayInputs(file, connection);
        } catch (SQLException | java.io.IOException e) {
            throw new JournalException("The gateway's inputs " + file + " could not be opened: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The site the journal was built for, if it has been told one. */
    public Optional<Site> site() {
        return query("SELECT site_key, now_second, now_nano, reached_second, head_seq, head_hash FROM gateway_site",
                rows -> rows.next()
                        ? Optional.of(new Site(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2),
                                rows.getInt(3)), rows.getObject(4) == null ? null
                                        : Instant.ofEpochSecond(rows.getLong(4)), rows.getLong(5), rows.getBytes(6)))
                        : Optional.empty());
    }

    /** Records the site a new journal is built for. */
    public void recordSite(String siteKey, Instant now) {
        update("INSERT INTO gateway_site (id, site_key, now_second, now_nano) VALUES (1, ?, ?, ?)", statement -> {
            statement.setString(1, siteKey);
            statement.setLong(2, now.getEpochSecond());
            statement.setInt(3, now.getNano());
        });
    }

    /**
     * Records how far a journal that was verified got: the last quarter hour it billed and the head of its ledger's
     * chain, which the journal rebuilt from the seed and these inputs must reach again.
     */
    public void reached(Instant tick, long headSeq, byte[] headHash) {
        update("UPDATE gateway_site SET reached_second = ?, head_seq = ?, head_hash = ?", statement -> {
            statement.setLong(1, tick.getEpochSecond());
            statement.setLong(2, headSeq);
            statement.setBytes(3, headHash);
        });
    }

    /** Appends one command, synced before it returns. */
    public void append(Input input) {
        update("INSERT INTO gateway_input (clock_second, clock_nano, code, actor, payload) VALUES (?, ?, ?, ?, ?)",
                statement -> {
                    statement.setLong(1, input.clock().getEpochSecond());
                    statement.setInt(2, input.clock().getNano());
                    statement.setInt(3, input.code());
                    statement.setString(4, input.actor());
                    statement.setBytes(5, input.payload());
                });
    }

    /** Every command recorded, in the order they came. */
    public List<Input> inputs() {
        return query("SELECT clock_second, clock_nano, code, actor, payload FROM gateway_input ORDER BY seq", rows -> {
            List<Input> inputs = new ArrayList<>();
            while (rows.next()) {
                inputs.add(new Input(Instant.ofEpochSecond(rows.getLong(1), rows.getInt(2)), rows.getInt(3),
                        rows.getString(4), rows.getBytes(5)));
            }
            return inputs;
        });
    }

    private void update(String sql, Binder binder) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("The gateway could not write its inputs " + file + ": " + e.getMessage(), e);
        }
    }

    private <T> T query(String sql, Reader<T> reader) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return reader.read(rows);
        } catch (SQLException e) {
            throw new JournalException("The gateway could not read its inputs " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new JournalException("The gateway's inputs " + file + " did not close cleanly.", e);
        }
    }

    /**
     * The site a journal was built for.
     *
     * @param siteKey what the site is built from, but its start: meters, seed, days of history and billing
     * @param now the gateway's clock when the journal was begun, where its history ends
     * @param reached the end of the last quarter hour the gateway is known to have billed, or null
     * @param headSeq the sequence of the last ledger entry it is known to have written, 0 for none
     * @param headHash that entry's link of the hash chain, or null
     */
    public record Site(String siteKey, Instant now, Instant reached, long headSeq, byte[] headHash) {
    }

    /**
     * A command a console gave the gateway.
     *
     * @param clock the gateway's clock when it came
     * @param code the wire code of its message
     * @param actor who gave it (a technician's or supervisor's id), or null
     * @param payload the message as the link encodes it
     */
    public record Input(Instant clock, int code, String actor, byte[] payload) {
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }
}
