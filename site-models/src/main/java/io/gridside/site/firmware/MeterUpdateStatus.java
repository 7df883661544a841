package io.gridside.site.firmware;

/** Where one meter of a campaign stands. */
public enum MeterUpdateStatus {
    /** Its wave has not reached it yet. */
    PENDING,
    /** The gateway is sending it the image over the mesh. */
    TRANSFERRING,
    /** It has the image and is rebooting into it; it confirms once it rejoins the mesh and reads normally. */
    INSTALLING,
    /** It runs the new image, rejoined the mesh and reads normally. */
    CONFIRMED,
    /** It had no route when its turn came; the gateway tries again while its wave runs. */
    UNREACHABLE,
    /** It could not take the image just then (no supply, or busy); the gateway tries again later. */
    DEFERRED,
    /** Its attempts are spent or it did not rejoin after its reboot: set aside, counted against its wave. */
    FAILED,
    /** The campaign was aborted before it reached the meter; it runs what it ran. */
    NOT_UPDATED;

    /** Whether the meter's part in the campaign is over. */
    public boolean settled() {
        return this == CONFIRMED || this == FAILED || this == NOT_UPDATED;
    }
}
