package io.gridside.sim.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The billing engine's running state in the journal: each account's saved state (balance, what accrued since its
 * last posting and each line's remainder, credit state, relay), by the order the account was opened, and the last
 * tick billed. Written in the transaction of the quarter hour whose readings changed it, so the journal always
 * holds the state that its readings and ledger entries lead to, never one ahead or behind.
 */
final class BillingStateRows {

    private final PreparedStatement upsertAccount;
    private final PreparedStatement upsertTick;
    private final PreparedStatement accounts;
    private final PreparedStatement tick;
    /** Each account's place in the order accounts were first written, which is the order they were opened. */
    private final Map<String, Integer> positions = new HashMap<>();

    BillingStateRows(Connection connection) throws SQLException {
        this.upsertAccount = connection.prepareStatement("INSERT INTO account_state (position, customer_id, state) "
                + "VALUES (?, ?, ?) ON CONFLICT (position) DO UPDATE SET state = excluded.state");
        this.upsertTick = connection.prepareStatement("INSERT INTO billing_tick (id, tick_second, tick_nano) "
                + "VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET tick_second = excluded.tick_second, "
                + "tick_nano = excluded.tick_nano");
        this.accounts = connection.prepareStatement("SELECT state FROM account_state ORDER BY position");
        this.tick = connection.prepareStatement("SELECT tick_second, tick_nano FROM billing_tick WHERE id = 1");
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT customer_id, position FROM account_state")) {
            while (rows.next()) {
                positions.put(rows.getString(1), rows.getInt(2));
            }
        }
    }

    static void create(Statement statement) throws SQLException {
        // Keyed by the account's place, the table's row id: an upsert then touches one b-tree and no index.
        statement.execute("CREATE TABLE IF NOT EXISTS account_state (position INTEGER PRIMARY KEY, "
                + "customer_id TEXT NOT NULL, state BLOB NOT NULL)");
        statement.execute("CREATE TABLE IF NOT EXISTS billing_tick (id INTEGER PRIMARY KEY CHECK (id = 1), "
                + "tick_second INTEGER NOT NULL, tick_nano INTEGER NOT NULL)");
    }

    /**
     * Keeps the states of the accounts that changed and the tick billing reached.
     *
     * @param changed each changed account's state by customer, an account opened since the last write after
     *     those opened before it
     */
    void write(Map<String, byte[]> changed, Instant lastTick) throws SQLException {
        Map<String, Integer> added = new HashMap<>();
        for (Map.Entry<String, byte[]> account : changed.entrySet()) {
            Integer position = positions.get(account.getKey());
            if (position == null) {
                position = positions.size() + added.size();
                added.put(account.getKey(), position);
            }
            upsertAccount.setInt(1, position);
            upsertAccount.setString(2, account.getKey());
            upsertAccount.setBytes(3, account.getValue());
            upsertAccount.addBatch();
        }
        upsertAccount.executeBatch();
        upsertTick.setLong(1, lastTick.getEpochSecond());
        upsertTick.setInt(2, lastTick.getNano());
        upsertTick.executeUpdate();
        // Kept only once written; a batch that fails leaves the places where the rows are.
        positions.putAll(added);
    }

    /** Every account's saved state, in the order the accounts were opened. */
    List<byte[]> accounts() throws SQLException {
        List<byte[]> states = new ArrayList<>();
        try (ResultSet rows = accounts.executeQuery()) {
            while (rows.next()) {
                states.add(rows.getBytes(1));
            }
        }
        return states;
    }

    /** The last tick billing reached, if billing has written its state. */
    Optional<Instant> lastTick() throws SQLException {
        try (ResultSet rows = tick.executeQuery()) {
            return rows.next() ? Optional.of(Instant.ofEpochSecond(rows.getLong(1), rows.getInt(2)))
                    : Optional.empty();
        }
    }
}
