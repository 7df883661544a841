package io.gridside.console.service.sync;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.CancelSignal;
import io.gridside.site.NotReadyException;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.SyncRows;
import io.gridside.site.sync.DownStream;
import io.gridside.site.sync.LedgerDay;
import io.gridside.site.sync.UpStream;
import io.gridside.site.sync.api.HandshakeAnswer;
import io.gridside.site.sync.api.HandshakeRequest;
import io.gridside.site.sync.api.LedgerDays;
import io.gridside.site.sync.api.SyncHeaders;
import io.gridside.site.sync.api.SyncStreams;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run of a site's store with the cloud: the handshake (which rewinds each up stream to the cloud's
 * watermark when the cloud was restored, and finds the first day where the two ledgers' chains part), then each up
 * stream by priority, then each down stream. Checkpoints move only after the cloud acknowledged; a cancel takes
 * effect between chunks and pages. Runs one at a time per store; {@link SyncSchedule} decides when.
 *
 * <p>KNOWN SHORTCOMING: one laptop per site. The outbox numbers each stream per store, and the cloud keeps a
 * stream's items and watermark per site by those numbers, so a second laptop syncing the same site would send its
 * own rows under seqs the first one used, and the cloud would take them as the same items. The ledger is safe (its
 * seq is the gateway's); the other streams need a seq space per laptop on the cloud, or a natural key in place of
 * the seq, which protocol version 1 does not have.
 */
public final class SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final HexFormat HEX = HexFormat.of();

    private final SiteStore store;
    private final SyncRows rows;
    private final CloudClient client;
    private final Clock clock;
    private final Backoff backoff;
    private final Sleeper sleeper;
    /** The chunk size set by {@link #chunkBytes(int)}, or 0: a batch of up to a whole PUT in one, else 64 KiB. */
    private volatile int chunkBytes;

    public SyncEngine(SiteStore store, CloudClient client, Clock clock, Backoff backoff, Sleeper sleeper) {
        this.store = store;
        this.rows = store.sync();
        this.client = client;
        this.clock = clock;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /**
     * A client for {@code store}'s site, as this laptop and technician.
     *
     * @throws IllegalStateException when the store holds no site yet (it was never pulled from a gateway)
     */
    public static CloudClient client(SiteStore store, URI url, CloudPin pin, SignedCredential credential,
            String laptopId) {
        SiteInfo site = store.site().orElseThrow(() -> new NotReadyException("held.site", "The site database "
                + store.file() + " holds no site yet; connect to its gateway once before syncing it."));
        return new CloudClient(url, pin, new CloudClient.Identity(site.siteId(), store.schemaVersion(), laptopId,
                credential.signed().toByteArray(), credential.signature().toByteArray()));
    }

    /**
     * Sends chunks of {@code bytes} instead of a batch in one PUT (up to {@value UpSender#WHOLE} bytes) or in chunks
     * of 64 KiB: for tests of resuming inside a small batch, and for
     * measuring what the chunk size costs on a slow link (each chunk waits for its answer).
     */
    public void chunkBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("a chunk holds at least one byte, not " + bytes);
        }
        chunkBytes = bytes;
    }

    public CloudClient cloud() {
        return client;
    }

    /**
     * Runs once: everything waiting goes up, everything new comes down.
     *
     * @throws CloudException when the cloud could not be reached ({@link CloudException.Kind#RETRYABLE}) or refused
     *     the session ({@link CloudException.Kind#SESSION_REFUSED}); what was acknowledged before is kept
     * @throws CancellationException when {@code cancel} asked it to stop
     */
    public SyncResult run(SyncProgress progress, CancelSignal cancel) throws CloudException {
        SyncRun run = new SyncRun(progress);
        Attempts attempts = new Attempts(backoff, sleeper, cancel);
        try (UpSender up = new UpSender(store, client, attempts, clock, run, chunkBytes)) {
            // The first batch is built while the handshake's round trips run.
            up.buildAhead(UpStream.values()[0]);
            run.progress(null, "handshake with " + client.url(), 0);
            HandshakeRequest request = handshakeRequest();
            String key = "handshake-" + UUID.randomUUID();
            // A cloud that accepts no connection at all is not asked again at once: the schedule's back-off does.
            HandshakeAnswer answer = attempts.run("The handshake", () -> client.handshake(request, key),
                    e -> CloudException.UNREACHABLE.equals(e.code()));
            if (answer.api() != SyncHeaders.API_VERSION) {
                throw CloudException.sessionRefused("api_unsupported", "The cloud speaks sync API version "
                        + answer.api() + ", this console " + SyncHeaders.API_VERSION + "; update the console.", null);
            }
            rewind(answer, run);
            Long replaceFrom = divergence(answer, attempts, run);
            for (UpStream stream : UpStream.values()) {
                up.send(stream, stream == UpStream.LEDGER ? replaceFrom : null);
            }
            boolean downComplete = readDown(answer, attempts, run);
            // What came down may have queued rows to go up (a remote top-up's payment): they go in this run too.
            for (UpStream stream : UpStream.values()) {
                if (!run.isStalled(stream) && rows.waiting().getOrDefault(stream, 0L) > 0) {
                    up.send(stream, null);
                }
            }
            return finish(answer.epoch(), run, downComplete);
        } catch (CloudException e) {
            LOG.info("The sync of {} ended: {} ({}).", store.file(), e.getMessage(), e.code());
            rows.recordFailure(clock.instant(), e.getMessage());
            throw e;
        } catch (CancellationException e) {
            rows.recordFailure(clock.instant(), e.getMessage());
            throw e;
        }
    }

    private HandshakeRequest handshakeRequest() {
        Map<String, Long> checkpoints = new LinkedHashMap<>();
        for (UpStream stream : UpStream.values()) {
            checkpoints.put(stream.wireName(), rows.checkpoint(stream));
        }
        long lastSeq = store.lastLedgerSeq();
        String hash = lastSeq == 0 ? null : store.ledgerHash(lastSeq).map(HEX::formatHex).orElse(null);
        Map<String, String> down = new LinkedHashMap<>();
        for (DownStream stream : DownStream.values()) {
            rows.cursor(stream).ifPresent(cursor -> down.put(stream.wireName(), cursor));
        }
        return new HandshakeRequest(store.schemaVersion(), checkpoints, new HandshakeRequest.Tip(lastSeq, hash),
                down);
    }

    /**
     * Moves a checkpoint back to the cloud's watermark when the cloud holds less than it acknowledged (it was
     * restored from a backup), so the console sends again from there. A watermark above the checkpoint moves
     * nothing: the outbox's seqs are this store's, and another laptop's rows may stand under them on the cloud;
     * a batch whose commit answer was lost is found committed by its id and answered again, without its bytes.
     */
    private void rewind(HandshakeAnswer answer, SyncRun run) {
        for (UpStream stream : UpStream.values()) {
            long checkpoint = rows.checkpoint(stream);
            long watermark = answer.watermarks().getOrDefault(stream.wireName(), 0L);
            if (watermark < checkpoint) {
                LOG.info("The cloud holds {} up to {} only, below the checkpoint {}: it was restored; sending "
                        + "again from there.", stream.wireName(), watermark, checkpoint);
                rows.setCheckpoint(stream, watermark);
                run.rewound(stream);
            }
        }
    }

    /**
     * When the cloud's chain hash at the handshake's seq is not the console's, the seq from which the ledger is
     * sent again and replaced on the cloud: the first seq of the first UTC day whose last seq or hash differ.
     * Null when the chains agree.
     */
    private Long divergence(HandshakeAnswer answer, Attempts attempts, SyncRun run) throws CloudException {
        HandshakeAnswer.LedgerAt at = answer.ledger();
        if (at == null || at.seq() <= 0) {
            return null;
        }
        String local = store.ledgerHash(at.seq()).map(HEX::formatHex).orElse(null);
        if (local != null && local.equalsIgnoreCase(String.valueOf(at.hash()))) {
            return null;
        }
        LedgerDays theirs = attempts.run("Reading the cloud's ledger days", client::ledgerDays);
        long from = firstDifferingSeq(rows.ledgerDays(), theirs.days(), at.seq());
        long checkpoint = rows.checkpoint(UpStream.LEDGER);
        long replaceFrom = Math.min(from, checkpoint + 1);
        LOG.warn("The cloud's ledger differs from this site's at seq {}; the ledger is sent again from seq {}.",
                at.seq(), replaceFrom);
        rows.setCheckpoint(UpStream.LEDGER, replaceFrom - 1);
        run.ledgerReplacedFrom(replaceFrom);
        return replaceFrom;
    }

    /** The first seq of the first of {@code mine} that {@code theirs} lacks or holds otherwise. */
    static long firstDifferingSeq(List<LedgerDay> mine, List<LedgerDays.Day> theirs, long differingSeq) {
        Map<LocalDate, LedgerDays.Day> byDay = theirs.stream()
                .collect(Collectors.toMap(LedgerDays.Day::day, Function.identity(), (a, b) -> a));
        for (LedgerDay day : mine) {
            LedgerDays.Day other = byDay.get(day.day());
            String hash = day.lastHash() == null ? null : HEX.formatHex(day.lastHash());
            if (other == null || other.firstSeq() != day.firstSeq() || other.lastSeq() != day.lastSeq()
                    || hash == null || !hash.equalsIgnoreCase(String.valueOf(other.hash()))) {
                return day.firstSeq();
            }
        }
        // Every day agrees, yet the hash at the handshake's seq did not: replace from that seq's day.
        return mine.stream().filter(day -> day.firstSeq() <= differingSeq && differingSeq <= day.lastSeq())
                .mapToLong(LedgerDay::firstSeq).findFirst().orElse(1L);
    }

    private boolean readDown(HandshakeAnswer answer, Attempts attempts, SyncRun run) throws CloudException {
        DownReader reader = new DownReader(store, client, attempts, clock, run);
        boolean complete = true;
        for (String name : SyncStreams.DOWN) {
            DownStream stream = DownStream.fromWire(name);
            boolean cursorHeld = rows.cursor(stream).isPresent();
            if (cursorHeld && Boolean.FALSE.equals(answer.down().get(name))) {
                continue;
            }
            complete &= reader.read(stream);
        }
        return complete;
    }

    private SyncResult finish(String epoch, SyncRun run, boolean downComplete) {
        Map<UpStream, long[]> ends = new EnumMap<>(UpStream.class);
        Map<UpStream, Long> waiting = rows.waiting();
        boolean upComplete = true;
        for (UpStream stream : UpStream.values()) {
            long left = waiting.getOrDefault(stream, 0L);
            ends.put(stream, new long[] {rows.checkpoint(stream), left});
            upComplete &= left == 0;
        }
        boolean complete = upComplete && downComplete && !run.anyAttention();
        if (complete) {
            rows.recordSuccess(clock.instant());
        } else {
            rows.recordFailure(clock.instant(), "Some items were not acknowledged; see the needs-attention list.");
        }
        return run.result(epoch, ends, complete, clock.instant());
    }
}
