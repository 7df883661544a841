package io.gridside.site.vee;

/** What a technician decided of a read in the exceptions queue. */
public enum ExceptionOutcome {
    /** The read stands as it came. */
    ACCEPTED,
    /** The technician gave the register that stands for the meter and time instead. */
    OVERRIDDEN
}
