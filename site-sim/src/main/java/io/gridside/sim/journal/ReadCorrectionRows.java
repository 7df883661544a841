package io.gridside.sim.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal's corrected reads: for a meter and the end of a quarter hour, the register a supervisor's command
 * put in place of the one the meter sent. The readings stay as billed; re-rating reads them with these in place.
 */
final class ReadCorrectionRows {

    private final PreparedStatement put;
    private final PreparedStatement ofMeter;

    ReadCorrectionRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS read_correction (meter_id TEXT NOT NULL, "
                    + "read_at INTEGER NOT NULL, register_wh INTEGER NOT NULL, PRIMARY KEY (meter_id, read_at)) "
                    + "WITHOUT ROWID");
        }
        this.put = connection.prepareStatement("INSERT OR REPLACE INTO read_correction (meter_id, read_at, "
                + "register_wh) VALUES (?, ?, ?)");
        this.ofMeter = connection.prepareStatement("SELECT read_at, register_wh FROM read_correction "
                + "WHERE meter_id = ? ORDER BY read_at");
    }

    void put(String meterId, Instant readAt, long registerWh) throws SQLException {
        put.setString(1, meterId);
        put.setLong(2, readAt.getEpochSecond());
        put.setLong(3, registerWh);
        put.executeUpdate();
    }

    /** The meter's corrected registers by the instant each was read at. */
    Map<Instant, Long> of(String meterId) throws SQLException {
        ofMeter.setString(1, meterId);
        Map<Instant, Long> corrected = new TreeMap<>();
        try (ResultSet rows = ofMeter.executeQuery()) {
            while (rows.next()) {
                corrected.put(Instant.ofEpochSecond(rows.getLong(1)), rows.getLong(2));
            }
        }
        return corrected;
    }
}
