package io.gridside.site.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The site store's rows of radio positions the technician chose on the mesh view, per layout. */
final class MeshPositionRows {

    private MeshPositionRows() {
    }

    /** The positions kept for {@code layout}, by radio id, as {x, y}, in radio id order. */
    static Map<String, float[]> of(Connection connection, String layout) throws SQLException {
        Map<String, float[]> positions = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT radio_id, x, y FROM mesh_position WHERE layout = ? ORDER BY radio_id")) {
            select.setString(1, layout);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getString(1), new float[] {rows.getFloat(2), rows.getFloat(3)});
                }
            }
        }
        return positions;
    }

    /** Keeps one radio's position in {@code layout}, replacing the one it had. */
    static void save(Connection connection, String layout, String radioId, float x, float y) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO mesh_position (layout, radio_id, x, y) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (layout, radio_id) DO UPDATE SET x = excluded.x, y = excluded.y")) {
            upsert.setString(1, layout);
            upsert.setString(2, radioId);
            upsert.setFloat(3, x);
            upsert.setFloat(4, y);
            upsert.executeUpdate();
        }
    }

    /** Forgets every position kept for {@code layout}; returns how many there were. */
    static int clear(Connection connection, String layout) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mesh_position WHERE layout = ?")) {
            delete.setString(1, layout);
            return delete.executeUpdate();
        }
    }
}
