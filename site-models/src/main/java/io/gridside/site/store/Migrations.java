package io.gridside.site.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a site database up to the newest schema, one numbered step at a time.
 *
 * <p>Each step is a SQL script run in its own transaction together with the row that records it, so a
 * crash mid-step leaves the database at the previous version, never between two.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** The scripts in order; the version of each is its position, from 1. Append only. */
    static final List<String> STEPS = List.of("V1__site.sql", "V2__events.sql", "V3__reading_quality.sql",
            "V4__topology.sql", "V5__history_days.sql", "V6__vee.sql", "V7__ledger_chain.sql",
            "V8__billing_config.sql", "V9__cash_book.sql", "V10__payment_outbox.sql", "V11__reading_blocks.sql",
            "V12__vee_exception_decision.sql", "V13__reading_outbox.sql", "V14__shared_readings.sql",
            "V15__topology_radio_facts.sql", "V16__mesh_position.sql", "V17__meter_feeder.sql",
            "V18__firmware.sql", "V19__sync.sql", "V20__commissioning.sql", "V21__kept_commands.sql",
            "V22__replacement_record.sql", "V23__replacement_gap_start.sql");

    /** Steps that SQL cannot do alone: each runs right after its script, in the script's transaction. */
    private static final Map<String, JavaStep> AFTER_SCRIPT = Map.of(
            "V11__reading_blocks.sql", ReadingBlockRows::moveRowsIntoBlocks);

    private Migrations() {
    }

    static int latestVersion() {
        return STEPS.size();
    }

    static void migrate(Connection connection) throws SQLException {
        migrate(connection, latestVersion());
    }

    /** Brings the database up to {@code target} and no further, as a console of that version would have left it. */
    static void migrate(Connection connection, int target) throws SQLException {
        createVersionTable(connection);
        int current = currentVersion(connection);
        if (current > latestVersion()) {
            throw new SQLException("The site database has schema version " + current
                    + ", newer than this console knows (" + latestVersion() + "); update Gridside.");
        }
        for (int version = current + 1; version <= target; version++) {
            apply(connection, version, STEPS.get(version - 1));
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rows.getInt(1);
        }
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER PRIMARY KEY, script TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // A write first, so this transaction holds the database's write lock before it looks: another console
            // opening the same new file at the same moment migrates it first or waits, and is never applied twice.
            statement.execute("DELETE FROM schema_version WHERE version = -1");
            if (currentVersion(connection) >= version) {
                connection.rollback();
                return;
            }
            LOG.info("Migrating the site database to schema version {} with {}.", version, script);
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
            JavaStep after = AFTER_SCRIPT.get(script);
            if (after != null) {
                after.run(connection);
            }
            recordVersion(connection, version, script);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void recordVersion(Connection connection, int version, String script) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, version);
            insert.setString(2, script);
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    /** Splits a script on semicolons that end a line; comments are dropped line by line. */
    private static List<String> statements(String script) throws SQLException {
        String text = read(script);
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return List.of(withoutComments.toString().split(";\\s*\n")).stream()
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }

    private static String read(String script) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new SQLException("Migration script " + script + " is missing from the build.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("Migration script " + script + " could not be read.", e);
        }
    }

    /** A migration's work done in code, on the connection of the step's transaction. */
    @FunctionalInterface
    private interface JavaStep {
        void run(Connection connection) throws SQLException;
    }
}
