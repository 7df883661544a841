package io.gridside.site;

/**
 * Where a customer's prepaid credit stands, as the billing engine's credit state machine left it after the
 * customer's last posting.
 *
 * <p>Reconnection is a transition, not a state: a customer whose relay closes again returns to {@link #ACTIVE},
 * {@link #LOW} or {@link #EMERGENCY}, whichever the balance then gives.
 */
public enum CreditState {
    /** Enough credit. */
    ACTIVE,
    /** Credit below the site's low-credit threshold; still connected. */
    LOW,
    /** Credit used up, but the customer draws on capped emergency credit; still connected. */
    EMERGENCY,
    /** Credit (and any emergency credit) used up at night, on a weekend or holiday: connected until grace ends. */
    GRACE,
    /** A customer who is never cut off (a clinic, a school, a water pump) consuming past zero: debt accrues. */
    ARREARS,
    /** Credit used up: the relay is (or is about to be) open. */
    DISCONNECTED
}
