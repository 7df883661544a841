package io.gridside.site.replay;

/** Why a meter's relay stood open at an instant, if it did. */
public enum RelayHold {
    /** The relay was closed: the customer had supply if the meter had power. */
    NONE,
    /** Billing opened it: the customer was out of credit. Not an outage. */
    BILLING,
    /** A technician held it open for maintenance. Not an outage. */
    MAINTENANCE
}
