package io.gridside.site.sync.api;

/**
 * The answer of {@code GET /v1/sites/{site}/batches/{id}}: where an upload stands, so a client resumes it.
 *
 * @param received how many bytes from offset 0 the cloud holds
 * @param size the batch's announced compressed size, or 0 when no chunk has arrived
 * @param committed whether the batch was committed (its items applied)
 */
public record BatchStatus(long received, long size, boolean committed) {
}
