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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The journal's estimates: each gap a reading closed, as billing spread it, with its method, keyed by the tick
 * that billed it. They are what says which quarter hours of a meter were billed by estimate, for as long as the
 * journal is kept.
 */
final class EstimateRows {

    private final PreparedStatement insert;
    private final PreparedStatement between;

    EstimateRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            create(statement);
        }
        this.insert = connection.prepareStatement("INSERT INTO estimate (tick, position, meter_id, gap_start, "
                + "opening_register_wh, closing_register_wh, method, energies_wh) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.between = connection.prepareStatement("SELECT meter_id, gap_start, opening_register_wh, "
                + "closing_register_wh, method, energies_wh FROM estimate WHERE tick >= ? AND tick < ? "
                + "ORDER BY tick, position");
    }

    /** Creates the table, unless a journal written since gaps were spread has it already. */
    static void create(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE IF NOT EXISTS estimate (tick INTEGER NOT NULL, position INTEGER NOT NULL, "
                + "meter_id TEXT NOT NULL, gap_start INTEGER NOT NULL, opening_register_wh INTEGER NOT NULL, "
                + "closing_register_wh INTEGER NOT NULL, method TEXT NOT NULL, energies_wh TEXT NOT NULL, "
                + "PRIMARY KEY (tick, position)) WITHOUT ROWID");
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
            insert.setString(8, String.join(",", estimate.energiesWh().stream().map(String::valueOf).toList()));
            insert.addBatch();
        }
        insert.executeBatch();
    }

    List<GapEstimate> between(Instant from, Instant to) throws SQLException {
        between.setLong(1, from.getEpochSecond());
        between.setLong(2, to.getEpochSecond());
        List<GapEstimate> result = new ArrayList<>();
        try (ResultSet rows = between.executeQuery()) {
            while (rows.next()) {
                List<Long> energies = Arrays.stream(rows.getString(6).split(",")).map(Long::valueOf).toList();
                result.add(new GapEstimate(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2)),
                        rows.getLong(3), rows.getLong(4), EstimateMethod.valueOf(rows.getString(5)),
                        EstimateStatus.ESTIMATED, energies));
            }
        }
        return result;
    }
}
