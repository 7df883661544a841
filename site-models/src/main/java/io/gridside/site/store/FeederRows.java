package io.gridside.site.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The site store's rows of which feeder supplies each meter. */
final class FeederRows {

    private FeederRows() {
    }

    /** Each mapped meter's feeder, by meter id, in meter id order. */
    static Map<String, String> all(Connection connection) throws SQLException {
        Map<String, String> feeders = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT meter_id, feeder FROM meter_feeder ORDER BY meter_id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                feeders.put(rows.getString(1), rows.getString(2));
            }
        }
        return feeders;
    }

    /** Replaces the whole map with {@code feeders}. */
    static void replace(Connection connection, Map<String, String> feeders) throws SQLException {
        try (Statement clear = connection.createStatement()) {
            clear.executeUpdate("DELETE FROM meter_feeder");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO meter_feeder (meter_id, feeder) VALUES (?, ?)")) {
            for (Map.Entry<String, String> entry : feeders.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setString(2, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
