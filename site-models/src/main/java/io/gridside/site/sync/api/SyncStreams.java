package io.gridside.site.sync.api;

import java.util.List;

/** The names of the up and down streams and the order in which up streams are sent. */
public final class SyncStreams {

    /** Up: top-ups, meter credit states and imported payments; priority 0. */
    public static final String PAYMENTS = "payments";
    /** Up: every ledger entry in ledger order; its seq is the ledger seq; priority 1. */
    public static final String LEDGER = "ledger";
    /** Up: the site's event log; priority 2. */
    public static final String EVENTS = "events";
    /** Up: local edits of customer reference fields; priority 2. Down: the cloud's edits of them. */
    public static final String CUSTOMERS = "customers";
    /** Up: reading blocks per meter and UTC day, and topology snapshots; priority 3. */
    public static final String READINGS = "readings";

    /** Down: tariff versions. */
    public static final String TARIFFS = "tariffs";
    /** Down: remote (mobile-money) top-ups. */
    public static final String TOPUPS = "topups";
    /** Down: firmware release records. */
    public static final String FIRMWARE = "firmware";
    /** Down: technician credentials and revocation lists. */
    public static final String CREDENTIALS = "credentials";

    /** The up streams in the order a run sends them (priority, then name). */
    public static final List<String> UP = List.of(PAYMENTS, LEDGER, CUSTOMERS, EVENTS, READINGS);
    /** The down streams in the order a run reads them. */
    public static final List<String> DOWN = List.of(CREDENTIALS, TARIFFS, CUSTOMERS, TOPUPS, FIRMWARE);

    private SyncStreams() {
    }

    /** The priority of an up stream: lower sends first. */
    public static int priority(String upStream) {
        return switch (upStream) {
            case PAYMENTS -> 0;
            case LEDGER -> 1;
            case EVENTS, CUSTOMERS -> 2;
            case READINGS -> 3;
            default -> throw new IllegalArgumentException("'" + upStream + "' is not an up stream");
        };
    }
}
