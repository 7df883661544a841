package io.gridside.site;

/** Whether a meter's relay lets power through to the customer. */
public enum RelayState {
    ON,
    OFF
}
