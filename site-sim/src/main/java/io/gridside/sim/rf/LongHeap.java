package io.gridside.sim.rf;

import java.util.Arrays;

/**
 * A binary min-heap of longs, which routing fills with packed entries and empties every round, and the mesh's
 * traffic keeps its timed events in, without boxing.
 */
public final class LongHeap {

    private long[] items = new long[256];
    private int size;

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    public void push(long item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        int at = size++;
        while (at > 0 && items[(at - 1) / 2] > item) {
            items[at] = items[(at - 1) / 2];
            at = (at - 1) / 2;
        }
        items[at] = item;
    }

    /** The least item, which stays in the heap; the heap must not be empty. */
    public long peek() {
        return items[0];
    }

    public long pop() {
        long top = items[0];
        long last = items[--size];
        int at = 0;
        while (2 * at + 1 < size) {
            int child = 2 * at + 1;
            if (child + 1 < size && items[child + 1] < items[child]) {
                child++;
            }
            if (items[child] >= last) {
                break;
            }
            items[at] = items[child];
            at = child;
        }
        items[at] = last;
        return top;
    }
}
