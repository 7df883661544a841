package io.gridside.site.vee;

/** How the energy of a gap was spread over its intervals; every estimate carries one. */
public enum EstimateMethod {
    /** Evenly, as a straight line between the two reads: for short gaps. */
    LINEAR,
    /** In proportion to the customer's own profile by time of day and day type: for long gaps. */
    PROFILE,
    /** Evenly, for a long gap whose customer has no profile that covers it yet. */
    LINEAR_NO_PROFILE,
    /** As a technician set it, overriding the estimate. */
    OVERRIDE
}
