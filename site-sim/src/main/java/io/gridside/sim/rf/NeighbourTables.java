package io.gridside.sim.rf;

import java.util.Arrays;

/**
 * Each meter's neighbour table: the radios it keeps track of, at most {@link #CAPACITY} of them as a meter's small
 * memory allows, with the lasting part of each link's signal in both directions. A meter keeps its strongest
 * neighbours and, beside them, good neighbours nearest the gateway, which are the ones worth routing through; a
 * table of only the strongest would hold nothing but the meter's own hamlet. Immutable once built.
 *
 * <p>Entries are slots {@code meter * CAPACITY + k}; the reverse index lists, for every radio, the slots that
 * name it, so routing can tell a radio's neighbours when it settles.
 */
final class NeighbourTables {

    static final int CAPACITY = 20;
    private static final int STRONGEST = 10;
    /** Neighbours fainter than this (in both directions, before drift) are not worth a table entry. */
    private static final double ENTRY_SNR_DB = 0;
    /** A neighbour kept for being near the gateway must be this good. */
    private static final double ROUTE_SNR_DB = 6;
    private static final double METER_REACH_METRES = 700;
    private static final double GATEWAY_REACH_METRES = 1000;

    private final int meters;
    private final int[] neighbour;
    private final double[] forwardDbm;
    private final double[] reverseDbm;
    private final int[] degree;
    private final int[] reverseStart;
    private final int[] reverseSlots;

    NeighbourTables(long seed, RadioNodes nodes) {
        meters = nodes.count() - 1;
        neighbour = new int[meters * CAPACITY];
        forwardDbm = new double[meters * CAPACITY];
        reverseDbm = new double[meters * CAPACITY];
        degree = new int[meters];
        Arrays.fill(neighbour, -1);
        SpatialGrid grid = new SpatialGrid(nodes, meters, METER_REACH_METRES / 2);
        for (int meter = 0; meter < meters; meter++) {
            fill(seed, nodes, grid, meter);
        }
        reverseStart = new int[nodes.count() + 1];
        reverseSlots = new int[meters * CAPACITY];
        indexReverse();
    }

    int meters() {
        return meters;
    }

    int degree(int meter) {
        return degree[meter];
    }

    /** The radio in slot {@code slot}, or -1 for an empty slot. */
    int neighbour(int slot) {
        return neighbour[slot];
    }

    /** The slot's owner's signal as its neighbour receives it, before drift. */
    double forwardDbm(int slot) {
        return forwardDbm[slot];
    }

    /** The neighbour's signal as the slot's owner receives it, before drift. */
    double reverseDbm(int slot) {
        return reverseDbm[slot];
    }

    int reverseStart(int node) {
        return reverseStart[node];
    }

    int reverseEnd(int node) {
        return reverseStart[node + 1];
    }

    int reverseSlot(int k) {
        return reverseSlots[k];
    }

    private void fill(long seed, RadioNodes nodes, SpatialGrid grid, int meter) {
        Candidates candidates = new Candidates();
        grid.forEachNear(meter, METER_REACH_METRES, other -> candidates.offer(seed, nodes, meter, other));
        if (nodes.distance(meter, nodes.gateway()) <= GATEWAY_REACH_METRES) {
            candidates.offer(seed, nodes, meter, nodes.gateway());
        }
        int[] chosen = candidates.choose(nodes);
        for (int k = 0; k < chosen.length; k++) {
            int slot = meter * CAPACITY + k;
            int other = chosen[k];
            double common = Shadowing.common(seed, meter, other);
            neighbour[slot] = other;
            forwardDbm[slot] = nodes.meanRssiDbm(meter, other) - common - Shadowing.directional(seed, meter, other);
            reverseDbm[slot] = nodes.meanRssiDbm(other, meter) - common - Shadowing.directional(seed, other, meter);
        }
        degree[meter] = chosen.length;
    }

    private void indexReverse() {
        for (int slot = 0; slot < neighbour.length; slot++) {
            if (neighbour[slot] >= 0) {
                reverseStart[neighbour[slot] + 1]++;
            }
        }
        for (int node = 1; node < reverseStart.length; node++) {
            reverseStart[node] += reverseStart[node - 1];
        }
        int[] next = Arrays.copyOf(reverseStart, reverseStart.length);
        for (int slot = 0; slot < neighbour.length; slot++) {
            if (neighbour[slot] >= 0) {
                reverseSlots[next[neighbour[slot]]++] = slot;
            }
        }
    }

    /** The radios one meter hears well enough, by their weaker direction's signal-to-noise ratio. */
    private static final class Candidates {

        private int[] other = new int[64];
        private double[] snr = new double[64];
        private int size;

        void offer(long seed, RadioNodes nodes, int meter, int candidate) {
            double common = Shadowing.common(seed, meter, candidate);
            double forward = nodes.meanRssiDbm(meter, candidate) - common
                    - Shadowing.directional(seed, meter, candidate) - nodes.floorDbm(candidate);
            double reverse = nodes.meanRssiDbm(candidate, meter) - common
                    - Shadowing.directional(seed, candidate, meter) - nodes.floorDbm(meter);
            double weaker = Math.min(forward, reverse);
            if (weaker < ENTRY_SNR_DB) {
                return;
            }
            if (size == other.length) {
                other = Arrays.copyOf(other, size * 2);
                snr = Arrays.copyOf(snr, size * 2);
            }
            other[size] = candidate;
            snr[size++] = weaker;
        }

        /** The strongest few, then the good ones nearest the gateway, then the strongest of the rest. */
        int[] choose(RadioNodes nodes) {
            long[] byStrength = new long[size];
            for (int k = 0; k < size; k++) {
                byStrength[k] = (long) ((200 - snr[k]) * 1000) << 32 | k;
            }
            Arrays.sort(byStrength);
            int keep = Math.min(size, CAPACITY);
            boolean[] taken = new boolean[size];
            int[] chosen = new int[keep];
            int count = 0;
            for (int k = 0; k < Math.min(size, STRONGEST); k++) {
                taken[(int) byStrength[k]] = true;
                chosen[count++] = other[(int) byStrength[k]];
            }
            count = addNearestGateway(nodes, taken, chosen, count);
            for (int k = 0; k < size && count < keep; k++) {
                int candidate = (int) byStrength[k];
                if (!taken[candidate]) {
                    taken[candidate] = true;
                    chosen[count++] = other[candidate];
                }
            }
            return chosen;
        }

        private int addNearestGateway(RadioNodes nodes, boolean[] taken, int[] chosen, int count) {
            long[] byReach = new long[size];
            int good = 0;
            for (int k = 0; k < size; k++) {
                if (!taken[k] && snr[k] >= ROUTE_SNR_DB) {
                    byReach[good++] = (long) (nodes.distance(other[k], nodes.gateway()) * 10) << 32 | k;
                }
            }
            Arrays.sort(byReach, 0, good);
            for (int k = 0; k < good && count < chosen.length; k++) {
                taken[(int) byReach[k]] = true;
                chosen[count++] = other[(int) byReach[k]];
            }
            return count;
        }
    }
}
