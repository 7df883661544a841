package io.gridside.console.sync;

import io.gridside.console.service.sync.SyncStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the schedule's reports of a run (the stream at work, its items done and waiting, the bytes of the whole
 * run) into the rows of a run's streams: every up stream that had something waiting when the run began, each with
 * its own bytes, done once the run moved past it.
 */
final class RunSteps {

    private static final Set<String> UP = Set.of("payments", "ledger", "events", "customers", "readings");

    private final Map<String, SyncProgress.Stream> streams = new LinkedHashMap<>();
    private boolean running;
    private String current;
    private long bytesBeforeCurrent;

    /** The run as it stands after {@code status}. */
    SyncProgress next(SyncStatus status) {
        if (status.running() && !running) {
            begin(status);
        }
        running = status.running();
        status.progress().ifPresent(this::step);
        if (!running) {
            finishAll();
        }
        return new SyncProgress(running, List.copyOf(streams.values()));
    }

    void clear() {
        streams.clear();
        running = false;
        current = null;
        bytesBeforeCurrent = 0;
    }

    private void begin(SyncStatus status) {
        clear();
        status.waitingByStream().forEach((name, waiting) -> {
            if (waiting > 0) {
                streams.put(name, new SyncProgress.Stream(name, true, 0, waiting, 0, false));
            }
        });
        sortUpStreams();
    }

    /**
     * Takes one report: a stream's step (its items so far) or a chunk sent (the run's bytes, which belong to the
     * stream at work). A stream keeps the total it had waiting when the run began, since steps do not repeat it.
     */
    private void step(io.gridside.console.service.sync.SyncProgress.Update update) {
        String name = update.stream() != null ? update.stream() : current;
        if (name == null) {
            return;
        }
        if (!name.equals(current)) {
            finishCurrent(update.bytesSent());
            current = name;
        }
        SyncProgress.Stream held = streams.get(name);
        boolean up = UP.contains(name);
        long items = update.stream() != null && update.itemsDone() >= 0 ? update.itemsDone()
                : held == null ? 0 : held.items();
        long total = held != null ? held.itemsTotal() : 0;
        if (up && update.itemsWaiting() >= 0) {
            total = items + update.itemsWaiting();
        }
        streams.put(name, new SyncProgress.Stream(name, up, items, total,
                Math.max(0, update.bytesSent() - bytesBeforeCurrent), false));
    }

    private void finishCurrent(long bytesSent) {
        if (current != null && streams.containsKey(current)) {
            streams.put(current, done(streams.get(current)));
        }
        bytesBeforeCurrent = bytesSent;
    }

    private void finishAll() {
        streams.replaceAll((name, stream) -> done(stream));
        current = null;
    }

    private static SyncProgress.Stream done(SyncProgress.Stream stream) {
        return new SyncProgress.Stream(stream.name(), stream.up(), stream.items(), stream.itemsTotal(),
                stream.bytes(), true);
    }

    /** Keeps the up streams in the order they are sent. */
    private void sortUpStreams() {
        List<String> order = List.of("payments", "ledger", "events", "customers", "readings");
        List<Map.Entry<String, SyncProgress.Stream>> sorted = new ArrayList<>(streams.entrySet());
        sorted.sort((a, b) -> Integer.compare(order.indexOf(a.getKey()), order.indexOf(b.getKey())));
        streams.clear();
        sorted.forEach(entry -> streams.put(entry.getKey(), entry.getValue()));
    }
}
