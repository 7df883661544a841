package io.gridside.site.store;

import io.gridside.site.Reading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The second reading of a meter's quarter hour, which a {@link ReadingBlock}'s one slot cannot hold (store step
 * V14). A gateway bills two when a meter changes hands within a quarter hour: the move-out's final reading, up to
 * the register typed or read from the meter then, and the quarter hour's own reading at its end, which bills the
 * rest from that register on. Only a reading that follows on from the one held, or the held one from it, is such
 * a share; any other second reading of a quarter hour is a conflicting copy, and the first copy wins as before.
 */
final class SharedReadingRows {

    private static final String COLUMNS = "interval_start, energy_wh, register_wh, min_decivolts, "
            + "average_decivolts, max_decivolts, peak_watts";

    private SharedReadingRows() {
    }

    /** Whether two readings of one meter's quarter hour split it: one bills on from the other's register. */
    static boolean split(Reading held, Reading arriving) {
        return held.intervalStart().equals(arriving.intervalStart())
                && (arriving.registerWh() - arriving.energyWh() == held.registerWh()
                        || held.registerWh() - held.energyWh() == arriving.registerWh())
                && (held.registerWh() != arriving.registerWh() || held.energyWh() != arriving.energyWh());
    }

    /** Keeps the shares of meter {@code meter} not kept yet; returns how many were new. */
    static int insert(Connection connection, long meter, List<Reading> shares) throws SQLException {
        if (shares.isEmpty()) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO reading_shared (meter, "
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Reading reading : shares) {
                ReadingBlockRows.bindReading(insert, meter, reading);
                insert.addBatch();
            }
            int added = 0;
            for (int count : insert.executeBatch()) {
                added += Math.max(0, count);
            }
            return added;
        }
    }

    /** The shares whose interval starts in [from, to), of one meter or, for a null {@code meterId}, of all. */
    static List<Reading> select(Connection connection, String meterId, long fromSecond, long toSecond)
            throws SQLException {
        List<Reading> result = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT m.meter_id, s." + COLUMNS.replace(
                ", ", ", s.") + " FROM reading_shared s JOIN reading_meter m ON m.meter = s.meter "
                + "WHERE s.interval_start >= ? AND s.interval_start < ?"
                + (meterId == null ? "" : " AND m.meter_id = ?"))) {
            select.setLong(1, fromSecond);
            select.setLong(2, toSecond);
            if (meterId != null) {
                select.setString(3, meterId);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(ReadingBlockRows.pendingReading(rows.getString(1), rows, 2));
                }
            }
        }
        return result;
    }

    /** How many shares are kept. */
    static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM reading_shared")) {
            return rows.getLong(1);
        }
    }
}
