package io.gridside.console.sync;

import io.gridside.console.service.sync.SyncProgress.Update;
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
    /** The mark of a down stream's row, whose name an up stream may share. */
    private static final String DOWN = "down:";

    private final Map<String, SyncProgress.Stream> streams = new LinkedHashMap<>();
    private boolean running;
    private String current;
    private boolean downPhase;
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
        downPhase = false;
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
    private void step(Update update) {
        String key = update.stream() != null ? keyOf(update.stream()) : current;
        if (key == null) {
            return;
        }
        if (!key.equals(current)) {
            finishCurrent(update.bytesSent());
            current = key;
        }
        SyncProgress.Stream held = streams.get(key);
        String name = key.startsWith(DOWN) ? key.substring(DOWN.length()) : key;
        boolean up = !key.startsWith(DOWN);
        long items = update.stream() != null && update.itemsDone() >= 0 ? update.itemsDone()
                : held == null ? 0 : held.items();
        long total = held != null ? held.itemsTotal() : 0;
        if (up && update.itemsWaiting() >= 0) {
            total = items + update.itemsWaiting();
        }
        streams.put(key, new SyncProgress.Stream(name, up, items, total,
                Math.max(0, update.bytesSent() - bytesBeforeCurrent), false));
    }

    /**
     * The row of the stream {@code name}: customer edits go both ways under one name, so a name comes down once the
     * run reached a stream that only comes down, or came back to an up stream it had finished.
     */
    private String keyOf(String name) {
        SyncProgress.Stream held = streams.get(name);
        if (!UP.contains(name) || held != null && held.done() && !name.equals(current)) {
            downPhase = true;
        }
        return downPhase ? DOWN + name : name;
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
