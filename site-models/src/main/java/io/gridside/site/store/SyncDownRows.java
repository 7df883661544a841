package io.gridside.site.store;

import io.gridside.site.sync.CustomerField;
import io.gridside.site.sync.DownStream;
import io.gridside.site.sync.FieldReview;
import io.gridside.site.sync.FirmwareRelease;
import io.gridside.site.sync.Hlc;
import io.gridside.site.sync.ReceivedCredential;
import io.gridside.site.sync.RemoteTopUp;
import io.gridside.site.sync.SignedRevocations;
import io.gridside.site.sync.TariffVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The rows the down streams write and read: cursors, what each stream brought, and merged customer fields. */
final class SyncDownRows {

    /** The source of a payment queued from the cloud's remote top-ups. */
    static final String REMOTE_SOURCE = "mobile-money";

    private SyncDownRows() {
    }

    static Optional<String> cursor(Connection connection, DownStream stream) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT cursor FROM sync_down_cursor WHERE stream = ?")) {
            select.setString(1, stream.wireName());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Keeps {@code cursor} for {@code stream}; a null cursor forgets it, so the stream is read from the start. */
    static void saveCursor(Connection connection, DownStream stream, String cursor, Instant at) throws SQLException {
        if (cursor == null) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM sync_down_cursor WHERE stream = ?")) {
                delete.setString(1, stream.wireName());
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO sync_down_cursor "
                + "(stream, cursor, updated_ms) VALUES (?, ?, ?)")) {
            upsert.setString(1, stream.wireName());
            upsert.setString(2, cursor);
            upsert.setLong(3, at.toEpochMilli());
            upsert.executeUpdate();
        }
    }

    static void saveTariffs(Connection connection, List<TariffVersion> versions) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO sync_tariff_version "
                + "(version_id, effective_from_ms, tariff_json) VALUES (?, ?, ?)")) {
            for (TariffVersion v : versions) {
                upsert.setString(1, v.versionId());
                upsert.setLong(2, v.effectiveFrom().toEpochMilli());
                upsert.setString(3, v.tariffJson());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    static List<TariffVersion> tariffs(Connection connection) throws SQLException {
        List<TariffVersion> versions = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT version_id, effective_from_ms, tariff_json "
                        + "FROM sync_tariff_version ORDER BY effective_from_ms, version_id")) {
            while (rows.next()) {
                versions.add(new TariffVersion(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                        rows.getString(3)));
            }
        }
        return versions;
    }

    /**
     * Merges incoming fields by HLC: the later wins, a tie goes to the cloud; the loser of a real disagreement is
     * kept for review, once however often the same value comes again. Returns how many incoming values were taken.
     */
    static int mergeFields(Connection connection, List<CustomerField> incoming, Instant at) throws SQLException {
        int taken = 0;
        for (CustomerField in : incoming) {
            checkField(in.field());
            Optional<CustomerField> held = field(connection, in.customerId(), in.field());
            if (held.isEmpty()) {
                upsertField(connection, in.customerId(), in.field(), in.value(), in.hlc(), CustomerField.CLOUD);
                taken++;
                continue;
            }
            CustomerField mine = held.get();
            boolean sameValue = Objects.equals(mine.value(), in.value());
            if (in.hlc().compareTo(mine.hlc()) >= 0) {
                if (sameValue && in.hlc().equals(mine.hlc())) {
                    continue;
                }
                upsertField(connection, in.customerId(), in.field(), in.value(), in.hlc(), CustomerField.CLOUD);
                taken++;
                if (!sameValue) {
                    review(connection, in.customerId(), in.field(), mine.value(), mine.hlc(), in.value(), in.hlc(),
                            at);
                }
            } else if (!sameValue) {
                review(connection, in.customerId(), in.field(), in.value(), in.hlc(), mine.value(), mine.hlc(), at);
            }
        }
        return taken;
    }

    /** A local edit: it must be later than the value held, and makes an outbox row through the trigger. */
    static void editField(Connection connection, String customerId, String field, String value, Hlc hlc)
            throws SQLException {
        checkField(field);
        Objects.requireNonNull(value, "value");
        Optional<CustomerField> held = field(connection, customerId, field);
        if (held.isPresent() && hlc.compareTo(held.get().hlc()) <= 0) {
            throw new IllegalArgumentException("The edit's HLC " + hlc + " is not after the one held, "
                    + held.get().hlc() + "; make it with SyncRows.nextHlc.");
        }
        upsertField(connection, customerId, field, value, hlc, CustomerField.LOCAL);
    }

    private static void checkField(String field) {
        if (!CustomerField.FIELDS.contains(field)) {
            throw new IllegalArgumentException("'" + field + "' is not a customer reference field; use one of "
                    + CustomerField.FIELDS + ".");
        }
    }

    private static void upsertField(Connection connection, String customerId, String field, String value, Hlc hlc,
            String origin) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO customer_field (customer_id, "
                + "field, value, hlc, origin) VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id, field) DO UPDATE "
                + "SET value = excluded.value, hlc = excluded.hlc, origin = excluded.origin")) {
            upsert.setString(1, customerId);
            upsert.setString(2, field);
            upsert.setString(3, value);
            upsert.setString(4, hlc.text());
            upsert.setString(5, origin);
            upsert.executeUpdate();
        }
    }

    private static void review(Connection connection, String customerId, String field, String lostValue,
            Hlc lostHlc, String wonValue, Hlc wonHlc, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_review (customer_id, field, "
                + "lost_value, lost_hlc, won_value, won_hlc, at_ms) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS ("
                + "SELECT 1 FROM sync_review WHERE customer_id = ? AND field = ? AND lost_value IS ? "
                + "AND lost_hlc IS ? AND won_hlc = ?)")) {
            insert.setString(1, customerId);
            insert.setString(2, field);
            insert.setString(3, lostValue);
            insert.setString(4, lostHlc.text());
            insert.setString(5, wonValue);
            insert.setString(6, wonHlc.text());
            insert.setLong(7, at.toEpochMilli());
            insert.setString(8, customerId);
            insert.setString(9, field);
            insert.setString(10, lostValue);
            insert.setString(11, lostHlc.text());
            insert.setString(12, wonHlc.text());
            insert.executeUpdate();
        }
    }

    static Optional<CustomerField> field(Connection connection, String customerId, String field)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, field, value, hlc, origin "
                + "FROM customer_field WHERE customer_id = ? AND field = ?")) {
            select.setString(1, customerId);
            select.setString(2, field);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(customerField(rows)) : Optional.empty();
            }
        }
    }

    static List<CustomerField> fields(Connection connection, String customerId) throws SQLException {
        List<CustomerField> fields = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT customer_id, field, value, hlc, origin "
                + "FROM customer_field WHERE customer_id = ? ORDER BY field")) {
            select.setString(1, customerId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    fields.add(customerField(rows));
                }
            }
        }
        return fields;
    }

    private static CustomerField customerField(ResultSet rows) throws SQLException {
        return new CustomerField(rows.getString(1), rows.getString(2), rows.getString(3), Hlc.parse(rows.getString(4)),
                rows.getString(5));
    }

    static Optional<Hlc> latestHlc(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT MAX(hlc) FROM customer_field")) {
            String text = rows.getString(1);
            return text == null ? Optional.empty() : Optional.of(Hlc.parse(text));
        }
    }

    static List<FieldReview> reviews(Connection connection) throws SQLException {
        List<FieldReview> reviews = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT id, customer_id, field, lost_value, lost_hlc, "
                        + "won_value, won_hlc, at_ms FROM sync_review ORDER BY id")) {
            while (rows.next()) {
                String lostHlc = rows.getString(5);
                reviews.add(new FieldReview(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        lostHlc == null ? null : Hlc.parse(lostHlc), rows.getString(6), Hlc.parse(rows.getString(7)),
                        Instant.ofEpochMilli(rows.getLong(8))));
            }
        }
        return reviews;
    }

    /**
     * Queues remote top-ups whose reference is neither queued already nor in the ledger; returns how many were
     * queued.
     */
    static int queueTopUps(Connection connection, List<RemoteTopUp> topUps, Instant queuedAt) throws SQLException {
        int queued = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO payment_outbox (reference, "
                + "customer_id, amount_minor, currency, paid_at, source, queued_at, state) SELECT ?, ?, ?, ?, ?, ?, ?, "
                + "'PENDING' WHERE NOT EXISTS (SELECT 1 FROM ledger_entry WHERE reference = ?) "
                + "ON CONFLICT (reference) DO NOTHING")) {
            for (RemoteTopUp t : topUps) {
                if (t.amountMinor() <= 0) {
                    throw new IllegalArgumentException("The remote top-up " + t.reference() + " is of "
                            + t.amountMinor() + "; a top-up is of a positive amount.");
                }
                insert.setString(1, t.reference());
                insert.setString(2, t.customerId());
                insert.setLong(3, t.amountMinor());
                insert.setString(4, t.currency());
                insert.setLong(5, t.paidAt().getEpochSecond());
                insert.setString(6, REMOTE_SOURCE);
                insert.setLong(7, queuedAt.getEpochSecond());
                insert.setString(8, OutboxRows.PAYMENT_PREFIX + t.reference());
                queued += insert.executeUpdate();
            }
        }
        return queued;
    }

    static void saveReleases(Connection connection, List<FirmwareRelease> releases) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO sync_firmware_release "
                + "(product, version, hardware_ids, security_counter, notes, published_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            for (FirmwareRelease r : releases) {
                upsert.setString(1, r.product());
                upsert.setString(2, r.version());
                upsert.setString(3, String.join("\n", r.hardwareIds()));
                upsert.setLong(4, r.securityCounter());
                upsert.setString(5, r.notes() == null ? "" : r.notes());
                upsert.setLong(6, r.publishedAt().toEpochMilli());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    static List<FirmwareRelease> releases(Connection connection) throws SQLException {
        List<FirmwareRelease> releases = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT product, version, hardware_ids, security_counter, notes, "
                        + "published_ms FROM sync_firmware_release ORDER BY product, published_ms, version")) {
            while (rows.next()) {
                String ids = rows.getString(3);
                releases.add(new FirmwareRelease(rows.getString(1), rows.getString(2),
                        ids.isEmpty() ? List.of() : List.of(ids.split("\n")), rows.getLong(4), rows.getString(5),
                        Instant.ofEpochMilli(rows.getLong(6))));
            }
        }
        return releases;
    }

    static void saveCredentials(Connection connection, List<ReceivedCredential> credentials, Instant at)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO sync_credential "
                + "(technician_id, signed, signature, received_ms) VALUES (?, ?, ?, ?)")) {
            for (ReceivedCredential c : credentials) {
                upsert.setString(1, c.technicianId());
                upsert.setBytes(2, c.signed());
                upsert.setBytes(3, c.signature());
                upsert.setLong(4, at.toEpochMilli());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    static List<ReceivedCredential> credentials(Connection connection) throws SQLException {
        List<ReceivedCredential> credentials = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT technician_id, signed, signature FROM sync_credential "
                        + "ORDER BY technician_id")) {
            while (rows.next()) {
                credentials.add(new ReceivedCredential(rows.getString(1), rows.getBytes(2), rows.getBytes(3)));
            }
        }
        return credentials;
    }

    /** Keeps {@code list} when its serial is above the one held; returns whether it was kept. */
    static boolean saveRevocations(Connection connection, SignedRevocations list, Instant at) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO sync_revocation_list (id, serial, "
                + "signed, signature, received_ms) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "serial = excluded.serial, signed = excluded.signed, signature = excluded.signature, "
                + "received_ms = excluded.received_ms WHERE excluded.serial > sync_revocation_list.serial")) {
            upsert.setLong(1, list.serial());
            upsert.setBytes(2, list.signed());
            upsert.setBytes(3, list.signature());
            upsert.setLong(4, at.toEpochMilli());
            return upsert.executeUpdate() > 0;
        }
    }

    static Optional<SignedRevocations> revocations(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT serial, signed, signature FROM sync_revocation_list WHERE id = 1")) {
            return rows.next() ? Optional.of(new SignedRevocations(rows.getLong(1), rows.getBytes(2),
                    rows.getBytes(3))) : Optional.empty();
        }
    }
}
