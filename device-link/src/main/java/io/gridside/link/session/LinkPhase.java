package io.gridside.link.session;

/** Where a link stands with its transport. */
enum LinkPhase {
    /** Frames flow over the bound transport. */
    OPEN,
    /** A console sent a resume over a new transport and waits for the gateway's answer. */
    RESUMING,
    /** The transport broke; no transport is bound. */
    SUSPENDED
}
