package io.gridside.console.sync;

import java.util.List;

/** The up streams in the order sync sends them, events and customer edits sharing one priority. */
public enum SyncPriority {

    PAYMENTS(List.of("payments")),
    LEDGER(List.of("ledger")),
    EVENTS(List.of("events", "customers")),
    READINGS(List.of("readings"));

    private final List<String> streams;

    SyncPriority(List<String> streams) {
        this.streams = streams;
    }

    /** The streams sent at this priority. */
    public List<String> streams() {
        return streams;
    }

    /** The rows waiting at this priority in {@code overview}. */
    public long waiting(SyncOverview overview) {
        return streams.stream().mapToLong(overview::waiting).sum();
    }
}
