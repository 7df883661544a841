package io.gridside.site.store;

import io.gridside.site.SiteEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The site store's rows of the gateway's event log, in the form of {@link EventColumns}. */
final class EventRows {

    private EventRows() {
    }

    /** Writes the events not held yet, by the gateway's number; returns how many were new. */
    static int insert(Connection connection, List<SiteEvent> events) throws SQLException {
        int added = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO site_event ("
                + EventColumns.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SiteEvent event : events) {
                EventColumns.bind(insert, event);
                added += insert.executeUpdate();
            }
        }
        return added;
    }

    /** The events held that happened in [from, to), in the gateway's order. */
    static List<SiteEvent> between(Connection connection, Instant from, Instant to) throws SQLException {
        List<SiteEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + EventColumns.COLUMNS
                + " FROM site_event WHERE " + EventColumns.IN_WINDOW + " ORDER BY id")) {
            EventColumns.bindWindow(select, 1, from, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(EventColumns.read(rows));
                }
            }
        }
        return events;
    }

    /** When the earliest event held happened, or empty when none is held. */
    static Optional<Instant> earliest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT at_second, at_nano FROM site_event ORDER BY at_second, at_nano LIMIT 1");
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(Instant.ofEpochSecond(rows.getLong(1), rows.getInt(2)))
                    : Optional.empty();
        }
    }

    /** When the latest event held happened, or empty when none is held. */
    static Optional<Instant> latest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT at_second, at_nano FROM site_event ORDER BY at_second DESC, at_nano DESC LIMIT 1");
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(Instant.ofEpochSecond(rows.getLong(1), rows.getInt(2)))
                    : Optional.empty();
        }
    }
}
