package io.gridside.sim.mesh;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's queue of messages arriving from meters, served round-robin by meter: each meter with messages
 * waiting gets one served per round, in the order the meters first had something waiting. A meter that floods
 * (a faulty one sending events in a loop) therefore only lengthens its own queue.
 *
 * <p>The bound it gives: a message that reaches the head of its meter's queue is served after at most one
 * message of each other meter with messages waiting, so when {@code n} meters are active it waits at most
 * {@code n - 1} service times once at the head. Each meter's queue is bounded too; past the bound the oldest
 * message of that meter is dropped and counted, never another meter's. Not thread-safe.
 *
 * @param <M> the message type
 */
public final class UpstreamQueue<M> {

    private final int perMeterLimit;
    private final Map<String, ArrayDeque<M>> byMeter = new HashMap<>();
    private final ArrayDeque<String> round = new ArrayDeque<>();
    private final Map<String, Long> dropped = new HashMap<>();
    private int size;
    private long droppedTotal;

    /** A queue that holds at most {@code perMeterLimit} messages of any one meter. */
    public UpstreamQueue(int perMeterLimit) {
        if (perMeterLimit < 1) {
            throw new IllegalArgumentException("perMeterLimit must be positive, was " + perMeterLimit);
        }
        this.perMeterLimit = perMeterLimit;
    }

    /** Queues a message from {@code meterId}; a full meter queue drops its own oldest message. */
    public void offer(String meterId, M message) {
        Objects.requireNonNull(message, "message");
        ArrayDeque<M> queue = byMeter.computeIfAbsent(meterId, id -> new ArrayDeque<>());
        if (queue.isEmpty()) {
            round.add(meterId);
        }
        if (queue.size() == perMeterLimit) {
            queue.poll();
            size--;
            dropped.merge(meterId, 1L, Long::sum);
            droppedTotal++;
        }
        queue.add(message);
        size++;
    }

    /** The next message to serve, or null when nothing waits. */
    public M poll() {
        String meterId = round.poll();
        if (meterId == null) {
            return null;
        }
        ArrayDeque<M> queue = byMeter.get(meterId);
        M message = queue.poll();
        size--;
        if (!queue.isEmpty()) {
            round.add(meterId);
        }
        return message;
    }

    /** How many messages wait, across all meters. */
    public int size() {
        return size;
    }

    /** How many of a meter's messages wait. */
    public int depth(String meterId) {
        ArrayDeque<M> queue = byMeter.get(meterId);
        return queue == null ? 0 : queue.size();
    }

    /** How many meters have messages waiting. */
    public int activeMeters() {
        return round.size();
    }

    /** How many messages were dropped because their meter's queue was full, across all meters. */
    public long dropped() {
        return droppedTotal;
    }

    /** How many of a meter's messages were dropped because its own queue was full. */
    public long dropped(String meterId) {
        return dropped.getOrDefault(meterId, 0L);
    }
}
