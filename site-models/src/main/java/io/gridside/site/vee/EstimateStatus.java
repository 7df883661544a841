package io.gridside.site.vee;

/** Where a gap's estimate stands with the technicians. */
public enum EstimateStatus {
    /** Computed, not looked at yet. */
    ESTIMATED,
    /** A technician accepted it as computed. */
    ACCEPTED,
    /** A technician replaced its values. */
    OVERRIDDEN
}
