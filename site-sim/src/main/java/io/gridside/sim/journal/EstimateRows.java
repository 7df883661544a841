package io.gridside.sim.journal;

import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.GapEstimate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal's estimates: each gap a reading closed, as billing spread it, with its method, keyed by the tick
 * that billed it. They are what says which quarter hours of a meter were billed by estimate, for as long as the
 * journal is kept. A gap whose meter sent its quarter hours at last also keeps what it sent.
 */
final class EstimateRows {

    private final PreparedStatement insert;
    private final PreparedStatement between;
    private final PreparedStatement fill;
    private final PreparedStatement filledOf;
    private final PreparedStatement from;

    EstimateRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            create(statement);
        }
        this.insert = connection.prepareStatement("INSERT INTO estimate (tick, position, meter_id, gap_start, "
                + "opening_register_wh, closing_register_wh, method, energies_wh) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.between = connection.prepareStatement("SELECT meter_id, gap_start, opening_register_wh, "
                + "closing_register_wh, method, energies_wh, actual_energies_wh FROM estimate "
                + "WHERE tick >= ? AND tick < ? "
                + "ORDER BY tick, position");
        this.fill = connection.prepareStatement("UPDATE estimate SET actual_energies_wh = ? "
                + "WHERE meter_id = ? AND gap_start = ?");
        this.filledOf = connection.prepareStatement("SELECT gap_start, actual_energies_wh FROM estimate "
                + "WHERE meter_id = ? AND actual_energies_wh IS NOT NULL");
        this.from = connection.prepareStatement("SELECT meter_id, gap_start, opening_register_wh, "
                + "closing_register_wh, method, energies_wh, actual_energies_wh FROM estimate "
                + "WHERE meter_id = ? AND gap_start = ?");
    }

    /** Creates the table, unless a journal written since gaps were spread has it already. */
    static void create(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE IF NOT EXISTS estimate (tick INTEGER NOT NULL, position INTEGER NOT NULL, "
                + "meter_id TEXT NOT NULL, gap_start INTEGER NOT NULL, opening_register_wh INTEGER NOT NULL, "
                + "closing_register_wh INTEGER NOT NULL, method TEXT NOT NULL, energies_wh TEXT NOT NULL, "
                + "actual_energies_wh TEXT, PRIMARY KEY (tick, position)) WITHOUT ROWID");
        // A meter's gaps are looked up for every gap its meter backfills: without this, a storm's thousands of gaps
        // each read every estimate the journal holds, and a stormy month of a large site slows to a crawl.
        statement.execute("CREATE INDEX IF NOT EXISTS estimate_by_meter ON estimate (meter_id, gap_start)");
    }

    void insert(Instant tick, List<GapEstimate> estimates) throws SQLException {
        for (int position = 0; position < estimates.size(); position++) {
            GapEstimate estimate = estimates.get(position);
            insert.setLong(1, tick.getEpochSecond());
            insert.setInt(2, position);
            insert.setString(3, estimate.meterId());
            insert.setLong(4, estimate.gapStart().getEpochSecond());
            insert.setLong(5, estimate.openingRegisterWh());
            insert.setLong(6, estimate.closingRegisterWh());
            // By name, never by ordinal: a method added later must not change what a kept row means.
            insert.setString(7, estimate.method().name());
            insert.setString(8, text(estimate.energiesWh()));
            insert.addBatch();
        }
        insert.executeBatch();
    }

    /** Records the energies the meter sent at last for the gap from {@code gapStart}. */
    void fill(String meterId, Instant gapStart, List<Long> actualsWh) throws SQLException {
        fill.setString(1, text(actualsWh));
        fill.setString(2, meterId);
        fill.setLong(3, gapStart.getEpochSecond());
        fill.executeUpdate();
    }

    /** The actuals of each gap of the meter that its meter filled, by the gap's start. */
    Map<Instant, List<Long>> filled(String meterId) throws SQLException {
        filledOf.setString(1, meterId);
        Map<Instant, List<Long>> filled = new HashMap<>();
        try (ResultSet rows = filledOf.executeQuery()) {
            while (rows.next()) {
                filled.put(Instant.ofEpochSecond(rows.getLong(1)), energies(rows.getString(2)));
            }
        }
        return filled;
    }

    /**
     * The gap of the meter that started at {@code gapStart}, as billing spread it, and the actuals it was filled
     * with, if any; empty when no gap of the meter started then.
     */
    Optional<Map.Entry<GapEstimate, List<Long>>> from(String meterId, Instant gapStart) throws SQLException {
        from.setString(1, meterId);
        from.setLong(2, gapStart.getEpochSecond());
        try (ResultSet rows = from.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            GapEstimate gap = new GapEstimate(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2)),
                    rows.getLong(3), rows.getLong(4), EstimateMethod.valueOf(rows.getString(5)),
                    EstimateStatus.ESTIMATED, energies(rows.getString(6)));
            String actuals = rows.getString(7);
            return Optional.of(new AbstractMap.SimpleImmutableEntry<>(gap,
                    actuals == null ? null : energies(actuals)));
        }
    }

    private static String text(List<Long> energiesWh) {
        return String.join(",", energiesWh.stream().map(String::valueOf).toList());
    }

    private static List<Long> energies(String text) {
        return Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    /**
     * The estimates of the ticks in [from, to), in the order billed; with {@code filledOnly}, only the gaps their
     * meters filled, each with the energies the meter sent in place of the spread.
     */
    List<GapEstimate> between(Instant from, Instant to, boolean filledOnly) throws SQLException {
        between.setLong(1, from.getEpochSecond());
        between.setLong(2, to.getEpochSecond());
        List<GapEstimate> result = new ArrayList<>();
        try (ResultSet rows = between.executeQuery()) {
            while (rows.next()) {
                String actuals = rows.getString(7);
                if (filledOnly && actuals == null) {
                    continue;
                }
                List<Long> energies = energies(filledOnly ? actuals : rows.getString(6));
                result.add(new GapEstimate(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2)),
                        rows.getLong(3), rows.getLong(4), EstimateMethod.valueOf(rows.getString(5)),
                        EstimateStatus.ESTIMATED, energies));
            }
        }
        return result;
    }
}
