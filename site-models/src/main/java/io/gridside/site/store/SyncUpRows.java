package io.gridside.site.store;

import io.gridside.site.TopologySnapshot;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.sync.LedgerDay;
import io.gridside.site.sync.TopologyCompact;
import io.gridside.site.sync.UpItem;
import io.gridside.site.sync.UpStream;
import io.gridside.site.sync.api.UpItems;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the sync outbox with what each row points at. A page is one query joining the outbox rows of a seq range
 * to the rows they name (no query per item), but for topology snapshots, which are read one by one: a site has few.
 */
final class SyncUpRows {

    private static final String PAGE = " FROM sync_outbox o %s WHERE o.stream = ? AND o.seq > ? ORDER BY o.seq LIMIT ?";

    private static final String PAYMENTS = "SELECT o.seq, o.item, o.kind, o.queued_ms, "
            + "l.seq, l.customer_id, l.amount_minor, l.reference, l.at, "
            + "s.meter_id, s.balance_minor, s.currency, s.credit_state, s.relay, "
            + "p.reference, p.customer_id, p.amount_minor, p.currency, p.paid_at, p.source, p.state"
            + PAGE.formatted("LEFT JOIN ledger_entry l ON o.kind = 'topup' AND l.seq = CAST(o.item AS INTEGER) "
                    + "LEFT JOIN meter_status s ON o.kind = 'credit' AND s.meter_id = o.item "
                    + "LEFT JOIN payment_outbox p ON o.kind = 'payment' AND p.reference = o.item");

    private static final String LEDGER = "SELECT o.seq, o.item, o.kind, o.queued_ms, l.seq, l.at, l.customer_id, "
            + "l.kind, l.amount_minor, l.balance_after_minor, l.reference, l.hash"
            + PAGE.formatted("LEFT JOIN ledger_entry l ON l.seq = o.seq");

    /** An event's item is its id; a commissioning report's (kind 'commissionReport', decision 0065) its report id. */
    private static final String EVENTS = "SELECT o.seq, o.item, o.kind, o.queued_ms, e.id, e.at_second, e.at_nano, "
            + "e.source, e.kind, e.details, r." + CommissionRecords.REPORT_COLUMNS.replace(", ", ", r.")
            + PAGE.formatted("LEFT JOIN site_event e ON o.kind = 'event' AND e.id = CAST(o.item AS INTEGER) "
                    + "LEFT JOIN commission_report r ON o.kind = '" + UpItems.COMMISSION_REPORT
                    + "' AND r.report_id = o.item");

    /** A block's item is '<meter id>/<yyyy-mm-dd>': the day is its last ten characters. */
    private static final String READINGS = "SELECT o.seq, o.item, o.kind, o.queued_ms, b.readings, b.block"
            + PAGE.formatted("LEFT JOIN reading_meter m ON o.kind = 'block' "
                    + "AND m.meter_id = substr(o.item, 1, length(o.item) - 11) "
                    + "LEFT JOIN reading_block b ON b.meter = m.meter "
                    + "AND b.day = CAST(julianday(substr(o.item, -10)) - 2440587.5 AS INTEGER)");

    /** A field's item is '<customer id>/<field>': the field follows the last slash. */
    private static final String CUSTOMER_PART = "length(rtrim(o.item, replace(o.item, '/', '')))";
    private static final String CUSTOMERS = "SELECT o.seq, o.item, o.kind, o.queued_ms, f.customer_id, f.field, "
            + "f.value, f.hlc"
            + PAGE.formatted("LEFT JOIN customer_field f ON f.customer_id = substr(o.item, 1, " + CUSTOMER_PART
                    + " - 1) AND f.field = substr(o.item, " + CUSTOMER_PART + " + 1)");

    private SyncUpRows() {
    }

    static Map<UpStream, Long> waiting(Connection connection) throws SQLException {
        Map<UpStream, Long> waiting = new EnumMap<>(UpStream.class);
        for (UpStream stream : UpStream.values()) {
            waiting.put(stream, 0L);
        }
        // Per stream, so that each count walks only the rows after the checkpoint, by the outbox's key.
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM sync_outbox WHERE "
                + "stream = ?1 AND seq > COALESCE((SELECT acked_seq FROM sync_checkpoint WHERE stream = ?1), 0)")) {
            for (UpStream stream : UpStream.values()) {
                select.setString(1, stream.wireName());
                try (ResultSet rows = select.executeQuery()) {
                    waiting.put(stream, rows.getLong(1));
                }
            }
        }
        return waiting;
    }

    static long lastSeq(Connection connection, UpStream stream) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) FROM sync_outbox WHERE stream = ?")) {
            select.setString(1, stream.wireName());
            try (ResultSet rows = select.executeQuery()) {
                return rows.getLong(1);
            }
        }
    }

    static List<UpItem> pending(Connection connection, UpStream stream, long afterSeq, int limit)
            throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("A page holds at least one item, not " + limit + ".");
        }
        List<UpItem> items = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(pageQuery(stream))) {
            select.setString(1, stream.wireName());
            select.setLong(2, afterSeq);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    String item = rows.getString(2);
                    String kind = rows.getString(3);
                    Instant queued = Instant.ofEpochMilli(rows.getLong(4));
                    Map<String, Object> fields = switch (stream) {
                        case PAYMENTS -> payment(rows, kind, item, queued);
                        case LEDGER -> entry(rows);
                        case EVENTS -> UpItems.COMMISSION_REPORT.equals(kind) ? report(rows) : event(rows, item);
                        case READINGS -> reading(connection, rows, kind, item);
                        case CUSTOMERS -> field(rows, item);
                    };
                    items.add(new UpItem(stream, seq, kind, fields));
                }
            }
        }
        if (stream == UpStream.LEDGER) {
            fillLinks(connection, items);
        }
        return items;
    }

    /** Entries stored before the chain existed have no link held: theirs is recomputed, so the cloud can check. */
    private static void fillLinks(Connection connection, List<UpItem> items) throws SQLException {
        List<UpItem> missing = items.stream()
                .filter(item -> item.fields().containsKey("hash") && item.fields().get("hash") == null).toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<Long, byte[]> links = LedgerRows.links(connection, missing.get(0).seq(),
                missing.get(missing.size() - 1).seq());
        for (UpItem item : missing) {
            item.fields().put("hash", links.get(item.seq()));
        }
    }

    /** The query of a page of {@code stream}: parameters stream, after seq, limit. */
    static String pageQuery(UpStream stream) {
        return switch (stream) {
            case PAYMENTS -> PAYMENTS;
            case LEDGER -> LEDGER;
            case EVENTS -> EVENTS;
            case READINGS -> READINGS;
            case CUSTOMERS -> CUSTOMERS;
        };
    }

    private static Map<String, Object> payment(ResultSet rows, String kind, String item, Instant queued)
            throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        switch (kind) {
            case "topup" -> {
                fields.put("ledgerSeq", Long.parseLong(item));
                if (present(rows, 5)) {
                    fields.put("customerId", rows.getString(6));
                    fields.put("amountMinor", rows.getLong(7));
                    fields.put("reference", paymentReference(rows.getString(8)));
                    fields.put("at", Instant.ofEpochSecond(rows.getLong(9)));
                }
            }
            case "credit" -> {
                fields.put("meterId", item);
                if (present(rows, 10)) {
                    fields.put("balanceMinor", rows.getLong(11));
                    fields.put("currency", rows.getString(12));
                    fields.put("creditState", rows.getString(13));
                    fields.put("relay", rows.getString(14));
                    // KNOWN SHORTCOMING: a credit item carries the state as it is when read, at the time its outbox
                    // row was queued; a later change has its own row, so the cloud ends with the newest either way.
                    fields.put("at", queued);
                }
            }
            default -> {
                fields.put("reference", item);
                if (present(rows, 15)) {
                    fields.put("customerId", rows.getString(16));
                    fields.put("amountMinor", rows.getLong(17));
                    fields.put("currency", rows.getString(18));
                    fields.put("paidAt", Instant.ofEpochSecond(rows.getLong(19)));
                    fields.put("source", rows.getString(20));
                    fields.put("state", rows.getString(21));
                }
            }
        }
        return fields;
    }

    /** A top-up's own reference: the ledger's without the "payment:" prefix, as the payment outbox keys it. */
    private static String paymentReference(String ledgerReference) {
        return ledgerReference.startsWith(OutboxRows.PAYMENT_PREFIX)
                ? ledgerReference.substring(OutboxRows.PAYMENT_PREFIX.length()) : ledgerReference;
    }

    private static Map<String, Object> entry(ResultSet rows) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (present(rows, 5)) {
            fields.put("at", Instant.ofEpochSecond(rows.getLong(6)));
            fields.put("customerId", rows.getString(7));
            fields.put("kind", rows.getString(8));
            fields.put("amountMinor", rows.getLong(9));
            fields.put("balanceAfterMinor", rows.getLong(10));
            fields.put("reference", rows.getString(11));
            fields.put("hash", rows.getBytes(12));
        }
        return fields;
    }

    private static Map<String, Object> event(ResultSet rows, String item) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", Long.parseLong(item));
        if (present(rows, 5)) {
            fields.put("at", Instant.ofEpochSecond(rows.getLong(6), rows.getInt(7)));
            fields.put("source", rows.getString(8));
            fields.put("kind", rows.getString(9));
            fields.put("details", EventColumns.details(rows.getString(10)));
        }
        return fields;
    }

    /** A commissioning report as the cloud takes it: its signed bytes, signature and key, and who signed when. */
    private static Map<String, Object> report(ResultSet rows) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", UpItems.COMMISSION_REPORT);
        if (present(rows, 11)) {
            SignedReport report = CommissionRecords.report(rows, 11);
            fields.put("reportId", report.reportId());
            fields.put("siteId", report.siteId());
            fields.put("technicianId", report.technicianId());
            fields.put("technicianKey", report.technicianKey().toByteArray());
            fields.put("signed", report.signed().toByteArray());
            fields.put("signature", report.signature().toByteArray());
            fields.put("at", report.signedAt());
        }
        return fields;
    }

    private static Map<String, Object> reading(Connection connection, ResultSet rows, String kind, String item)
            throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        if ("block".equals(kind)) {
            fields.put("meterId", item.substring(0, item.length() - 11));
            fields.put("day", LocalDate.parse(item.substring(item.length() - 10)));
            // KNOWN SHORTCOMING: every outbox row of a block reads the block as it is now, so a block that grew
            // while the cloud was away goes up once per growth with the same bytes; the cloud keeps one.
            if (present(rows, 5)) {
                fields.put("readings", rows.getInt(5));
                fields.put("block", rows.getBytes(6));
            }
        } else {
            // A site keeps a few snapshots a day, so each is read by itself with its nodes and links.
            Optional<TopologySnapshot> held = TopologyRows.byId(connection, Long.parseLong(item));
            if (held.isPresent()) {
                TopologySnapshot snapshot = held.get();
                fields.put("at", snapshot.at());
                fields.put("snapshot", TopologyCompact.encode(snapshot, detail(connection, snapshot.at())));
            }
        }
        return fields;
    }

    /**
     * How much of the snapshot at {@code at} goes up: a week's when no snapshot held is earlier in its UTC week
     * (Monday to Sunday), a day's when none is earlier in its UTC day, else its routes only.
     */
    private static TopologyCompact.Detail detail(Connection connection, Instant at) throws SQLException {
        long day = Math.floorDiv(at.getEpochSecond(), ReadingBlock.DAY_SECONDS);
        long monday = day - Math.floorMod(day + 3, 7);
        if (noneEarlier(connection, monday * ReadingBlock.DAY_SECONDS, at)) {
            return TopologyCompact.Detail.WEEK;
        }
        return noneEarlier(connection, day * ReadingBlock.DAY_SECONDS, at) ? TopologyCompact.Detail.DAY
                : TopologyCompact.Detail.ROUTES;
    }

    /** Whether no snapshot held is at or after {@code fromSecond} and earlier than {@code at}. */
    private static boolean noneEarlier(Connection connection, long fromSecond, Instant at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM topology_snapshot"
                + " WHERE at_second >= ? AND (at_second < ? OR (at_second = ? AND at_nano < ?)) LIMIT 1")) {
            select.setLong(1, fromSecond);
            select.setLong(2, at.getEpochSecond());
            select.setLong(3, at.getEpochSecond());
            select.setInt(4, at.getNano());
            try (ResultSet rows = select.executeQuery()) {
                return !rows.next();
            }
        }
    }

    private static Map<String, Object> field(ResultSet rows, String item) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        int slash = item.lastIndexOf('/');
        fields.put("customerId", item.substring(0, slash));
        fields.put("field", item.substring(slash + 1));
        if (present(rows, 5)) {
            fields.put("value", rows.getString(7));
            fields.put("hlc", rows.getString(8));
        }
        return fields;
    }

    private static boolean present(ResultSet rows, int keyColumn) throws SQLException {
        rows.getObject(keyColumn);
        return !rows.wasNull();
    }

    static List<LedgerDay> ledgerDays(Connection connection) throws SQLException {
        List<LedgerDay> days = new ArrayList<>();
        boolean missing = false;
        try (PreparedStatement select = connection.prepareStatement("SELECT d.day, d.first_seq, d.last_seq, l.hash "
                + "FROM (SELECT date(at, 'unixepoch') AS day, MIN(seq) AS first_seq, MAX(seq) AS last_seq "
                + "FROM ledger_entry GROUP BY date(at, 'unixepoch')) d JOIN ledger_entry l ON l.seq = d.last_seq "
                + "ORDER BY d.day");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                days.add(new LedgerDay(LocalDate.parse(rows.getString(1)), rows.getLong(2), rows.getLong(3),
                        rows.getBytes(4)));
                missing |= rows.getBytes(4) == null;
            }
        }
        if (!missing) {
            return days;
        }
        Map<Long, byte[]> links = LedgerRows.links(connection, 1, days.get(days.size() - 1).lastSeq());
        return days.stream().map(day -> day.lastHash() != null ? day
                : new LedgerDay(day.day(), day.firstSeq(), day.lastSeq(), links.get(day.lastSeq()))).toList();
    }
}
