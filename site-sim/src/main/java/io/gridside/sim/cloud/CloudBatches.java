package io.gridside.sim.cloud;

import io.gridside.site.sync.api.ApiError;
import io.gridside.site.sync.api.BatchDocument;
import io.gridside.site.sync.api.BatchId;
import io.gridside.site.sync.api.BatchStatus;
import io.gridside.site.sync.api.CommitAnswer;
import io.gridside.site.sync.api.SyncErrors;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.SyncStreams;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Batches on their way up: the compressed bytes kept durably by offset as chunks arrive, and the commit that
 * checks them and applies the batch's items in the caller's one transaction.
 */
final class CloudBatches {

    private record Held(long size, String sha256, long received, boolean committed, byte[] answer) {
    }

    private CloudBatches() {
    }

    /** Reads a batch id of a path, or refuses it with 400. */
    static BatchId id(String text) {
        try {
            return BatchId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CloudException(400, SyncErrors.BAD_REQUEST, "'" + text + "' is not a batch id "
                    + "<stream>-<first>-<last>-<16 hex>; build the id as docs/sync.md says.");
        }
    }

    /**
     * Takes the chunk {@code body} at {@code offset} of the batch of {@code size} bytes with SHA-256 {@code sha256}.
     *
     * @return how many bytes from 0 the cloud now holds
     */
    static long put(Connection connection, String site, BatchId id, long offset, long size, String sha256,
            byte[] body) throws SQLException {
        if (size <= 0 || sha256 == null || !sha256.matches("[0-9a-f]{64}") || !sha256.startsWith(id.digest())) {
            throw corrupt("The batch's size " + size + " or SHA-256 " + sha256 + " does not fit its id " + id
                    + "; build the batch again.");
        }
        Held held = held(connection, site, id);
        if (held == null) {
            Sql.update(connection, "INSERT INTO batch (site, id, size, sha256, received, committed)"
                    + " VALUES (?, ?, ?, ?, 0, 0)", site, id.toString(), size, sha256);
            held = new Held(size, sha256, 0, false, null);
        } else if (held.size() != size || !held.sha256().equals(sha256)) {
            throw corrupt("Batch " + id + " was announced with " + held.size() + " bytes and SHA-256 "
                    + held.sha256() + ", not " + size + " and " + sha256 + "; build the batch again.");
        }
        if (held.committed()) {
            return held.received();
        }
        if (offset < 0 || offset > held.received()) {
            throw new CloudException(409, new ApiError(SyncErrors.OFFSET_BEYOND, "The cloud holds " + held.received()
                    + " bytes of batch " + id + "; send from there.", null, held.received()));
        }
        long end = offset + body.length;
        if (end > size) {
            throw corrupt("The chunk at " + offset + " ends at " + end + ", past the batch's " + size + " bytes.");
        }
        if (end <= held.received()) {
            return held.received();
        }
        byte[] fresh = Arrays.copyOfRange(body, (int) (held.received() - offset), body.length);
        Sql.update(connection, "INSERT INTO batch_chunk (site, id, offset, bytes) VALUES (?, ?, ?, ?)", site,
                id.toString(), held.received(), fresh);
        Sql.update(connection, "UPDATE batch SET received = ? WHERE site = ? AND id = ?", end, site, id.toString());
        return end;
    }

    /** Where the upload of a batch stands. */
    static BatchStatus status(Connection connection, String site, BatchId id) throws SQLException {
        Held held = held(connection, site, id);
        return held == null ? new BatchStatus(0, 0, false)
                : new BatchStatus(held.received(), held.size(), held.committed());
    }

    /**
     * Checks the whole batch, applies its items and raises its stream's watermark.
     *
     * @throws CloudException 409 {@code batch_incomplete} or {@code gap}, 422 {@code batch_corrupt}, or the ledger's
     */
    static CommitAnswer commit(Connection connection, String site, BatchId id) throws SQLException {
        Held held = held(connection, site, id);
        if (held != null && held.committed() && held.answer() != null) {
            return SyncJson.read(held.answer(), CommitAnswer.class);
        }
        if (held == null || held.received() < held.size()) {
            long received = held == null ? 0 : held.received();
            throw new CloudException(409, new ApiError(SyncErrors.BATCH_INCOMPLETE, "The cloud holds " + received
                    + " bytes of batch " + id + ", not all of them; send the rest, then commit.", null, received));
        }
        BatchDocument batch = document(id, bytes(connection, site, id), held.sha256());
        long watermark = CloudItems.watermark(connection, site, batch.stream());
        if (batch.first() > watermark + 1) {
            throw new CloudException(409, new ApiError(SyncErrors.GAP, "The cloud holds " + batch.stream()
                    + " up to " + watermark + " only; send from " + (watermark + 1) + ".", watermark, null));
        }
        List<CommitAnswer.Rejected> rejected = List.of();
        long from = watermark;
        if (SyncStreams.LEDGER.equals(batch.stream())) {
            CloudLedger.apply(connection, site, batch);
            if (batch.replaceFrom() != null) {
                from = Math.min(watermark, batch.replaceFrom() - 1);
            }
        } else {
            rejected = CloudItems.apply(connection, site, batch);
        }
        long raised = CloudItems.raiseWatermark(connection, site, batch.stream(), from);
        CommitAnswer answer = new CommitAnswer(batch.stream(), raised, rejected);
        Sql.update(connection, "UPDATE batch SET committed = 1, answer = ? WHERE site = ? AND id = ?",
                SyncJson.write(answer), site, id.toString());
        Sql.update(connection, "DELETE FROM batch_chunk WHERE site = ? AND id = ?", site, id.toString());
        return answer;
    }

    /** Forgets a batch's bytes, so that a corrupt upload starts again from 0. */
    static void forget(Connection connection, String site, BatchId id) throws SQLException {
        Sql.update(connection, "DELETE FROM batch_chunk WHERE site = ? AND id = ?", site, id.toString());
        Sql.update(connection, "DELETE FROM batch WHERE site = ? AND id = ? AND committed = 0", site, id.toString());
    }

    private static BatchDocument document(BatchId id, byte[] compressed, String sha256) {
        if (!BatchId.sha256Hex(compressed).equals(sha256)) {
            throw corrupt("The bytes of batch " + id + " do not have the SHA-256 announced; upload it again.");
        }
        BatchDocument batch;
        try {
            batch = SyncJson.read(SyncJson.decompress(compressed), BatchDocument.class);
        } catch (IllegalArgumentException e) {
            throw corrupt("Batch " + id + " is not an xz- or gzip-compressed batch document (" + e.getMessage() + ").");
        }
        if (!id.stream().equals(batch.stream()) || id.first() != batch.first() || id.last() != batch.last()) {
            throw corrupt("Batch " + id + " holds " + batch.stream() + " " + batch.first() + " to " + batch.last()
                    + ", which its id does not name.");
        }
        if (!SyncStreams.UP.contains(batch.stream())) {
            throw corrupt("'" + batch.stream() + "' is not an up stream.");
        }
        return batch;
    }

    private static byte[] bytes(Connection connection, String site, BatchId id) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk : Sql.list(connection, row -> row.getBytes(1),
                "SELECT bytes FROM batch_chunk WHERE site = ? AND id = ? ORDER BY offset", site, id.toString())) {
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    private static Held held(Connection connection, String site, BatchId id) throws SQLException {
        List<Held> rows = Sql.list(connection, row -> new Held(row.getLong(1), row.getString(2), row.getLong(3),
                row.getInt(4) == 1, row.getBytes(5)),
                "SELECT size, sha256, received, committed, answer FROM batch WHERE site = ? AND id = ?", site,
                id.toString());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static CloudException corrupt(String message) {
        return new CloudException(422, SyncErrors.BATCH_CORRUPT, message);
    }
}
