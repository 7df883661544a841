package io.gridside.sim.mesh;

import java.util.Arrays;

/**
 * The readings on their way up the mesh, each under a number that queues and events carry instead of an object:
 * who sent it, when, how often it was held back, and the reading itself. Numbers are reused once a reading has
 * reached the gateway or been dropped. Not thread-safe.
 */
final class MessagePool {

    private int[] meter = new int[256];
    private long[] sentAt = new long[256];
    private int[] holds = new int[256];
    private Uplink.IntervalRead[] read = new Uplink.IntervalRead[256];
    private int[] free = new int[256];
    private int freeCount;
    private int allocated;
    private int live;

    /** Takes a number for {@code reading}, sent by {@code sender} at {@code epochMilli}. */
    int add(int sender, long epochMilli, Uplink.IntervalRead reading) {
        int message = freeCount > 0 ? free[--freeCount] : allocated++;
        if (message == meter.length) {
            grow();
        }
        meter[message] = sender;
        sentAt[message] = epochMilli;
        holds[message] = 0;
        read[message] = reading;
        live++;
        return message;
    }

    /** Gives the number back: the reading reached the gateway or was dropped. */
    void release(int message) {
        read[message] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = message;
        live--;
    }

    int meter(int message) {
        return meter[message];
    }

    long sentAt(int message) {
        return sentAt[message];
    }

    Uplink.IntervalRead read(int message) {
        return read[message];
    }

    /** Counts one more time the reading was held back, and returns the count. */
    int hold(int message) {
        return ++holds[message];
    }

    /** Readings sent that have neither reached the gateway nor been dropped. */
    int live() {
        return live;
    }

    private void grow() {
        int capacity = meter.length * 2;
        meter = Arrays.copyOf(meter, capacity);
        sentAt = Arrays.copyOf(sentAt, capacity);
        holds = Arrays.copyOf(holds, capacity);
        read = Arrays.copyOf(read, capacity);
    }
}
