package io.gridside.site.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The site store's rows of the gateway's event log: how an event is written and read back. */
final class EventRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS =
            "id, at_second, at_nano, source, kind, details, cause_scenario, cause_step, cause_kind";

    private EventRows() {
    }

    /** Writes the events not held yet, by the gateway's number; returns how many were new. */
    static int insert(Connection connection, List<SiteEvent> events) throws SQLException {
        int added = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO site_event ("
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SiteEvent event : events) {
                insert.setLong(1, event.id());
                insert.setLong(2, event.at().getEpochSecond());
                insert.setInt(3, event.at().getNano());
                insert.setString(4, event.source());
                insert.setString(5, event.kind().name());
                insert.setString(6, details(event));
                SiteEvent.Cause cause = event.cause();
                insert.setString(7, cause == null ? null : cause.scenario());
                if (cause == null) {
                    insert.setNull(8, Types.INTEGER);
                } else {
                    insert.setInt(8, cause.step());
                }
                insert.setString(9, cause == null ? null : cause.kind());
                added += insert.executeUpdate();
            }
        }
        return added;
    }

    /** The events held that happened in [from, to), in the gateway's order. */
    static List<SiteEvent> between(Connection connection, Instant from, Instant to) throws SQLException {
        List<SiteEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM site_event "
                + "WHERE (at_second > ? OR (at_second = ? AND at_nano >= ?)) "
                + "AND (at_second < ? OR (at_second = ? AND at_nano < ?)) ORDER BY id")) {
            select.setLong(1, from.getEpochSecond());
            select.setLong(2, from.getEpochSecond());
            select.setInt(3, from.getNano());
            select.setLong(4, to.getEpochSecond());
            select.setLong(5, to.getEpochSecond());
            select.setInt(6, to.getNano());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
        }
        return events;
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

    private static SiteEvent event(ResultSet rows) throws SQLException {
        String scenario = rows.getString(7);
        SiteEvent.Cause cause = scenario == null ? null
                : new SiteEvent.Cause(scenario, rows.getInt(8), rows.getString(9));
        return new SiteEvent(rows.getLong(1), Instant.ofEpochSecond(rows.getLong(2), rows.getInt(3)),
                rows.getString(4), EventKind.valueOf(rows.getString(5)), details(rows.getString(6)), cause);
    }

    private static String details(SiteEvent event) throws SQLException {
        try {
            return JSON.writeValueAsString(event.details());
        } catch (JsonProcessingException e) {
            throw new SQLException("The details of event " + event.id() + " could not be written.", e);
        }
    }

    private static TreeMap<String, String> details(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new SQLException("An event's details in the site database are not JSON: " + json, e);
        }
    }
}
