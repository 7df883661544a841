package io.gridside.console.shell;

/** Where the console's link to its gateway stands. */
public enum LinkState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED,
    /** The link dropped without being asked to; the technician can reconnect. */
    LOST
}
