package io.gridside.console.service.sync;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one sync run did.
 *
 * @param epoch the cloud's epoch, as the handshake told it
 * @param up per up stream (wire name), what went up
 * @param down per down stream (wire name), how many items were applied
 * @param topUpsQueued remote top-ups newly queued for the gateway
 * @param fieldsTaken customer field values taken from the cloud
 * @param rewound up streams whose checkpoint went back to the cloud's watermark (the cloud was restored)
 * @param ledgerReplacedFrom the ledger seq from which the cloud's diverging chain was replaced, or 0
 * @param resynced down streams read again from their start because the cloud no longer knew their cursor
 * @param attention what this run put on the needs-attention list, one sentence each
 * @param complete whether everything waiting was acknowledged and every down stream read to its end
 * @param finishedAt when the run ended
 */
public record SyncResult(String epoch, Map<String, Up> up, Map<String, Integer> down, int topUpsQueued,
        int fieldsTaken, List<String> rewound, long ledgerReplacedFrom, List<String> resynced, List<String> attention,
        boolean complete, Instant finishedAt) {

    public SyncResult {
        up = Collections.unmodifiableMap(new LinkedHashMap<>(up));
        down = Collections.unmodifiableMap(new LinkedHashMap<>(down));
        rewound = List.copyOf(rewound);
        resynced = List.copyOf(resynced);
        attention = List.copyOf(attention);
    }

    /**
     * One up stream in a run.
     *
     * @param itemsSent items sent in committed batches
     * @param batches batches committed
     * @param bytesSent compressed bytes of the chunks the cloud took in this run (a resumed batch counts only what
     *     went in this run, a chunk sent again counts again)
     * @param checkpoint the checkpoint at the end of the run
     * @param waiting outbox rows still after the checkpoint
     */
    public record Up(long itemsSent, int batches, long bytesSent, long checkpoint, long waiting) {
    }

    /** Items sent up in this run, all streams together. */
    public long itemsSent() {
        return up.values().stream().mapToLong(Up::itemsSent).sum();
    }

    /** Compressed bytes sent up in this run. */
    public long bytesSent() {
        return up.values().stream().mapToLong(Up::bytesSent).sum();
    }
}
