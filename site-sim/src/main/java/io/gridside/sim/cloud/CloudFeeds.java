package io.gridside.sim.cloud;

import io.gridside.site.sync.api.DownCursor;
import io.gridside.site.sync.api.DownItems;
import io.gridside.site.sync.api.DownPage;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.SyncStreams;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The down streams of each site: items published in order with a sequence number per stream, read in pages
 * after a cursor {@code <epoch>:<n>}, and a bounded snapshot for a console that starts over.
 */
final class CloudFeeds {

    /** How far back the snapshot of a new cursor reaches for remote top-ups. */
    static final Duration TOPUP_SNAPSHOT = Duration.ofDays(90);
    /** The largest page. */
    static final int MAX_LIMIT = 500;

    private record Row(long n, Map<String, Object> item) {
    }

    private CloudFeeds() {
    }

    /**
     * Publishes {@code item} (a record of {@link DownItems}) on {@code stream} of {@code site}.
     *
     * @return its sequence number in the stream
     */
    static long publish(Connection connection, String site, String stream, Object item, Instant at)
            throws SQLException {
        if (!SyncStreams.DOWN.contains(stream)) {
            throw new IllegalArgumentException("'" + stream + "' is not a down stream");
        }
        Map<String, Object> object = SyncJson.item(item);
        long n = Sql.number(connection, 0, "SELECT MAX(n) FROM down_item WHERE site = ? AND stream = ?", site,
                stream) + 1;
        Sql.update(connection, "INSERT INTO down_item (site, stream, n, key, at_ms, item) VALUES (?, ?, ?, ?, ?, ?)",
                site, stream, n, key(stream, object), at.toEpochMilli(),
                new String(SyncJson.write(object), StandardCharsets.UTF_8));
        if (item instanceof DownItems.CustomerField field) {
            CloudItems.upsertField(connection, site, field.customerId(), field.field(), field.value(), field.hlc(),
                    "cloud");
        }
        return n;
    }

    private static String key(String stream, Map<String, Object> item) {
        return switch (stream) {
            case SyncStreams.TARIFFS -> String.valueOf(item.get("versionId"));
            case SyncStreams.CUSTOMERS -> item.get("customerId") + "/" + item.get("field");
            case SyncStreams.TOPUPS -> String.valueOf(item.get("reference"));
            case SyncStreams.FIRMWARE -> item.get("product") + "/" + item.get("version");
            default -> DownItems.REVOCATIONS.equals(item.get("kind")) ? DownItems.REVOCATIONS
                    : "credential/" + item.get("technicianId");
        };
    }

    /**
     * The page after {@code after} (empty: the snapshot).
     *
     * @throws CloudException 410 {@code cursor_unknown} for a cursor of another epoch or beyond the stream
     */
    static DownPage page(Connection connection, String epoch, String site, String stream, String after, int limit,
            Instant now) throws SQLException {
        if (!SyncStreams.DOWN.contains(stream)) {
            throw new CloudException(404, SyncErrors.NOT_FOUND, "'" + stream + "' is not a down stream; the down "
                    + "streams are " + String.join(", ", SyncStreams.DOWN) + ".");
        }
        int size = Math.max(1, Math.min(MAX_LIMIT, limit));
        List<Row> rows;
        long position;
        if (after == null || after.isEmpty()) {
            position = 0;
            rows = snapshot(connection, site, stream, size + 1, now);
        } else {
            position = position(connection, epoch, site, stream, after);
            rows = Sql.list(connection, row -> new Row(row.getLong(1), CloudItems.object(row.getString(2))),
                    "SELECT n, item FROM down_item WHERE site = ? AND stream = ? AND n > ? ORDER BY n LIMIT ?",
                    site, stream, position, size + 1);
        }
        boolean more = rows.size() > size;
        List<Row> page = more ? rows.subList(0, size) : rows;
        long last = page.isEmpty() ? position : page.get(page.size() - 1).n();
        return new DownPage(page.stream().map(Row::item).toList(), new DownCursor(epoch, last).toString(), more);
    }

    /*
     * KNOWN SHORTCOMING: only the snapshot's first page is bounded; a page after a snapshot's cursor continues the
     * stream's history, superseded items and top-ups older than 90 days included (harmless, since every item is
     * applied by its natural key, but not as small as it could be).
     */
    private static List<Row> snapshot(Connection connection, String site, String stream, int limit, Instant now)
            throws SQLException {
        long since = SyncStreams.TOPUPS.equals(stream) ? now.minus(TOPUP_SNAPSHOT).toEpochMilli() : Long.MIN_VALUE;
        return Sql.list(connection, row -> new Row(row.getLong(1), CloudItems.object(row.getString(2))),
                "SELECT d.n, d.item FROM down_item d WHERE d.site = ? AND d.stream = ? AND d.at_ms >= ?"
                        + " AND d.n = (SELECT MAX(n) FROM down_item l WHERE l.site = d.site AND l.stream = d.stream"
                        + " AND l.key = d.key) ORDER BY d.n LIMIT ?", site, stream, since, limit);
    }

    private static long position(Connection connection, String epoch, String site, String stream, String after)
            throws SQLException {
        DownCursor cursor;
        try {
            cursor = DownCursor.parse(after);
        } catch (IllegalArgumentException e) {
            throw unknown(stream, "'" + after + "' is not a cursor");
        }
        if (!cursor.epoch().equals(epoch)) {
            throw unknown(stream, "the cursor is of epoch " + cursor.epoch() + " and the cloud's is now " + epoch
                    + " (it was restored from a backup)");
        }
        long tip = Sql.number(connection, 0, "SELECT MAX(n) FROM down_item WHERE site = ? AND stream = ?", site,
                stream);
        if (cursor.position() > tip) {
            throw unknown(stream, "the cursor is beyond the " + tip + " items the cloud holds");
        }
        return cursor.position();
    }

    private static CloudException unknown(String stream, String why) {
        return new CloudException(410, SyncErrors.CURSOR_UNKNOWN, "The cloud does not know this cursor of " + stream
                + ": " + why + "; read " + stream + " again from an empty cursor.");
    }

    /** Whether {@code stream} holds anything after {@code cursor} (true for a cursor the cloud does not know). */
    static boolean hasAfter(Connection connection, String epoch, String site, String stream, String cursor)
            throws SQLException {
        long position;
        try {
            position = cursor == null || cursor.isEmpty() ? 0 : position(connection, epoch, site, stream, cursor);
        } catch (CloudException e) {
            return true;
        }
        return Sql.number(connection, 0, "SELECT COUNT(*) FROM down_item WHERE site = ? AND stream = ? AND n > ?",
                site, stream, position) > 0;
    }

    /** Every item published on {@code stream} of {@code site}, in order. */
    static List<Map<String, Object>> published(Connection connection, String site, String stream)
            throws SQLException {
        return Sql.list(connection, row -> CloudItems.object(row.getString(1)),
                "SELECT item FROM down_item WHERE site = ? AND stream = ? ORDER BY n", site, stream);
    }
}
