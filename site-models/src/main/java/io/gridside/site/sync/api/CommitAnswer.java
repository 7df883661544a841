package io.gridside.site.sync.api;

import java.util.List;

/**
 * The answer of {@code POST /v1/sites/{site}/batches/{id}/commit}.
 *
 * @param watermark the stream's highest contiguous seq the cloud now holds; the console's checkpoint follows it
 * @param rejected the items the cloud could not take; they do not hold the stream back
 */
public record CommitAnswer(String stream, long watermark, List<Rejected> rejected) {

    public CommitAnswer {
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** One item the cloud did not take, with a code of {@link SyncErrors} and a sentence saying what to do. */
    public record Rejected(long seq, String error, String message) {
    }
}
