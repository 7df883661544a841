package io.gridside.console.service.sync;

import io.gridside.site.sync.UpStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one run has done so far, told to the progress listener as it goes and summed up at the end. */
final class SyncRun {

    private final SyncProgress progress;
    private final Map<UpStream, long[]> up = new EnumMap<>(UpStream.class);
    private final Map<String, Integer> down = new LinkedHashMap<>();
    private final List<String> rewound = new ArrayList<>();
    private final List<String> resynced = new ArrayList<>();
    private final List<String> attention = new ArrayList<>();
    private final Set<UpStream> stalled = EnumSet.noneOf(UpStream.class);
    private long bytesSent;
    private int topUpsQueued;
    private int fieldsTaken;
    private long ledgerReplacedFrom;

    SyncRun(SyncProgress progress) {
        this.progress = progress;
    }

    void progress(UpStream stream, String message) {
        long[] counts = counts(stream);
        progress.update(new SyncProgress.Update(stream.wireName(), message, counts[0], -1, bytesSent));
    }

    void progress(String stream, String message, long done) {
        progress.update(new SyncProgress.Update(stream, message, done, -1, bytesSent));
    }

    /** Notes a chunk of {@code stream} the cloud took. */
    void sent(UpStream stream, int bytes) {
        bytesSent += bytes;
        counts(stream)[2] += bytes;
        progress.update(new SyncProgress.Update(null, "sent " + bytesSent + " bytes", -1, -1, bytesSent));
    }

    long bytesSent() {
        return bytesSent;
    }

    void committed(UpStream stream, UpBatch batch) {
        long[] counts = counts(stream);
        counts[0] += batch.items();
        counts[1]++;
        progress.update(new SyncProgress.Update(stream.wireName(), "acknowledged up to " + batch.last(), counts[0],
                -1, bytesSent));
    }

    void rewound(UpStream stream) {
        if (!rewound.contains(stream.wireName())) {
            rewound.add(stream.wireName());
        }
    }

    void ledgerReplacedFrom(long seq) {
        ledgerReplacedFrom = seq;
    }

    void resynced(String stream) {
        resynced.add(stream);
    }

    void applied(String stream, int items) {
        down.merge(stream, items, Integer::sum);
    }

    void topUpsQueued(int count) {
        topUpsQueued += count;
    }

    void fieldsTaken(int count) {
        fieldsTaken += count;
    }

    /** Notes an item put on the needs-attention list under {@code id}, with a line for the run's report. */
    void attention(long id, String line) {
        attention.add(line);
    }

    /** Notes that {@code stream} stopped for this run on a batch put on the needs-attention list. */
    void stalled(UpStream stream) {
        stalled.add(stream);
    }

    boolean isStalled(UpStream stream) {
        return stalled.contains(stream);
    }

    boolean anyAttention() {
        return !attention.isEmpty();
    }

    private long[] counts(UpStream stream) {
        return up.computeIfAbsent(stream, s -> new long[3]);
    }

    /** The run's report, with each up stream's checkpoint and what still waits after it. */
    SyncResult result(String epoch, Map<UpStream, long[]> ends, boolean complete, java.time.Instant at) {
        Map<String, SyncResult.Up> streams = new LinkedHashMap<>();
        for (UpStream stream : UpStream.values()) {
            long[] counts = up.getOrDefault(stream, new long[3]);
            long[] end = ends.get(stream);
            streams.put(stream.wireName(), new SyncResult.Up(counts[0], (int) counts[1], counts[2], end[0], end[1]));
        }
        return new SyncResult(epoch, streams, down, topUpsQueued, fieldsTaken, rewound, ledgerReplacedFrom,
                resynced, attention, complete, at);
    }
}
