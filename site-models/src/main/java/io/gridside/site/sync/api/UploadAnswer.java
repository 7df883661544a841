package io.gridside.site.sync.api;

/**
 * The answer of a chunk's {@code PUT}: how many bytes of the batch the cloud now holds and, when the PUT asked to
 * commit ({@link SyncHeaders#COMMIT}) and the commit went through, the commit's answer (else null).
 */
public record UploadAnswer(long received, CommitAnswer commit) {

    /** An answer of bytes held, with no commit. */
    public static UploadAnswer held(long received) {
        return new UploadAnswer(received, null);
    }
}
