package io.gridside.site.sync.api;

/** The answer of a chunk's {@code PUT}: how many bytes of the batch the cloud now holds. */
public record UploadAnswer(long received) {
}
