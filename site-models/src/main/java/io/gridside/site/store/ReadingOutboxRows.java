package io.gridside.site.store;

import io.gridside.site.QueuedRead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The site store's outbox of register reads for the gateway's billing. */
final class ReadingOutboxRows {

    private static final String COLUMNS = "meter_id, read_at, register_wh, origin, origin_id, reason, state, "
            + "answer_code, answer";

    private ReadingOutboxRows() {
    }

    /**
     * Queues reads the outbox does not hold by origin, meter and time, and re-queues those the gateway refused;
     * a read queued or answered otherwise is left as it is. Returns how many were queued.
     */
    static int queue(Connection connection, List<QueuedRead> reads, Instant queuedAt) throws SQLException {
        int queued = 0;
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO reading_outbox (" + COLUMNS
                + ", queued_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', NULL, NULL, ?) ON CONFLICT (origin_id, meter_id, "
                + "read_at) DO UPDATE SET register_wh = excluded.register_wh, origin = excluded.origin, reason = "
                + "excluded.reason, state = 'PENDING', answer_code = NULL, answer = NULL, answered_at = NULL, "
                + "queued_at = excluded.queued_at WHERE reading_outbox.state = 'REFUSED'")) {
            for (QueuedRead r : reads) {
                upsert.setString(1, r.meterId());
                upsert.setLong(2, r.readAt().getEpochSecond());
                upsert.setLong(3, r.registerWh());
                upsert.setString(4, r.origin());
                upsert.setString(5, r.originId());
                upsert.setString(6, r.reason());
                upsert.setLong(7, queuedAt.getEpochSecond());
                queued += upsert.executeUpdate();
            }
        }
        return queued;
    }

    /** The reads queued in {@code state}, or all when it is null, in the order they were queued. */
    static List<QueuedRead> reads(Connection connection, QueuedRead.State state) throws SQLException {
        String where = state == null ? "" : " WHERE state = ?";
        List<QueuedRead> reads = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM reading_outbox" + where + " ORDER BY queued_at, rowid")) {
            if (state != null) {
                select.setString(1, state.name());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reads.add(new QueuedRead(rows.getString(1), Instant.ofEpochSecond(rows.getLong(2)),
                            rows.getLong(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            QueuedRead.State.valueOf(rows.getString(7)), rows.getString(8), rows.getString(9)));
                }
            }
        }
        return reads;
    }

    /** Records what the gateway answered for each read, by its origin, meter and time. */
    static void answer(Connection connection, List<QueuedRead> answered, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE reading_outbox SET state = ?, "
                + "answer_code = ?, answer = ?, answered_at = ? "
                + "WHERE origin_id = ? AND meter_id = ? AND read_at = ?")) {
            for (QueuedRead r : answered) {
                update.setString(1, r.state().name());
                setText(update, 2, r.answerCode());
                setText(update, 3, r.answer());
                update.setLong(4, at.getEpochSecond());
                update.setString(5, r.originId());
                update.setString(6, r.meterId());
                update.setLong(7, r.readAt().getEpochSecond());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
