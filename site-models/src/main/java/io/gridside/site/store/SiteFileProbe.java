package io.gridside.site.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Tells, from a read-only look at a database's tables, whether it is a site database or one being made. */
final class SiteFileProbe {

    private SiteFileProbe() {
    }

    static boolean isSiteDatabase(Connection probe) throws SQLException {
        return countTables(probe, "AND name IN ('schema_version', 'site_property')") == 2;
    }

    /**
     * Whether the database is one whose making stopped before its first schema step was committed, as when the
     * console was killed during its first pull: it holds the version table, empty, and nothing else. Opening it
     * finishes the making, so the next pull resumes instead of the file being refused for good.
     */
    static boolean isUnfinishedCreation(Connection probe) throws SQLException {
        if (countTables(probe, "") != 1 || countTables(probe, "AND name = 'schema_version'") != 1) {
            return false;
        }
        try (Statement statement = probe.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            return rows.next() && rows.getInt(1) == 0;
        }
    }

    private static int countTables(Connection probe, String condition) throws SQLException {
        try (Statement statement = probe.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                        + condition)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
