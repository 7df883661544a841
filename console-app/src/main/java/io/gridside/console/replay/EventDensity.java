package io.gridside.console.replay;

import java.util.Arrays;

/**
 * How many events fall in each of a row of equal bins across a span of time: the timeline's histogram. Counted by
 * binary search in the sorted event times, so a bin costs a logarithm of the events however many there are, and a
 * storm of a million events draws as fast as a quiet day.
 */
public final class EventDensity {

    private EventDensity() {
    }

    /**
     * The count of events in each of {@code bins} equal bins of [{@code startMillis}, {@code endMillis}).
     *
     * @param sortedMillis the events' times in epoch milliseconds, sorted
     */
    public static int[] count(long[] sortedMillis, long startMillis, long endMillis, int bins) {
        int[] counts = new int[Math.max(0, bins)];
        if (bins <= 0 || endMillis <= startMillis) {
            return counts;
        }
        double width = (double) (endMillis - startMillis) / bins;
        int before = firstAtOrAfter(sortedMillis, startMillis);
        for (int bin = 0; bin < bins; bin++) {
            long binEnd = bin == bins - 1 ? endMillis : startMillis + (long) Math.ceil(width * (bin + 1));
            int after = firstAtOrAfter(sortedMillis, binEnd);
            counts[bin] = after - before;
            before = after;
        }
        return counts;
    }

    /** The index of the first time at or after {@code millis}; the length when there is none. */
    static int firstAtOrAfter(long[] sortedMillis, long millis) {
        int found = Arrays.binarySearch(sortedMillis, millis);
        if (found < 0) {
            return -found - 1;
        }
        while (found > 0 && sortedMillis[found - 1] == millis) {
            found--;
        }
        return found;
    }

    /** The first time strictly after {@code millis}, or -1 when none is. */
    public static long next(long[] sortedMillis, long millis) {
        int index = firstAtOrAfter(sortedMillis, millis + 1);
        return index < sortedMillis.length ? sortedMillis[index] : -1;
    }

    /** The last time strictly before {@code millis}, or -1 when none is. */
    public static long previous(long[] sortedMillis, long millis) {
        int index = firstAtOrAfter(sortedMillis, millis) - 1;
        return index >= 0 ? sortedMillis[index] : -1;
    }
}
