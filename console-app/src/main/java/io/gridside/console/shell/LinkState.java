package io.gridside.console.shell;

/** Where the console's link to its gateway stands. */
public enum LinkState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED,
    /** The serial link dropped; the console is looking for the same gateway on the serial ports. */
    SEARCHING,
    /** The link dropped without being asked to; the technician can reconnect. */
    LOST
}
