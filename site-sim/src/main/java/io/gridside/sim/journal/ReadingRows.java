package io.gridside.sim.journal;

import io.gridside.site.Reading;
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
 * The journal's readings, keyed by the quarter hour whose tick billed them and their place in that tick; a meter
 * is kept by its place in the site's roster, not its id, so that a row is a handful of integers.
 */
final class ReadingRows {

    private final List<String> meterIds;
    private final Map<String, Integer> meterIndex = new HashMap<>();
    private final PreparedStatement insert;
    private final PreparedStatement between;
    private final PreparedStatement lastOfMeter;
    private final PreparedStatement ofMeter;
    private final PreparedStatement ofMeterBetween;

    ReadingRows(Connection connection, List<String> meterIds) throws SQLException {
        this.meterIds = new ArrayList<>(meterIds);
        for (int i = 0; i < meterIds.size(); i++) {
            meterIndex.put(meterIds.get(i), i);
        }
        this.insert = connection.prepareStatement("INSERT INTO reading (tick, position, meter, interval_start, "
                + "energy_wh, register_wh, min_decivolts, average_decivolts, max_decivolts, peak_watts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.between = connection.prepareStatement("SELECT meter, interval_start, energy_wh, register_wh, "
                + "min_decivolts, average_decivolts, max_decivolts, peak_watts FROM reading "
                + "WHERE tick >= ? AND tick < ? ORDER BY tick, position");
        ensureMeterIndex(connection);
        this.lastOfMeter = connection.prepareStatement("SELECT max(interval_start) FROM reading "
                + "WHERE meter = ? AND interval_start <= ?");
        this.ofMeter = connection.prepareStatement("SELECT meter, interval_start, energy_wh, register_wh, "
                + "min_decivolts, average_decivolts, max_decivolts, peak_watts FROM reading "
                + "WHERE meter = ? AND interval_start >= ? AND interval_start < ? ORDER BY interval_start");
        this.ofMeterBetween = connection.prepareStatement("SELECT meter, interval_start, energy_wh, register_wh, "
                + "min_decivolts, average_decivolts, max_decivolts, peak_watts FROM reading "
                + "WHERE tick >= ? AND tick < ? AND meter = ? ORDER BY tick, position");
    }

    /**
     * The index by meter and time that a gap's look-back needs; a journal written before gaps were spread gets it
     * when opened.
     */
    private static void ensureMeterIndex(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS reading_by_meter ON reading (meter, interval_start)");
        }
    }

    /** Keeps readings of a meter that joined the site after the journal began, by the next place. */
    void addMeter(String meterId) {
        if (meterIndex.putIfAbsent(meterId, meterIds.size()) == null) {
            meterIds.add(meterId);
        }
    }

    static void create(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE reading (tick INTEGER NOT NULL, position INTEGER NOT NULL, "
                + "meter INTEGER NOT NULL, interval_start INTEGER NOT NULL, energy_wh INTEGER NOT NULL, "
                + "register_wh INTEGER NOT NULL, min_decivolts INTEGER, average_decivolts INTEGER, "
                + "max_decivolts INTEGER, peak_watts INTEGER, PRIMARY KEY (tick, position)) WITHOUT ROWID");
    }

    void insert(Instant tick, List<Reading> billed) throws SQLException {
        for (int position = 0; position < billed.size(); position++) {
            Reading reading = billed.get(position);
            insert.setLong(1, tick.getEpochSecond());
            insert.setInt(2, position);
            insert.setInt(3, meterIndex.get(reading.meterId()));
            insert.setLong(4, reading.intervalStart().getEpochSecond());
            insert.setLong(5, reading.energyWh());
            insert.setLong(6, reading.registerWh());
            Reading.Quality quality = reading.quality();
            GatewayJournal.setInt(insert, 7, quality == null ? null : quality.minDecivolts());
            GatewayJournal.setInt(insert, 8, quality == null ? null : quality.averageDecivolts());
            GatewayJournal.setInt(insert, 9, quality == null ? null : quality.maxDecivolts());
            GatewayJournal.setInt(insert, 10, quality == null ? null : quality.peakWatts());
            insert.addBatch();
        }
        insert.executeBatch();
    }

    List<Reading> between(Instant from, Instant to) throws SQLException {
        between.setLong(1, ceilingSecond(from));
        between.setLong(2, ceilingSecond(to));
        List<Reading> result = new ArrayList<>();
        try (ResultSet rows = between.executeQuery()) {
            while (rows.next()) {
                result.add(reading(rows));
            }
        }
        return result;
    }

    /**
     * The meter's readings of {@link #between}: those billed by the ticks in [from, to), in the order billed. The
     * ticks' keys bound the rows read, so a few hours of a site of thousands of meters cost a scan of those hours.
     */
    List<Reading> ofMeterBilledBetween(String meterId, Instant from, Instant to) throws SQLException {
        Integer meter = meterIndex.get(meterId);
        if (meter == null) {
            return List.of();
        }
        ofMeterBetween.setLong(1, ceilingSecond(from));
        ofMeterBetween.setLong(2, ceilingSecond(to));
        ofMeterBetween.setInt(3, meter);
        List<Reading> result = new ArrayList<>();
        try (ResultSet rows = ofMeterBetween.executeQuery()) {
            while (rows.next()) {
                result.add(reading(rows));
            }
        }
        return result;
    }

    /** The end of the meter's last reading that ended at or before {@code notAfter}, if there is one. */
    Optional<Instant> lastEnd(String meterId, Instant notAfter) throws SQLException {
        Integer meter = meterIndex.get(meterId);
        if (meter == null) {
            return Optional.empty();
        }
        lastOfMeter.setInt(1, meter);
        lastOfMeter.setLong(2, notAfter.minus(Reading.INTERVAL).getEpochSecond());
        try (ResultSet rows = lastOfMeter.executeQuery()) {
            long start = rows.next() ? rows.getLong(1) : 0;
            return rows.wasNull() ? Optional.empty()
                    : Optional.of(Instant.ofEpochSecond(start).plus(Reading.INTERVAL));
        }
    }

    /** The meter's readings whose intervals start in [from, to), in time order. */
    List<Reading> ofMeter(String meterId, Instant from, Instant to) throws SQLException {
        Integer meter = meterIndex.get(meterId);
        if (meter == null) {
            return List.of();
        }
        ofMeter.setInt(1, meter);
        ofMeter.setLong(2, ceilingSecond(from));
        ofMeter.setLong(3, ceilingSecond(to));
        List<Reading> result = new ArrayList<>();
        try (ResultSet rows = ofMeter.executeQuery()) {
            while (rows.next()) {
                result.add(reading(rows));
            }
        }
        return result;
    }

    /** A tick starts on a whole second, so one at or after {@code at} starts at or after its ceiling second. */
    private static long ceilingSecond(Instant at) {
        return at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0);
    }

    private Reading reading(ResultSet rows) throws SQLException {
        int peak = rows.getInt(8);
        Reading.Quality quality = rows.wasNull() ? null
                : new Reading.Quality(rows.getInt(5), rows.getInt(6), rows.getInt(7), peak);
        return new Reading(meterIds.get(rows.getInt(1)), Instant.ofEpochSecond(rows.getLong(2)), rows.getLong(3),
                rows.getLong(4), quality);
    }
}
