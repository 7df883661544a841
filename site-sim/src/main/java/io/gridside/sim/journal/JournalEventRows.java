package io.gridside.sim.journal;

import io.gridside.site.SiteEvent;
import io.gridside.site.store.EventColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The journal's event log, by the gateway's number of each event, findable by time and by source. */
final class JournalEventRows {

    private static final String COLUMNS = EventColumns.COLUMNS;

    private final PreparedStatement insert;
    private final PreparedStatement between;
    private final PreparedStatement of;

    JournalEventRows(Connection connection) throws SQLException {
        this.insert = connection.prepareStatement("INSERT INTO site_event (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.between = connection.prepareStatement("SELECT " + COLUMNS + " FROM site_event WHERE "
                + EventColumns.IN_WINDOW + " ORDER BY id");
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
            EventColumns.bind(insert, event);
            insert.addBatch();
        }
        insert.executeBatch();
    }

    List<SiteEvent> between(Instant from, Instant to) throws SQLException {
        EventColumns.bindWindow(between, 1, from, to);
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
                result.add(EventColumns.read(rows));
            }
        }
        return result;
    }
}
