package io.gridside.sim.journal;

import io.gridside.link.message.CommandsBatch;
import io.gridside.link.server.CommandLog;
import io.gridside.site.cbor.ByteString;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The simulated gateway's command log in a SQLite file of its own beside its journal. Like the cash book, and
 * unlike the journal, it is kept across restarts: each signed command the gateway took, with the credential
 * that signed it and the gateway's answer, written and synced before the answer leaves. Every nonce ever taken
 * stays known, so no command is taken twice, even after a restart.
 */
public final class JournalCommandLog implements CommandLog, AutoCloseable {

    /** The name of the log's file in the journal's directory. */
    public static final String FILE_NAME = "gateway-commands.db";

    private final Path file;
    private final Connection connection;
    /** The nonces taken, those of logged commands and of those being carried out. */
    private final Set<ByteString> nonces = new HashSet<>();

    private JournalCommandLog(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the log in {@code directory}, creating it empty when there is none and keeping what one holds.
     *
     * @throws JournalException when the file cannot be opened or is not a command log
     */
    public static JournalCommandLog open(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            JournalCommandLog log = new JournalCommandLog(file, connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                // Money: a command whose answer the technician saw must survive a power cut.
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("CREATE TABLE IF NOT EXISTS command (seq INTEGER PRIMARY KEY, "
                        + "taken_second INTEGER NOT NULL, taken_nano INTEGER NOT NULL, nonce BLOB NOT NULL UNIQUE, "
                        + "command BLOB NOT NULL, signature BLOB NOT NULL, credential BLOB NOT NULL, "
                        + "credential_signature BLOB NOT NULL, answer_type INTEGER NOT NULL, answer BLOB NOT NULL)");
                try (ResultSet rows = statement.executeQuery("SELECT nonce FROM command")) {
                    while (rows.next()) {
                        log.nonces.add(ByteString.of(rows.getBytes(1)));
                    }
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return log;
        } catch (SQLException e) {
            throw new JournalException("The gateway's command log " + file + " could not be opened: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean reserve(ByteString nonce) {
        return nonces.add(nonce);
    }

    @Override
    public synchronized boolean holds(ByteString nonce) {
        return nonces.contains(nonce);
    }

    @Override
    public synchronized CommandsBatch.Entry append(Instant takenAt, ByteString nonce, ByteString command,
            ByteString signature, ByteString credential, ByteString credentialSignature, int answerType,
            ByteString answer) {
        nonces.add(nonce);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO command (taken_second, "
                + "taken_nano, nonce, command, signature, credential, credential_signature, answer_type, answer) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, takenAt.getEpochSecond());
            insert.setInt(2, takenAt.getNano());
            insert.setBytes(3, nonce.toByteArray());
            insert.setBytes(4, command.toByteArray());
            insert.setBytes(5, signature.toByteArray());
            insert.setBytes(6, credential.toByteArray());
            insert.setBytes(7, credentialSignature.toByteArray());
            insert.setInt(8, answerType);
            insert.setBytes(9, answer.toByteArray());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new CommandsBatch.Entry(keys.getLong(1), takenAt, command, signature, credential,
                        credentialSignature, answerType, answer);
            }
        } catch (SQLException e) {
            throw new JournalException("The gateway could not write its command log " + file + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<CommandsBatch.Entry> after(long afterSeq) {
        List<CommandsBatch.Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, taken_second, taken_nano, "
                + "command, signature, credential, credential_signature, answer_type, answer FROM command "
                + "WHERE seq > ? ORDER BY seq")) {
            select.setLong(1, afterSeq);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new CommandsBatch.Entry(rows.getLong(1),
                            Instant.ofEpochSecond(rows.getLong(2), rows.getInt(3)), bytes(rows, 4), bytes(rows, 5),
                            bytes(rows, 6), bytes(rows, 7), rows.getInt(8), bytes(rows, 9)));
                }
            }
        } catch (SQLException e) {
            throw new JournalException("The gateway could not read its command log " + file + ": "
                    + e.getMessage(), e);
        }
        return entries;
    }

    private static ByteString bytes(ResultSet rows, int column) throws SQLException {
        return ByteString.of(rows.getBytes(column));
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new JournalException("The gateway's command log " + file + " did not close cleanly.", e);
        }
    }
}
