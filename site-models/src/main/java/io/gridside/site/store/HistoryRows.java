package io.gridside.site.store;

import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.MeshDay;
import io.gridside.site.history.MeshDayDocument;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The site store's rows of history by day: the digests held per day, and each day's mesh history. */
final class HistoryRows {

    private static final String DIGEST_COLUMNS =
            "day, complete, event_count, events_digest, mesh_steps, mesh_digest, mesh_bytes";

    private HistoryRows() {
    }

    /** The digests held of the days from {@code from} to {@code to}, both included, in day order. */
    static List<DayDigest> digests(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        List<DayDigest> digests = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + DIGEST_COLUMNS
                + " FROM history_day WHERE day >= ? AND day <= ? ORDER BY day")) {
            // ISO dates of four-digit years sort as text in day order.
            select.setString(1, from.toString());
            select.setString(2, to.toString());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    digests.add(new DayDigest(LocalDate.parse(rows.getString(1)), rows.getInt(2) != 0,
                            rows.getLong(3), ByteString.of(rows.getBytes(4)), rows.getLong(5),
                            ByteString.of(rows.getBytes(6)), rows.getLong(7)));
                }
            }
        }
        return digests;
    }

    /**
     * Replaces what is held of one day: its events in [from, to) when {@code events} is not null, its mesh history
     * when {@code mesh} is not null, and its digest.
     */
    static void replaceDay(Connection connection, DayDigest digest, Instant from, Instant to,
            List<SiteEvent> events, byte[] mesh) throws SQLException {
        if (events != null) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM site_event "
                    + "WHERE (at_second > ? OR (at_second = ? AND at_nano >= ?)) "
                    + "AND (at_second < ? OR (at_second = ? AND at_nano < ?))")) {
                delete.setLong(1, from.getEpochSecond());
                delete.setLong(2, from.getEpochSecond());
                delete.setInt(3, from.getNano());
                delete.setLong(4, to.getEpochSecond());
                delete.setLong(5, to.getEpochSecond());
                delete.setInt(6, to.getNano());
                delete.executeUpdate();
            }
            EventRows.insert(connection, events);
        }
        if (mesh != null) {
            MeshDay day = MeshDayDocument.decode(mesh);
            try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO mesh_day "
                    + "(day, start_second, end_second, document) VALUES (?, ?, ?, ?)")) {
                upsert.setString(1, digest.day().toString());
                upsert.setLong(2, day.start().at().getEpochSecond());
                upsert.setLong(3, to.getEpochSecond());
                upsert.setBytes(4, mesh);
                upsert.executeUpdate();
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO history_day ("
                + DIGEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            upsert.setString(1, digest.day().toString());
            upsert.setInt(2, digest.complete() ? 1 : 0);
            upsert.setLong(3, digest.eventCount());
            upsert.setBytes(4, digest.eventsDigest().toByteArray());
            upsert.setLong(5, digest.meshSteps());
            upsert.setBytes(6, digest.meshDigest().toByteArray());
            upsert.setLong(7, digest.meshBytes());
            upsert.executeUpdate();
        }
    }

    /** The mesh history of the day that holds {@code at}, or empty when none is held. */
    static Optional<MeshDay> meshDayAt(Connection connection, Instant at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT document FROM mesh_day "
                + "WHERE start_second <= ? AND ? < end_second ORDER BY start_second DESC LIMIT 1")) {
            select.setLong(1, at.getEpochSecond());
            select.setLong(2, at.getEpochSecond());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(MeshDayDocument.decode(rows.getBytes(1))) : Optional.empty();
            }
        }
    }

    /** The mesh history held of the site day {@code day}, whatever part of it the history covers. */
    static Optional<MeshDay> meshDayOf(Connection connection, java.time.LocalDate day) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT document FROM mesh_day WHERE day = ?")) {
            select.setString(1, day.toString());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(MeshDayDocument.decode(rows.getBytes(1))) : Optional.empty();
            }
        }
    }

    /** The mesh as the day's history held has it at {@code at}; see {@link MeshDay#meshAt}. */
    static Optional<TopologySnapshot> meshAt(Connection connection, Instant at) throws SQLException {
        return meshDayAt(connection, at).map(day -> day.meshAt(at));
    }
}
