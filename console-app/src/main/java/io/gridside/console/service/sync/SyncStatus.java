package io.gridside.console.service.sync;

import io.gridside.site.sync.Attention;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the console shows of sync at all times.
 *
 * @param connectivity whether the cloud answered the last attempt
 * @param running whether a run is under way
 * @param waitingByPriority outbox rows after the checkpoints, per priority (0 payments, 1 ledger, 2 events and
 *     customers, 3 readings); every priority is present
 * @param waitingByStream the same per up stream (wire name)
 * @param lastSuccess when a run last ended with everything acknowledged
 * @param lastError the message of the last run that failed, or empty
 * @param nextAttempt when the schedule runs next, or empty when it waits for a person (stopped, or refused)
 * @param attention the needs-attention items, oldest first
 * @param progress the last progress of the run under way, or empty
 */
public record SyncStatus(Connectivity connectivity, boolean running, Map<Integer, Long> waitingByPriority,
        Map<String, Long> waitingByStream, Optional<Instant> lastSuccess, Optional<String> lastError,
        Optional<Instant> nextAttempt, List<Attention> attention, Optional<SyncProgress.Update> progress) {

    /** Whether the cloud answered. */
    public enum Connectivity {
        /** No attempt yet. */
        UNKNOWN,
        /** The cloud answered the last attempt. */
        ONLINE,
        /** The last attempt reached no cloud; the schedule probes again after a back-off. */
        OFFLINE,
        /** The cloud refused this laptop or credential, or its certificate is not the pinned one. */
        REFUSED
    }

    public SyncStatus {
        waitingByPriority = Collections.unmodifiableMap(new TreeMap<>(waitingByPriority));
        waitingByStream = Collections.unmodifiableMap(new LinkedHashMap<>(waitingByStream));
        attention = List.copyOf(attention);
    }

    /** Outbox rows waiting in all. */
    public long waiting() {
        return waitingByStream.values().stream().mapToLong(Long::longValue).sum();
    }
}
