package io.gridside.link.message;

/**
 * The priority class a message travels in. A sender always picks the next frame from the most urgent class
 * that has one waiting, so bulk never holds up a control request for more than the frame already on the wire.
 */
public enum Priority {
    /** Session, liveness and small requests: hello, ping, cancel, errors. */
    CONTROL(0),
    /** Money: the ledger, top-ups, relay decisions, the roster and meter status. */
    BILLING(1),
    /** Events from the gateway and the meters. */
    EVENTS(2),
    /** Backlogs of readings and firmware images. */
    BULK(3);

    private final int channel;

    Priority(int channel) {
        this.channel = channel;
    }

    /** The channel number this class has on the wire. */
    public int channel() {
        return channel;
    }
}
