package io.gridside.console.sync;

import java.util.List;

/**
 * How a sync run under way stands, stream by stream in the order they are sent.
 *
 * @param running whether a run is under way; false once it ended, was cancelled or failed
 * @param streams each stream the run has reached or will reach
 */
public record SyncProgress(boolean running, List<Stream> streams) {

    /** No run under way. */
    public static final SyncProgress IDLE = new SyncProgress(false, List.of());

    public SyncProgress {
        streams = List.copyOf(streams);
    }

    /**
     * The share of the run's items sent so far, from 0 to 1; -1 while a run has not counted them yet; 1 after a run
     * that went through every stream, 0 before any.
     */
    public double fraction() {
        if (!running) {
            return !streams.isEmpty() && streams.stream().allMatch(Stream::done) ? 1 : 0;
        }
        long total = streams.stream().mapToLong(Stream::itemsTotal).sum();
        if (total <= 0) {
            return -1;
        }
        long sent = streams.stream().mapToLong(Stream::items).sum();
        return Math.min(1.0, (double) sent / total);
    }

    /**
     * One stream of a run.
     *
     * @param name the stream: payments, ledger, events, customers, readings, or a down stream such as tariffs
     * @param up whether it goes to the cloud (true) or comes down from it
     * @param items the items sent or received so far
     * @param itemsTotal the items the run means to send; 0 when not known (a down stream)
     * @param bytes the compressed bytes sent or received so far
     * @param done whether the stream is finished for this run
     */
    public record Stream(String name, boolean up, long items, long itemsTotal, long bytes, boolean done) {
    }
}
