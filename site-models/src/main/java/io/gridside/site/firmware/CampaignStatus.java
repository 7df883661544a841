package io.gridside.site.firmware;

/** Where a meter campaign stands as a whole. */
public enum CampaignStatus {
    /** The gateway is updating or soaking a wave. */
    RUNNING,
    /** A technician paused it; it waits to be resumed. */
    PAUSED,
    /** It paused itself because a wave failed its rule; its reason says which. It waits to be resumed or aborted. */
    HALTED,
    /** A technician aborted it: meters that confirmed keep the new image, the others keep what they ran. */
    ABORTED,
    /** Every wave passed. */
    COMPLETED;

    public boolean finished() {
        return this == ABORTED || this == COMPLETED;
    }
}
