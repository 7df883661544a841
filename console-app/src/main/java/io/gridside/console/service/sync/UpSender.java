package io.gridside.console.service.sync;

import io.gridside.site.store.SiteStore;
import io.gridside.site.store.SyncRows;
import io.gridside.site.sync.LedgerDay;
import io.gridside.site.sync.UpItem;
import io.gridside.site.sync.UpStream;
import io.gridside.site.sync.api.BatchStatus;
import io.gridside.site.sync.api.CommitAnswer;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.UploadAnswer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one up stream: batches of the outbox rows after the checkpoint, each in chunks resumed from what the cloud
 * holds, committed, and only then the checkpoint moved to the watermark the cloud answered. A batch the cloud
 * refuses, or that keeps failing, goes on the needs-attention list and ends the stream for this run; the other
 * streams go on. A lost connection ends the run.
 */
final class UpSender {

    /** The size of a chunk. */
    static final int CHUNK = 64 * 1024;
    /**
     * A batch up to this size goes in one PUT: a chunk waits for its answer before the next goes, a round trip that
     * leaves a slow link idle. A connection cut in the middle loses that PUT's bytes; the next try resumes from what
     * the cloud holds. KNOWN SHORTCOMING: no second chunk is kept in flight for a larger batch.
     */
    static final int WHOLE = 512 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(UpSender.class);
    /** More batches than this in one stream and run means the cloud's watermark does not move: stop. */
    private static final int MAX_ROUNDS = 100_000;

    private final SiteStore store;
    private final SyncRows rows;
    private final CloudClient client;
    private final Attempts attempts;
    private final Clock clock;
    private final SyncRun run;

    private final int chunkBytes;
    /** For the ledger, the seq from which the next batch asks the cloud to replace its chain, else null. */
    private Long replacing;
    /** Whether the next batch asks the cloud what it holds of it before sending. */
    private boolean resumeFirst;

    /**
     * A sender of one run's batches.
     *
     * @param chunkBytes the size of a chunk, or 0 for a batch of up to {@value #WHOLE} bytes in one PUT and
     *     larger ones in chunks of {@value #CHUNK}
     */
    UpSender(SiteStore store, CloudClient client, Attempts attempts, Clock clock, SyncRun run, int chunkBytes) {
        this.chunkBytes = chunkBytes;
        this.store = store;
        this.rows = store.sync();
        this.client = client;
        this.attempts = attempts;
        this.clock = clock;
        this.run = run;
    }

    /**
     * Sends what waits in {@code stream}.
     *
     * @param replaceFrom for the ledger, the seq from which the cloud must replace its chain, else null
     * @throws CloudException when the connection failed {@value Attempts#MAX} times, or the cloud refused the session
     */
    void send(UpStream stream, Long replaceFrom) throws CloudException {
        replacing = replaceFrom;
        resumeFirst = true;
        ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sync-batch-builder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            send(stream, builder);
        } finally {
            builder.shutdownNow();
        }
    }

    /**
     * Sends the stream's batches; while one uploads and commits, {@code builder} builds the one after it from the
     * rows after its last, taken when the cloud's answer moves the checkpoint there (else built again).
     */
    private void send(UpStream stream, ExecutorService builder) throws CloudException {
        Future<Optional<UpBatch>> next = null;
        long nextAfter = -1;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long checkpoint = rows.checkpoint(stream);
            Optional<UpBatch> built = next != null && nextAfter == checkpoint && replacing == null ? built(next)
                    : null;
            if (next != null) {
                next.cancel(false);
                next = null;
            }
            if (built == null) {
                built = build(stream, checkpoint, replacing);
            }
            if (built.isEmpty()) {
                return;
            }
            UpBatch batch = built.get();
            nextAfter = batch.last();
            next = builder.submit(() -> build(stream, batch.last(), null));
            run.progress(stream, "sending " + batch.items() + " items (" + batch.size() + " bytes)");
            CommitAnswer answer;
            try {
                answer = upload(batch, resumeFirst);
            } catch (CloudException e) {
                if (sendsAgainAfter(stream, batch, checkpoint, e)) {
                    continue;
                }
                return;
            }
            resumeFirst = false;
            replacing = null;
            if (!acknowledged(stream, batch, answer, checkpoint)) {
                return;
            }
        }
    }

    /** The batch of the rows after {@code checkpoint}, or empty when none waits. */
    private Optional<UpBatch> build(UpStream stream, long checkpoint, Long replaceFrom) {
        List<UpItem> pending = rows.pending(stream, checkpoint, UpBatch.readLimit(stream));
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        byte[] prevHash = stream == UpStream.LEDGER ? store.ledgerHash(pending.get(0).seq() - 1).orElse(null)
                : null;
        return Optional.of(UpBatch.of(stream, pending, prevHash, replaceFrom));
    }

    /** What the builder made, or null when it failed or was interrupted: the batch is then built here. */
    private static Optional<UpBatch> built(Future<Optional<UpBatch>> next) {
        try {
            return next.get();
        } catch (ExecutionException | CancellationException e) {
            LOG.debug("The next batch was not built ahead; building it now.", e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Decides what a failed batch leads to: true when the stream is sent again from a checkpoint moved back (a gap,
     * or a ledger replacement refused at that day), false when the batch went on the needs-attention list.
     *
     * @throws CloudException when the run must end: the session was refused, or no connection held
     */
    private boolean sendsAgainAfter(UpStream stream, UpBatch batch, long checkpoint, CloudException e)
            throws CloudException {
        if (e.kind() == CloudException.Kind.GAP && e.watermark() >= 0 && e.watermark() < checkpoint) {
            LOG.info("The cloud holds {} only up to {}; resending from there.", stream, e.watermark());
            rows.setCheckpoint(stream, e.watermark());
            run.rewound(stream);
            resumeFirst = true;
            return true;
        }
        if (SyncErrors.REPLACE_REFUSED.equals(e.code()) && replacing != null && replacing > 1) {
            replacing = dayBefore(replacing);
            LOG.info("The cloud refused to replace its ledger there; replacing it from seq {}.", replacing);
            rows.setCheckpoint(stream, replacing - 1);
            run.ledgerReplacedFrom(replacing);
            resumeFirst = true;
            return true;
        }
        if (e.kind() == CloudException.Kind.SESSION_REFUSED || e.status() == 0) {
            throw e;
        }
        attention(stream, batch, e);
        return false;
    }

    /**
     * Takes the commit's answer: rejected items on the needs-attention list, the checkpoint to the watermark.
     * Returns whether the stream may go on, which it may not when the watermark did not move.
     */
    private boolean acknowledged(UpStream stream, UpBatch batch, CommitAnswer answer, long checkpoint) {
        for (CommitAnswer.Rejected rejected : answer.rejected()) {
            run.attention(rows.addAttention(stream.wireName(), "seq " + rejected.seq(), rejected.error(),
                    rejected.message(), "Check this item in the site's data; sync sends the rest without it.",
                    clock.instant()), stream.wireName() + " seq " + rejected.seq() + ": " + rejected.message());
        }
        long watermark = Math.min(answer.watermark(), rows.lastSeq(stream));
        rows.setCheckpoint(stream, watermark);
        run.committed(stream, batch);
        if (watermark > checkpoint) {
            return true;
        }
        attention(stream, batch, new CloudException(CloudException.Kind.REFUSED, 200, "watermark_stuck",
                "The cloud took batch " + batch.id() + " but its watermark stayed at " + answer.watermark() + ".",
                null, -1, -1, null));
        return false;
    }

    /** The first seq of the UTC day before the one holding {@code seq}, or 1. */
    private long dayBefore(long seq) {
        long previous = 1;
        for (LedgerDay day : rows.ledgerDays()) {
            if (day.lastSeq() >= seq) {
                break;
            }
            previous = day.firstSeq();
        }
        return previous < seq ? previous : 1;
    }

    /** Uploads {@code batch}, resuming from what the cloud holds, and commits it, retrying what may be retried. */
    private CommitAnswer upload(UpBatch batch, boolean askFirst) throws CloudException {
        boolean ask = askFirst;
        int failures = 0;
        while (true) {
            attempts.checkCancel();
            long sentBefore = run.bytesSent();
            try {
                long offset = 0;
                if (ask) {
                    BatchStatus status = client.batch(batch.id());
                    if (status.committed()) {
                        return client.commit(batch.id());
                    }
                    offset = status.size() == batch.size() ? status.received() : 0;
                }
                CommitAnswer inline = sendChunks(batch, offset);
                return inline != null ? inline : commit(batch);
            } catch (CloudException e) {
                if (SyncErrors.BATCH_CORRUPT.equals(e.code()) && ++failures < Attempts.MAX) {
                    // The cloud forgot the bytes it found corrupt: upload them again from the start.
                    ask = true;
                    continue;
                }
                if (run.bytesSent() > sentBefore) {
                    failures = 0;
                }
                if (e.kind() != CloudException.Kind.RETRYABLE || ++failures >= Attempts.MAX) {
                    throw e;
                }
                attempts.waitAfter("Sending batch " + batch.id(), e, failures);
                ask = true;
            }
        }
    }

    /**
     * Sends the chunks from {@code from} to the end, the last asking the cloud to commit the batch with it; a chunk
     * the cloud holds already is skipped as it says. Answers the commit's answer when the cloud committed inline,
     * else null.
     */
    private CommitAnswer sendChunks(UpBatch batch, long from) throws CloudException {
        long offset = from;
        CommitAnswer committed = null;
        while (offset < batch.size()) {
            attempts.checkCancel();
            int length = chunkBytes > 0 ? chunkBytes : batch.size() <= WHOLE ? (int) batch.size() : CHUNK;
            byte[] chunk = batch.chunk(offset, length);
            long received;
            try {
                UploadAnswer answer = client.putChunk(batch.id(), offset, chunk, batch.size(), batch.sha256(),
                        offset + chunk.length >= batch.size());
                received = answer.received();
                committed = answer.commit();
                run.sent(batch.stream(), chunk.length);
            } catch (CloudException e) {
                if (!SyncErrors.OFFSET_BEYOND.equals(e.code()) || e.received() < 0) {
                    throw e;
                }
                received = e.received();
            }
            if (received <= offset && received < batch.size()) {
                throw new CloudException(CloudException.Kind.RETRYABLE, 200, "no_progress", "The cloud took "
                        + "none of the chunk at " + offset + " of batch " + batch.id() + ".", null, -1, received, null);
            }
            offset = Math.min(received, batch.size());
        }
        return committed;
    }

    private CommitAnswer commit(UpBatch batch) throws CloudException {
        try {
            return client.commit(batch.id());
        } catch (CloudException e) {
            if (SyncErrors.BATCH_INCOMPLETE.equals(e.code())) {
                // The cloud lost part of the bytes (a restore): the next try asks what it holds and sends the rest.
                throw new CloudException(CloudException.Kind.RETRYABLE, e.status(), e.code(), e.getMessage(), null,
                        -1, e.received(), e);
            }
            throw e;
        }
    }

    private void attention(UpStream stream, UpBatch batch, CloudException e) {
        run.stalled(stream);
        String whatToDo = e.kind() == CloudException.Kind.RETRYABLE
                ? "The cloud keeps failing on this batch; sync tries it again at its next run. If it stays here, "
                        + "send the log to support."
                : "The cloud refused this batch; the stream waits behind it. Send the log to support.";
        run.attention(rows.addAttention(stream.wireName(), batch.id().toString(), e.code(), e.getMessage(),
                whatToDo, clock.instant()), stream.wireName() + " batch " + batch.id() + ": " + e.getMessage());
    }
}
