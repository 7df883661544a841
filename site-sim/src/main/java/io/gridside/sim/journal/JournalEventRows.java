package io.gridside.sim.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The journal's event log, by the gateway's number of each event, findable by time and by source. */
final class JournalEventRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
    };
    private static final String COLUMNS =
            "id, at_second, at_nano, source, kind, details, cause_scenario, cause_step, cause_kind";

    private final PreparedStatement insert;
    private final PreparedStatement between;
    private final PreparedStatement of;

    JournalEventRows(Connection connection) throws SQLException {
        this.insert = connection.prepareStatement("INSERT INTO site_event (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.between = connection.prepareStatement("SELECT " + COLUMNS + " FROM site_event WHERE "
                + "(at_second > ? OR (at_second = ? AND at_nano >= ?)) AND (at_second < ? OR (at_second = ? AND "
                + "at_nano < ?)) ORDER BY id");
        this.of = connection.prepareStatement("SELECT " + COLUMNS + " FROM site_event WHERE source = ? ORDER BY id");
    }

    static void create(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE site_event (id INTEGER PRIMARY KEY, at_second INTEGER NOT NULL, "
                + "at_nano INTEGER NOT NULL, source TEXT NOT NULL, kind TEXT NOT NULL, details TEXT NOT NULL, "
                + "cause_scenario TEXT, cause_step INTEGER, cause_kind TEXT)");
        statement.execute("CREATE INDEX site_event_at ON site_event (at_second, at_nano)");
        statement.execute("CREATE INDEX site_event_source ON site_event (source, id)");
    }

    void insert(List<SiteEvent> events) throws SQLException {
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
            insert.addBatch();
        }
        insert.executeBatch();
    }

    List<SiteEvent> between(Instant from, Instant to) throws SQLException {
        between.setLong(1, from.getEpochSecond());
        between.setLong(2, from.getEpochSecond());
        between.setInt(3, from.getNano());
        between.setLong(4, to.getEpochSecond());
        between.setLong(5, to.getEpochSecond());
        between.setInt(6, to.getNano());
        return events(between);
    }

    List<SiteEvent> of(String source) throws SQLException {
        of.setString(1, source);
        return events(of);
    }

    private static List<SiteEvent> events(PreparedStatement query) throws SQLException {
        List<SiteEvent> result = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                result.add(event(rows));
            }
        }
        return result;
    }

    private static SiteEvent event(ResultSet rows) throws SQLException {
        String scenario = rows.getString(7);
        int step = rows.getInt(8);
        SiteEvent.Cause cause = scenario == null ? null : new SiteEvent.Cause(scenario, step, rows.getString(9));
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
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new SQLException("An event's details in the gateway's journal are not JSON: " + json, e);
        }
    }
}
