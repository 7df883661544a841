package io.gridside.sim.journal;

import io.gridside.link.auth.SignedRevocationList;
import io.gridside.link.server.RevocationStore;
import io.gridside.site.cbor.ByteString;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated gateway's revocation lists in a SQLite file of their own beside its journal: the newest list of
 * each operator key, as signed. Like the command log, and unlike the journal, it is kept across restarts, and a
 * list is written and synced before the gateway answers that it holds it, so that a restart forgets no
 * revocation. Only lists the gateway checked are written here (see {@link RevocationStore}).
 */
public final class JournalRevocations implements RevocationStore, AutoCloseable {

    /** The name of the lists' file in the journal's directory. */
    public static final String FILE_NAME = "gateway-revocations.db";

    private final Path file;
    private final Connection connection;
    private final Map<String, SignedRevocationList> lists = new HashMap<>();

    private JournalRevocations(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the lists in {@code directory}, creating the file empty when there is none and keeping what one holds.
     *
     * @throws JournalException when the file cannot be opened or holds something that is not a revocation list
     */
    public static JournalRevocations open(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            JournalRevocations store = new JournalRevocations(file, connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                // A revocation the technician was told of must survive a power cut.
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("CREATE TABLE IF NOT EXISTS revocation_list (operator_key_id TEXT PRIMARY KEY, "
                        + "serial INTEGER NOT NULL, signed BLOB NOT NULL, signature BLOB NOT NULL)");
                store.load(statement);
            } catch (SQLException | IllegalArgumentException e) {
                connection.close();
                throw new SQLException(e.getMessage(), e);
            }
            return store;
        } catch (SQLException e) {
            throw new JournalException("The gateway's revocation lists " + file + " could not be opened: "
                    + e.getMessage(), e);
        }
    }

    private void load(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT signed, signature FROM revocation_list")) {
            while (rows.next()) {
                SignedRevocationList list = SignedRevocationList.of(ByteString.of(rows.getBytes(1)),
                        ByteString.of(rows.getBytes(2)));
                lists.put(list.operatorKeyId(), list);
            }
        }
    }

    @Override
    public synchronized Optional<SignedRevocationList> held(String operatorKeyId) {
        return Optional.ofNullable(lists.get(operatorKeyId));
    }

    @Override
    public synchronized SignedRevocationList keepIfNewer(SignedRevocationList list) {
        SignedRevocationList held = lists.get(list.operatorKeyId());
        if (held != null && held.serial() >= list.serial()) {
            return held;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO revocation_list (operator_key_id, "
                + "serial, signed, signature) VALUES (?, ?, ?, ?) ON CONFLICT (operator_key_id) DO UPDATE SET "
                + "serial = excluded.serial, signed = excluded.signed, signature = excluded.signature")) {
            upsert.setString(1, list.operatorKeyId());
            upsert.setLong(2, list.serial());
            upsert.setBytes(3, list.signed().toByteArray());
            upsert.setBytes(4, list.signature().toByteArray());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("The gateway could not write its revocation lists " + file + ": "
                    + e.getMessage(), e);
        }
        lists.put(list.operatorKeyId(), list);
        return list;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new JournalException("The gateway's revocation lists " + file + " did not close cleanly.", e);
        }
    }
}
