package io.gridside.sim.firmware;

/** The steps of a gateway install at which a test or a training scenario may cut the gateway's power. */
public enum InstallStep {
    /** Half way through writing the image to the inactive slot. */
    WRITING_SLOT,
    /** Once the slot is written and checked and the trial boot is marked, before the gateway reboots into it. */
    TRIAL_MARKED,
    /** On the trial boot, after the first health check and before the second. */
    HEALTH_CHECKS,
    /** Once the new image is confirmed. */
    CONFIRMED
}
