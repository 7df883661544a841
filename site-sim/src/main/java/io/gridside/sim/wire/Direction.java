package io.gridside.sim.wire;

/** Which way bytes cross a wire. */
public enum Direction {
    /** From the console to the gateway: requests. */
    TO_GATEWAY,
    /** From the gateway to the console: answers and streams. */
    TO_CONSOLE
}
