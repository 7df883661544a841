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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site store's sync rows: the outbox the triggers fill (decision 0056), the checkpoints the cloud acknowledged,
 * the down streams' cursors and what they brought, and how sync went. Calls are serialised on the store that gives
 * this out ({@link SiteStore#sync}), as its own are, and each write is one transaction.
 */
public final class SyncRows {

    private final Object lock;
    private final Connection connection;
    private final Path file;

    SyncRows(Object lock, Connection connection, Path file) {
        this.lock = lock;
        this.connection = connection;
        this.file = file;
    }

    /** Per up stream, how many outbox rows lie after its checkpoint; every stream is in the map. */
    public Map<UpStream, Long> waiting() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The highest sequence of {@code stream} the cloud acknowledged, 0 before any. */
    public long checkpoint(UpStream stream) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Sets the checkpoint of {@code stream}; it may go down, when the cloud was restored from a backup. */
    public void setCheckpoint(UpStream stream, long seq) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The highest sequence the outbox holds for {@code stream}, 0 when none. */
    public long lastSeq(UpStream stream) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Up to {@code limit} outbox rows of {@code stream} after {@code afterSeq}, in sequence order, read whole. */
    public List<UpItem> pending(UpStream stream, long afterSeq, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The ledger per UTC day, in day order, to compare with the cloud's. */
    public List<LedgerDay> ledgerDays() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The cursor of {@code stream} kept with the last page applied, empty before any (read from the start). */
    public Optional<String> cursor(DownStream stream) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Keeps the tariff versions of a page (by version id) and the stream's new cursor in one transaction. */
    public void applyTariffs(List<TariffVersion> versions, String cursor) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Merges the customer fields of a page and keeps the stream's new cursor in one transaction. An incoming value
     * wins when its HLC is later than the one held, or ties with it; every value that loses, either side, is kept
     * for review. Returns how many values were taken.
     */
    public int applyCustomerFields(List<CustomerField> fields, Instant at, String cursor) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Queues the remote top-ups of a page in the payment outbox (source {@code mobile-money}) and keeps the stream's
     * new cursor in one transaction; a reference already queued or already in the ledger is not queued again.
     * Returns how many were queued.
     */
    public int applyRemoteTopUps(List<RemoteTopUp> topUps, Instant queuedAt, String cursor) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Keeps the firmware release records of a page (by product and version) and the new cursor in one transaction. */
    public void applyFirmwareReleases(List<FirmwareRelease> releases, String cursor) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Keeps a page of the credentials stream in one transaction with its new cursor: the credentials by technician
     * id (the newest received replaces one held) and, of the revocation lists, the newest by serial.
     */
    public void applyCredentials(List<ReceivedCredential> credentials, List<SignedRevocations> revocations,
            Instant at, String cursor) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Keeps {@code list} if its serial is higher than that of the list held; returns whether it was kept. */
    public boolean applyRevocationList(SignedRevocations list, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The newest revocation list received, if any. */
    public Optional<SignedRevocations> revocationList() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The tariff versions received, by effective time, then version id. */
    public List<TariffVersion> tariffVersions() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The firmware release records received, by product, then publication time. */
    public List<FirmwareRelease> firmwareReleases() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The credentials received, by technician id. */
    public List<ReceivedCredential> credentials() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The values overwritten by merges, oldest first. */
    public List<FieldReview> reviews() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The reference fields held of {@code customerId}, by field name. */
    public List<CustomerField> customerFields(String customerId) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sets a customer's field on this console at {@code hlc} (a reading later than any this console made), with its
     * outbox row, in one transaction.
     */
    public void editCustomerField(String customerId, String field, String value, Hlc hlc) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The latest HLC of any field held, to make the next local reading after, empty when none is held. */
    public Optional<Hlc> latestHlc() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Puts an item on the needs-attention list, or, when the same stream, item and code are on it unresolved,
     * counts one more attempt and keeps the newer message. Returns the row id.
     */
    public long addAttention(String stream, String item, String code, String message, String whatToDo, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The unresolved needs-attention items, oldest first. */
    public List<Attention> attention() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Marks a needs-attention item resolved; returns whether it was there unresolved. */
    public boolean resolveAttention(long id) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Records a run that ended with everything acknowledged. */
    public void recordSuccess(Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Records a run that failed, with a message saying why. */
    public void recordFailure(Instant at, String message) {
        throw new UnsupportedOperationException("not yet");
    }

    /** How the last runs went. */
    public SyncState state() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The cloud URL and pin kept for the site, empty before they were saved. */
    public Optional<SyncConfig> config() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Keeps the cloud URL and pin of the site. */
    public void saveConfig(String cloudUrl, String pin) {
        throw new UnsupportedOperationException("not yet");
    }
}
