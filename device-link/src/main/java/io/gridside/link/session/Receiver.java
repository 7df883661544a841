package io.gridside.link.session;

import io.gridside.link.frame.Frame;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receiving half of a link: puts frames back in order, holds those that came early, and says what to
 * acknowledge. Frames in order go to a bounded delivery queue; how much room it has left is the window the
 * peer is told, so a slow consumer slows the sender. Not thread-safe; {@link LinkConnection} calls it under its
 * lock.
 */
final class Receiver {

    /** How many former peer epochs are remembered, so that their late frames cannot start them again. */
    private static final int RETIRED_EPOCHS = 4;

    private final int capacity;
    private final ArrayDeque<Integer> retired = new ArrayDeque<>();
    private final TreeMap<Long, Frame> early = new TreeMap<>();
    private final ArrayDeque<Frame> ready = new ArrayDeque<>();
    private int peerEpoch = -1;
    private long expected;
    private long duplicates;
    private long outOfOrder;
    private long stale;

    Receiver(int capacity) {
        this.capacity = capacity;
    }

    /** What became of an arriving frame. */
    enum Outcome {
        /** A new epoch began: the peer restarted, or another console took its place on the line. */
        PEER_RESET,
        ACCEPTED,
        DUPLICATE,
        /** From another epoch (a former one even with the reset flag), or beyond the window: dropped. */
        DROPPED
    }

    Outcome accept(Frame frame) {
        Outcome outcome = Outcome.ACCEPTED;
        if (frame.epoch() != peerEpoch) {
            if (!frame.has(Frame.RESET) || frame.seq() != 0 || retired.contains(frame.epoch())) {
                stale++;
                return Outcome.DROPPED;
            }
            boolean hadPeer = peerEpoch >= 0;
            if (hadPeer) {
                retire(peerEpoch);
            }
            peerEpoch = frame.epoch();
            expected = 0;
            early.clear();
            ready.clear();
            outcome = hadPeer ? Outcome.PEER_RESET : Outcome.ACCEPTED;
        }
        long seq = Sequences.nearest(frame.seq(), expected);
        if (seq < expected || early.containsKey(seq)) {
            duplicates++;
            return Outcome.DUPLICATE;
        }
        if (seq >= expected + window()) {
            return Outcome.DROPPED;
        }
        if (seq > expected) {
            outOfOrder++;
        }
        early.put(seq, frame);
        release();
        return outcome;
    }

    private void retire(int epoch) {
        retired.addLast(epoch);
        if (retired.size() > RETIRED_EPOCHS) {
            retired.removeFirst();
        }
    }

    /** Moves the frames now in order into the delivery queue, as far as it has room. */
    void release() {
        Frame next;
        while (ready.size() < capacity && (next = early.remove(expected)) != null) {
            ready.add(next);
            expected++;
        }
    }

    /** The next frame in order for delivery, or null. */
    Frame take() {
        Frame frame = ready.poll();
        release();
        return frame;
    }

    boolean knowsPeer() {
        return peerEpoch >= 0;
    }

    /** The epoch of the peer's current session, or -1 before its first frame. */
    int peerEpoch() {
        return peerEpoch;
    }

    /** The last frame received in order, in wire form (0xFFFF before the first). */
    int ack() {
        return Sequences.wire(expected - 1);
    }

    /** How many frames after {@link #ack()} this side will take. */
    int window() {
        return Math.max(0, capacity - ready.size());
    }

    /** Bit i set: frame {@code ack + 2 + i} is held already. */
    long sack() {
        long bits = 0;
        for (Map.Entry<Long, Frame> entry : early.tailMap(expected + 1, true).headMap(expected + 33).entrySet()) {
            bits |= 1L << (entry.getKey() - expected - 1);
        }
        return bits;
    }

    long duplicates() {
        return duplicates;
    }

    long outOfOrder() {
        return outOfOrder;
    }

    long stale() {
        return stale;
    }
}
