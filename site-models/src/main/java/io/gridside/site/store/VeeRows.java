package io.gridside.site.store;

import io.gridside.site.vee.EstimateEdit;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.ExceptionDecision;
import io.gridside.site.vee.ExceptionOutcome;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import io.gridside.site.vee.ReadRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The site store's rows of VEE: raw reads, the exceptions queue, gap estimates and their edits. */
final class VeeRows {

    private static final String ESTIMATE_COLUMNS = "meter_id, gap_start, opening_register_wh, closing_register_wh, "
            + "method, status, energies_wh";
    private static final String EDIT_COLUMNS = "meter_id, gap_start, outcome, energies_wh, edited_by, edited_at, "
            + "why, total_reason";

    private VeeRows() {
    }

    /** Stores each read once; an exact duplicate is ignored, a conflicting one goes to the exceptions queue. */
    static RawReadsStored insertReads(Connection connection, List<RawRead> reads) throws SQLException {
        int stored = 0;
        int duplicates = 0;
        List<ReadException> conflicts = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO raw_read (meter_id, at, register_wh) VALUES (?, ?, ?)")) {
            for (RawRead read : reads) {
                insert.setString(1, read.meterId());
                insert.setLong(2, read.at().getEpochSecond());
                insert.setLong(3, read.registerWh());
                if (insert.executeUpdate() > 0) {
                    stored++;
                    continue;
                }
                long held = heldRegister(connection, read);
                if (held == read.registerWh()) {
                    duplicates++;
                } else {
                    conflicts.add(new ReadException(read, ReadRule.CONFLICTING_READ, "a read of " + held
                            + " Wh is held for this meter and time; this one says " + read.registerWh() + " Wh"));
                }
            }
        }
        insertExceptions(connection, conflicts);
        return new RawReadsStored(stored, duplicates, conflicts.size());
    }

    private static long heldRegister(Connection connection, RawRead read) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT register_wh FROM raw_read WHERE meter_id = ? AND at = ?")) {
            select.setString(1, read.meterId());
            select.setLong(2, read.at().getEpochSecond());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The reads held whose time is in [from, to), by meter and then time. */
    static List<RawRead> reads(Connection connection, Instant from, Instant to) throws SQLException {
        List<RawRead> reads = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT meter_id, at, register_wh FROM raw_read "
                + "WHERE at >= ? AND at < ? ORDER BY meter_id, at")) {
            select.setLong(1, from.getEpochSecond());
            select.setLong(2, to.getEpochSecond());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reads.add(new RawRead(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2)), rows.getLong(3)));
                }
            }
        }
        return reads;
    }

    /** Queues exceptions not queued already (the same read and rule); returns how many were new. */
    static int insertExceptions(Connection connection, List<ReadException> exceptions) throws SQLException {
        int added = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO vee_exception "
                + "(meter_id, at, register_wh, rule, detail) VALUES (?, ?, ?, ?, ?)")) {
            for (ReadException e : exceptions) {
                insert.setString(1, e.meterId());
                insert.setLong(2, e.at().getEpochSecond());
                insert.setLong(3, e.read().registerWh());
                insert.setString(4, e.rule().name());
                insert.setString(5, e.detail());
                added += insert.executeUpdate();
            }
        }
        return added;
    }

    /** The exceptions queue, in the order the exceptions were raised. */
    static List<ReadException> exceptions(Connection connection) throws SQLException {
        List<ReadException> exceptions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT meter_id, at, register_wh, rule, detail FROM vee_exception ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                RawRead read = new RawRead(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2)), rows.getLong(3));
                exceptions.add(new ReadException(read, ReadRule.valueOf(rows.getString(4)), rows.getString(5)));
            }
        }
        return exceptions;
    }

    /**
     * Stores estimates; one already held for the same meter and gap start is replaced only while no technician has
     * edited it, so that a re-run never undoes an edit. Returns how many were new or replaced.
     *
     * <p>Shortcoming: an edited estimate is kept even when late reads have since split or shortened its gap; the
     * new gaps are stored beside it under their own starts, and nothing yet flags the edited one as stale.
     */
    static int saveEstimates(Connection connection, List<GapEstimate> estimates) throws SQLException {
        int saved = 0;
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO vee_estimate (" + ESTIMATE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meter_id, gap_start) DO UPDATE SET "
                + "opening_register_wh = excluded.opening_register_wh, closing_register_wh = "
                + "excluded.closing_register_wh, method = excluded.method, status = excluded.status, energies_wh = "
                + "excluded.energies_wh WHERE vee_estimate.status = 'ESTIMATED'")) {
            for (GapEstimate e : estimates) {
                upsert.setString(1, e.meterId());
                upsert.setLong(2, e.gapStart().getEpochSecond());
                upsert.setLong(3, e.openingRegisterWh());
                upsert.setLong(4, e.closingRegisterWh());
                upsert.setString(5, e.method().name());
                upsert.setString(6, e.status().name());
                upsert.setString(7, join(e.energiesWh()));
                saved += upsert.executeUpdate();
            }
        }
        return saved;
    }

    /** Every estimate held, by meter and gap start. */
    static List<GapEstimate> estimates(Connection connection) throws SQLException {
        List<GapEstimate> estimates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + ESTIMATE_COLUMNS + " FROM vee_estimate ORDER BY meter_id, gap_start");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                estimates.add(estimateFrom(rows));
            }
        }
        return estimates;
    }

    static Optional<GapEstimate> estimate(Connection connection, String meterId, Instant gapStart)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + ESTIMATE_COLUMNS + " FROM vee_estimate WHERE meter_id = ? AND gap_start = ?")) {
            select.setString(1, meterId);
            select.setLong(2, gapStart.getEpochSecond());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(estimateFrom(rows)) : Optional.empty();
            }
        }
    }

    private static GapEstimate estimateFrom(ResultSet rows) throws SQLException {
        return new GapEstimate(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2)), rows.getLong(3),
                rows.getLong(4), EstimateMethod.valueOf(rows.getString(5)), EstimateStatus.valueOf(rows.getString(6)),
                split(rows.getString(7)));
    }

    /** Appends the edit to the gap's history and leaves its estimate as the edit says. */
    static void recordEdit(Connection connection, EstimateEdit edit) throws SQLException {
        GapEstimate held = estimate(connection, edit.meterId(), edit.gapStart()).orElseThrow(() -> new SQLException(
                "no estimate of meter " + edit.meterId() + " starts at " + edit.gapStart()));
        EstimateMethod method = edit.outcome() == EstimateStatus.OVERRIDDEN ? EstimateMethod.OVERRIDE : held.method();
        GapEstimate after = held.edited(method, edit.outcome(), edit.energiesWh());
        try (PreparedStatement update = connection.prepareStatement("UPDATE vee_estimate SET method = ?, status = ?, "
                + "energies_wh = ? WHERE meter_id = ? AND gap_start = ?")) {
            update.setString(1, after.method().name());
            update.setString(2, after.status().name());
            update.setString(3, join(after.energiesWh()));
            update.setString(4, after.meterId());
            update.setLong(5, after.gapStart().getEpochSecond());
            update.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO vee_edit (" + EDIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, edit.meterId());
            insert.setLong(2, edit.gapStart().getEpochSecond());
            insert.setString(3, edit.outcome().name());
            insert.setString(4, join(edit.energiesWh()));
            insert.setString(5, edit.by());
            insert.setLong(6, edit.at().getEpochSecond());
            insert.setString(7, edit.why());
            insert.setString(8, edit.totalReason());
            insert.executeUpdate();
        }
    }

    /** The edits of one gap, oldest first. */
    static List<EstimateEdit> edits(Connection connection, String meterId, Instant gapStart) throws SQLException {
        List<EstimateEdit> edits = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + EDIT_COLUMNS + " FROM vee_edit "
                + "WHERE meter_id = ? AND gap_start = ? ORDER BY id")) {
            select.setString(1, meterId);
            select.setLong(2, gapStart.getEpochSecond());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    edits.add(new EstimateEdit(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2)),
                            EstimateStatus.valueOf(rows.getString(3)), split(rows.getString(4)), rows.getString(5),
                            Instant.ofEpochSecond(rows.getLong(6)), rows.getString(7), rows.getString(8)));
                }
            }
        }
        return edits;
    }

    /**
     * Records a decision on the exception it names, which must be queued.
     *
     * @throws SQLException when no such exception is queued
     */
    static void recordDecision(Connection connection, ExceptionDecision decision) throws SQLException {
        long exceptionId;
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM vee_exception WHERE meter_id = ? "
                + "AND at = ? AND register_wh = ? AND rule = ?")) {
            select.setString(1, decision.meterId());
            select.setLong(2, decision.readAt().getEpochSecond());
            select.setLong(3, decision.readRegisterWh());
            select.setString(4, decision.rule().name());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no exception " + decision.rule() + " of meter " + decision.meterId()
                            + " at " + decision.readAt() + " is queued");
                }
                exceptionId = rows.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO vee_exception_decision "
                + "(exception_id, outcome, register_wh, decided_by, decided_at, why) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, exceptionId);
            insert.setString(2, decision.outcome().name());
            insert.setLong(3, decision.registerWh());
            insert.setString(4, decision.by());
            insert.setLong(5, decision.decidedAt().getEpochSecond());
            insert.setString(6, decision.why());
            insert.executeUpdate();
        }
    }

    /** Every decision on the exceptions queue, oldest first; an exception's last decision is the one that holds. */
    static List<ExceptionDecision> decisions(Connection connection) throws SQLException {
        List<ExceptionDecision> decisions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT e.meter_id, e.at, e.register_wh, e.rule, "
                + "d.outcome, d.register_wh, d.decided_by, d.decided_at, d.why FROM vee_exception_decision d "
                + "JOIN vee_exception e ON e.id = d.exception_id ORDER BY d.id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                decisions.add(new ExceptionDecision(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2)),
                        rows.getLong(3), ReadRule.valueOf(rows.getString(4)),
                        ExceptionOutcome.valueOf(rows.getString(5)), rows.getLong(6), rows.getString(7),
                        Instant.ofEpochSecond(rows.getLong(8)), rows.getString(9)));
            }
        }
        return decisions;
    }

    private static String join(List<Long> energiesWh) {
        return energiesWh.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> split(String energiesWh) {
        return Arrays.stream(energiesWh.split(",")).map(Long::valueOf).toList();
    }
}
