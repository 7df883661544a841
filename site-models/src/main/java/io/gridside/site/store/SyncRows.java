package io.gridside.site.store;

import io.gridside.site.sync.Attention;
import io.gridside.site.sync.CustomerField;
import io.gridside.site.sync.DownStream;
import io.gridside.site.sync.FieldReview;
import io.gridside.site.sync.FirmwareRelease;
import io.gridside.site.sync.Hlc;
import io.gridside.site.sync.LedgerDay;
import io.gridside.site.sync.ReceivedCredential;
import io.gridside.site.sync.RemoteTopUp;
import io.gridside.site.sync.SignedRevocations;
import io.gridside.site.sync.SyncConfig;
import io.gridside.site.sync.SyncState;
import io.gridside.site.sync.TariffVersion;
import io.gridside.site.sync.UpItem;
import io.gridside.site.sync.UpStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site store's sync rows: the outbox the triggers fill (decision 0056), the checkpoints the cloud acknowledged,
 * the down streams' cursors and what they brought, and how sync went. Calls are serialised on the store that gives
 * this out ({@link SiteStore#sync}), as its own are, and each write is one transaction.
 */
public final class SyncRows {

    private final Connection connection;
    private final StoreWork work;

    SyncRows(Object lock, Connection connection, Path file) {
        this.connection = connection;
        this.work = new StoreWork(lock, connection, file);
    }

    /** Per up stream, how many outbox rows lie after its checkpoint; every stream is in the map. */
    public Map<UpStream, Long> waiting() {
        return work.query(() -> SyncUpRows.waiting(connection));
    }

    /** The highest sequence of {@code stream} the cloud acknowledged, 0 before any. */
    public long checkpoint(UpStream stream) {
        return work.query(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT acked_seq FROM sync_checkpoint WHERE stream = ?")) {
                select.setString(1, stream.wireName());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    /** Sets the checkpoint of {@code stream}; it may go down, when the cloud was restored from a backup. */
    public void setCheckpoint(UpStream stream, long seq) {
        if (seq < 0) {
            throw new IllegalArgumentException("A checkpoint is 0 or more, not " + seq + ".");
        }
        work.inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO sync_checkpoint (stream, acked_seq) VALUES (?, ?)")) {
                upsert.setString(1, stream.wireName());
                upsert.setLong(2, seq);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** The highest sequence the outbox holds for {@code stream}, 0 when none. */
    public long lastSeq(UpStream stream) {
        return work.query(() -> SyncUpRows.lastSeq(connection, stream));
    }

    /** Up to {@code limit} outbox rows of {@code stream} after {@code afterSeq}, in sequence order, read whole. */
    public List<UpItem> pending(UpStream stream, long afterSeq, int limit) {
        return work.query(() -> SyncUpRows.pending(connection, stream, afterSeq, limit));
    }

    /** The ledger per UTC day, in day order, to compare with the cloud's. */
    public List<LedgerDay> ledgerDays() {
        return work.query(() -> SyncUpRows.ledgerDays(connection));
    }

    /** The cursor of {@code stream} kept with the last page applied, empty before any (read from the start). */
    public Optional<String> cursor(DownStream stream) {
        return work.query(() -> SyncDownRows.cursor(connection, stream));
    }

    /** Keeps the tariff versions of a page (by version id) and the stream's new cursor in one transaction. */
    public void applyTariffs(List<TariffVersion> versions, String cursor) {
        work.inTransaction(() -> {
            SyncDownRows.saveTariffs(connection, versions);
            SyncDownRows.saveCursor(connection, DownStream.TARIFFS, cursor, Instant.now());
            return null;
        });
    }

    /**
     * Merges the customer fields of a page and keeps the stream's new cursor in one transaction. An incoming value
     * wins when its HLC is later than the one held, or ties with it; every value that loses, either side, is kept
     * for review. Returns how many values were taken.
     */
    public int applyCustomerFields(List<CustomerField> fields, Instant at, String cursor) {
        return work.inTransaction(() -> {
            int taken = SyncDownRows.mergeFields(connection, fields, at);
            SyncDownRows.saveCursor(connection, DownStream.CUSTOMERS, cursor, at);
            return taken;
        });
    }

    /**
     * Queues the remote top-ups of a page in the payment outbox (source {@code mobile-money}) and keeps the stream's
     * new cursor in one transaction; a reference already queued or already in the ledger is not queued again.
     * Returns how many were queued.
     */
    public int applyRemoteTopUps(List<RemoteTopUp> topUps, Instant queuedAt, String cursor) {
        return work.inTransaction(() -> {
            int queued = SyncDownRows.queueTopUps(connection, topUps, queuedAt);
            SyncDownRows.saveCursor(connection, DownStream.TOPUPS, cursor, queuedAt);
            return queued;
        });
    }

    /** Keeps the firmware release records of a page (by product and version) and the new cursor in one transaction. */
    public void applyFirmwareReleases(List<FirmwareRelease> releases, String cursor) {
        work.inTransaction(() -> {
            SyncDownRows.saveReleases(connection, releases);
            SyncDownRows.saveCursor(connection, DownStream.FIRMWARE, cursor, Instant.now());
            return null;
        });
    }

    /**
     * Keeps a page of the credentials stream in one transaction with its new cursor: the credentials by technician
     * id (the newest received replaces one held) and, of the revocation lists, the newest by serial.
     */
    public void applyCredentials(List<ReceivedCredential> credentials, List<SignedRevocations> revocations,
            Instant at, String cursor) {
        work.inTransaction(() -> {
            SyncDownRows.saveCredentials(connection, credentials, at);
            for (SignedRevocations list : revocations) {
                SyncDownRows.saveRevocations(connection, list, at);
            }
            SyncDownRows.saveCursor(connection, DownStream.CREDENTIALS, cursor, at);
            return null;
        });
    }

    /** Keeps {@code list} if its serial is higher than that of the list held; returns whether it was kept. */
    public boolean applyRevocationList(SignedRevocations list, Instant at) {
        return work.inTransaction(() -> SyncDownRows.saveRevocations(connection, list, at));
    }

    /** The newest revocation list received, if any. */
    public Optional<SignedRevocations> revocationList() {
        return work.query(() -> SyncDownRows.revocations(connection));
    }

    /** The tariff versions received, by effective time, then version id. */
    public List<TariffVersion> tariffVersions() {
        return work.query(() -> SyncDownRows.tariffs(connection));
    }

    /** The firmware release records received, by product, then publication time. */
    public List<FirmwareRelease> firmwareReleases() {
        return work.query(() -> SyncDownRows.releases(connection));
    }

    /** The credentials received, by technician id. */
    public List<ReceivedCredential> credentials() {
        return work.query(() -> SyncDownRows.credentials(connection));
    }

    /** The values overwritten by merges, oldest first. */
    public List<FieldReview> reviews() {
        return work.query(() -> SyncDownRows.reviews(connection));
    }

    /** The reference fields held of {@code customerId}, by field name. */
    public List<CustomerField> customerFields(String customerId) {
        return work.query(() -> SyncDownRows.fields(connection, customerId));
    }

    /**
     * Sets a customer's field on this console at {@code hlc} (a reading later than any this console made), with its
     * outbox row, in one transaction.
     */
    public void editCustomerField(String customerId, String field, String value, Hlc hlc) {
        work.inTransaction(() -> {
            SyncDownRows.editField(connection, customerId, field, value, hlc);
            return null;
        });
    }

    /** The latest HLC of any field held, to make the next local reading after, empty when none is held. */
    public Optional<Hlc> latestHlc() {
        return work.query(() -> SyncDownRows.latestHlc(connection));
    }

    /**
     * Puts an item on the needs-attention list, or, when the same stream, item and code are on it unresolved,
     * counts one more attempt and keeps the newer message. Returns the row id.
     */
    public long addAttention(String stream, String item, String code, String message, String whatToDo, Instant at) {
        return work.inTransaction(() -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_attention SET message = ?, "
                    + "what_to_do = ?, last_seen_ms = ?, attempts = attempts + 1 WHERE resolved = 0 AND stream = ? "
                    + "AND item = ? AND code = ? RETURNING id")) {
                update.setString(1, message);
                update.setString(2, whatToDo);
                update.setLong(3, at.toEpochMilli());
                update.setString(4, stream);
                update.setString(5, item);
                update.setString(6, code);
                try (ResultSet rows = update.executeQuery()) {
                    if (rows.next()) {
                        return rows.getLong(1);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_attention (stream, item, "
                    + "code, message, what_to_do, first_seen_ms, last_seen_ms, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, "
                    + "1) RETURNING id")) {
                insert.setString(1, stream);
                insert.setString(2, item);
                insert.setString(3, code);
                insert.setString(4, message);
                insert.setString(5, whatToDo);
                insert.setLong(6, at.toEpochMilli());
                insert.setLong(7, at.toEpochMilli());
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** The unresolved needs-attention items, oldest first. */
    public List<Attention> attention() {
        return work.query(() -> {
            List<Attention> items = new ArrayList<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT id, stream, item, code, message, what_to_do, "
                            + "first_seen_ms, last_seen_ms, attempts, resolved FROM sync_attention WHERE resolved = 0 "
                            + "ORDER BY first_seen_ms, id")) {
                while (rows.next()) {
                    items.add(new Attention(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), Instant.ofEpochMilli(rows.getLong(7)),
                            Instant.ofEpochMilli(rows.getLong(8)), rows.getInt(9), rows.getInt(10) != 0));
                }
            }
            return items;
        });
    }

    /** Marks a needs-attention item resolved; returns whether it was there unresolved. */
    public boolean resolveAttention(long id) {
        return work.inTransaction(() -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sync_attention SET resolved = 1 WHERE id = ? AND resolved = 0")) {
                update.setLong(1, id);
                return update.executeUpdate() > 0;
            }
        });
    }

    /** Records a run that ended with everything acknowledged. */
    public void recordSuccess(Instant at) {
        work.inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO sync_state (id, "
                    + "last_success_ms, last_attempt_ms, last_error) VALUES (1, ?, ?, NULL) ON CONFLICT (id) DO UPDATE "
                    + "SET last_success_ms = excluded.last_success_ms, last_attempt_ms = excluded.last_attempt_ms, "
                    + "last_error = NULL")) {
                upsert.setLong(1, at.toEpochMilli());
                upsert.setLong(2, at.toEpochMilli());
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** Records a run that failed, with a message saying why. */
    public void recordFailure(Instant at, String message) {
        work.inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO sync_state (id, "
                    + "last_success_ms, last_attempt_ms, last_error) VALUES (1, NULL, ?, ?) ON CONFLICT (id) DO UPDATE "
                    + "SET last_attempt_ms = excluded.last_attempt_ms, last_error = excluded.last_error")) {
                upsert.setLong(1, at.toEpochMilli());
                upsert.setString(2, message);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** How the last runs went. */
    public SyncState state() {
        return work.query(() -> {
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery(
                            "SELECT last_success_ms, last_attempt_ms, last_error FROM sync_state WHERE id = 1")) {
                if (!rows.next()) {
                    return new SyncState(Optional.empty(), Optional.empty(), Optional.empty());
                }
                return new SyncState(instant(rows, 1), instant(rows, 2), Optional.ofNullable(rows.getString(3)));
            }
        });
    }

    /** The cloud URL and pin kept for the site, empty before they were saved. */
    public Optional<SyncConfig> config() {
        return work.query(() -> {
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT cloud_url, pin FROM sync_config WHERE id = 1")) {
                return rows.next() ? Optional.of(new SyncConfig(rows.getString(1), rows.getString(2)))
                        : Optional.empty();
            }
        });
    }

    /** Keeps the cloud URL and pin of the site. */
    public void saveConfig(String cloudUrl, String pin) {
        if (cloudUrl == null || cloudUrl.isBlank()) {
            throw new IllegalArgumentException("The cloud URL is required.");
        }
        work.inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO sync_config (id, cloud_url, pin) VALUES (1, ?, ?)")) {
                upsert.setString(1, cloudUrl);
                upsert.setString(2, pin);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets the cursor of {@code stream}, so that it is read again from the start (a bounded snapshot). */
    public void clearCursor(DownStream stream) {
        work.inTransaction(() -> {
            SyncDownRows.saveCursor(connection, stream, null, Instant.now());
            return null;
        });
    }

    /**
     * The HLC for this console's next local edit, node {@code node}: after every field held (whoever made it) and
     * at least the wall clock of {@code clock}.
     */
    public Hlc nextHlc(Clock clock, String node) {
        Hlc last = latestHlc().map(h -> new Hlc(h.millis(), h.counter(), node)).orElse(Hlc.zero(node));
        return Hlc.now(clock, last);
    }

    private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
