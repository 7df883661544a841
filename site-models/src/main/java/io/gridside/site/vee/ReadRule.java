package io.gridside.site.vee;

/** The rule a raw read broke, which sent it to the exceptions queue instead of into billing. */
public enum ReadRule {
    /** Another read of the same meter and time with another register is held already. */
    CONFLICTING_READ,
    /** The register is below the one before it. */
    REGISTER_BACKWARDS,
    /** The register rose more than the meter's rating lets it in the time since the read before. */
    IMPOSSIBLE_JUMP,
    /** The meter's clock put the read too far from the quarter hour it reads on. */
    CLOCK_SKEW,
    /** The read is later than the gateway's clock. */
    FUTURE_READ
}
