package io.gridside.site;

/** Where a customer's prepaid credit stands. */
public enum CreditState {
    /** Enough credit. */
    ACTIVE,
    /** Credit below the site's low-credit threshold; still connected. */
    LOW,
    /** Credit used up: the relay is (or is about to be) open. */
    DISCONNECTED
}
