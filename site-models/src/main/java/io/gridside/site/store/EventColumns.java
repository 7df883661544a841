package io.gridside.site.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.TreeMap;

/**
 * How an event of the gateway's log is kept in a {@code site_event} table, by the site store and by a gateway's
 * journal alike: its columns, how an event fills them and how one is read back, and the time window of a query.
 */
public final class EventColumns {

    /** The table's columns, in the order {@link #bind} fills and {@link #read} reads them. */
    public static final String COLUMNS =
            "id, at_second, at_nano, source, kind, details, cause_scenario, cause_step, cause_kind";
    /** A condition on the columns for the times in [from, to), filled by {@link #bindWindow}. */
    public static final String IN_WINDOW = "(at_second > ? OR (at_second = ? AND at_nano >= ?)) "
            + "AND (at_second < ? OR (at_second = ? AND at_nano < ?))";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private EventColumns() {
    }

    /** Fills parameters 1 to 9 of {@code insert} with {@code event}, in the order of {@link #COLUMNS}. */
    public static void bind(PreparedStatement insert, SiteEvent event) throws SQLException {
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
    }

    /** Fills parameters {@code first} to {@code first + 5} of {@code query}'s {@link #IN_WINDOW} with [from, to). */
    public static void bindWindow(PreparedStatement query, int first, Instant from, Instant to) throws SQLException {
        query.setLong(first, from.getEpochSecond());
        query.setLong(first + 1, from.getEpochSecond());
        query.setInt(first + 2, from.getNano());
        query.setLong(first + 3, to.getEpochSecond());
        query.setLong(first + 4, to.getEpochSecond());
        query.setInt(first + 5, to.getNano());
    }

    /** The event of the row {@code rows} stands on, selected as {@link #COLUMNS}. */
    public static SiteEvent read(ResultSet rows) throws SQLException {
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

    /** The details of an event as stored (JSON of the sorted map). */
    static TreeMap<String, String> details(String json) throws SQLException {
        try {
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new SQLException("An event's details are not JSON: " + json, e);
        }
    }
}
