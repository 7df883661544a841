package io.gridside.site.sync;

import java.util.Locale;

/**
 * A stream of rows the console sends up to the cloud, each with its own dense sequence in the sync outbox. A lower
 * priority is sent first; a batch holds rows of one stream only. Declared in the order they are sent.
 */
public enum UpStream {
    /** Top-ups of the ledger, meter credit states and queued payments with their state. */
    PAYMENTS(0),
    /** Every ledger entry; the stream's sequence is the ledger's own. */
    LEDGER(1),
    /** The site's event log. */
    EVENTS(2),
    /** Local edits of customer reference fields. */
    CUSTOMERS(2),
    /** Reading blocks per meter and UTC day, and mesh topology snapshots. */
    READINGS(3);

    private final int priority;

    UpStream(int priority) {
        this.priority = priority;
    }

    /** Lower is sent first. */
    public int priority() {
        return priority;
    }

    /** The name on the wire and in the store, such as {@code "payments"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The stream named {@code wireName} on the wire.
     *
     * @throws IllegalArgumentException for a name no stream has
     */
    public static UpStream fromWire(String wireName) {
        for (UpStream stream : values()) {
            if (stream.wireName().equals(wireName)) {
                return stream;
            }
        }
        throw new IllegalArgumentException("There is no up stream named '" + wireName + "'.");
    }
}
