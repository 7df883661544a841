package io.gridside.sim.firmware;

/**
 * A fault planted in a simulated meter for tests and training, so that a campaign meets what real meters do wrong
 * (see {@link MeterCampaigns#plantFault}).
 *
 * <p>KNOWN SHORTCOMING: a fault acts in the campaign's view of the meter only: a meter that never rejoins still
 * relays and reads on the simulated mesh, and bad readings change no reading that billing sees.
 */
public enum MeterFault {
    /** The meter refuses the image at the end of every transfer: each attempt fails. */
    REJECTS_IMAGE,
    /** The meter takes the image, reboots into it and never rejoins the mesh: it fails to rejoin. */
    NEVER_REJOINS,
    /** The meter takes the image and rejoins, but its readings are abnormal from then on: its wave's soak fails. */
    BAD_READINGS
}
