package io.gridside.sim.mesh;

/**
 * Every radio's bounded queue of frames to forward to its parent, first in first out, as message numbers in one
 * flat ring per radio, so a quarter hour's traffic allocates nothing per frame. Not thread-safe.
 */
final class ForwardingQueues {

    private final int limit;
    private final int[] frames;
    private final int[] head;
    private final int[] size;
    private int total;

    /** Queues for {@code radios} radios of at most {@code limit} frames each. */
    ForwardingQueues(int radios, int limit) {
        this.limit = limit;
        this.frames = new int[radios * limit];
        this.head = new int[radios];
        this.size = new int[radios];
    }

    boolean isFull(int radio) {
        return size[radio] == limit;
    }

    boolean isEmpty(int radio) {
        return size[radio] == 0;
    }

    int size(int radio) {
        return size[radio];
    }

    /** Frames waiting across all radios. */
    int total() {
        return total;
    }

    /** Adds a frame at the tail of a queue that is not full. */
    void add(int radio, int message) {
        frames[radio * limit + (head[radio] + size[radio]) % limit] = message;
        size[radio]++;
        total++;
    }

    /** The frame at the head of a queue that is not empty. */
    int peek(int radio) {
        return frames[radio * limit + head[radio]];
    }

    /** Takes away the frame at the head of a queue that is not empty. */
    void remove(int radio) {
        head[radio] = (head[radio] + 1) % limit;
        size[radio]--;
        total--;
    }
}
