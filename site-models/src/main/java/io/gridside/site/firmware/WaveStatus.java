package io.gridside.site.firmware;

/** Where one wave of a meter campaign stands. */
public enum WaveStatus {
    /** Waiting for the waves before it. */
    PENDING,
    /** Its meters are being updated. */
    UPDATING,
    /** Its meters have settled and it soaks: their readings must stay normal for the policy's intervals. */
    SOAKING,
    /** It met its rule; the next wave may start. */
    PASSED,
    /** It broke its rule (too many failed, or too few confirmed once all settled); the campaign halted on it. */
    FAILED,
    /** The campaign was aborted before it passed: none of its meters is sent the image any more. */
    ABORTED
}
