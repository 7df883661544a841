package io.gridside.console.service.sync;

/** Receives how far a sync run has got, from the thread that runs it. */
@FunctionalInterface
public interface SyncProgress {

    SyncProgress NONE = update -> { };

    /**
     * Where a run stands.
     *
     * @param stream the stream at work, or null for the handshake
     * @param message what is happening, for the technician
     * @param itemsDone items of the stream acknowledged (up) or applied (down) in this run
     * @param itemsWaiting items of the stream still to send (up), or -1 when unknown (down)
     * @param bytesSent compressed bytes sent in this run, all streams together
     */
    record Update(String stream, String message, long itemsDone, long itemsWaiting, long bytesSent) {
    }

    void update(Update update);
}
