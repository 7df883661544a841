package io.gridside.sim.month;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of every row of a site database, table by table in name order, so that two databases of the same rows
 * digest alike whatever their pages look like. When each migration was applied, and when each row was queued for
 * sync, are left out: they are no part of the site's data.
 */
public final class StoreDigest {

    private StoreDigest() {
    }

    /**
     * The SHA-256 of the rows of the SQLite database {@code file}, in hex.
     *
     * @throws IllegalStateException when the file cannot be read as a database
     */
    public static String of(Path file) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()
                + "?open_mode=1")) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String table : tables(connection)) {
                update(digest, "table " + table);
                digestRows(connection, table, digest);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (SQLException e) {
            throw new IllegalStateException("The site database " + file + " could not be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                        + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static void digestRows(Connection connection, String table, MessageDigest digest) throws SQLException {
        List<String> columns = columns(connection, table);
        String list = String.join(", ", columns);
        // Ordered by every column, so the rows digest alike whatever order the table's storage holds them in.
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + list + " FROM \"" + table + "\" ORDER BY "
                        + list)) {
            StringBuilder line = new StringBuilder();
            while (rows.next()) {
                line.setLength(0);
                for (int column = 1; column <= columns.size(); column++) {
                    line.append(rows.getString(column)).append('\u001f');
                }
                update(digest, line.toString());
            }
        }
    }

    /** The table's columns, but for when a migration was applied or a row queued for sync: no part of the data. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
            while (rows.next()) {
                String name = rows.getString("name");
                if (!(table.equals("schema_version") && name.equals("applied_at"))
                        && !(table.equals("sync_outbox") && name.equals("queued_ms"))) {
                    columns.add("\"" + name + "\"");
                }
            }
        }
        return columns;
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }
}
