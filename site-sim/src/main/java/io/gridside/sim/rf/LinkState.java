package io.gridside.sim.rf;

import java.util.Arrays;

/**
 * Every neighbour-table entry's link as it is at one moment: the signal both ways with the drift added, the
 * chance a packet gets through each way against the receiver's noise floor, the ETX, and when the meter last
 * heard that neighbour. A meter hears a neighbour when any of the beacons it sent in the quarter hour got through.
 */
final class LinkState {

    static final int BEACONS_PER_TICK = 3;
    static final int NEVER = Integer.MIN_VALUE;
    private static final long HEARD = 0x5EED_0006L;

    private final long seed;
    private final NeighbourTables tables;
    private final double[] forwardDbm;
    private final double[] reverseDbm;
    private final double[] forwardPsr;
    private final double[] reversePsr;
    private final double[] etx;
    private final int[] lastHeardTick;
    /** Each link's drift courses around the current drift period, kept so they are drawn once a period. */
    private final double[] driftBefore;
    private final double[] driftAfter;
    private final long[] driftKnot;

    LinkState(long seed, NeighbourTables tables) {
        this.seed = seed;
        this.tables = tables;
        int slots = tables.meters() * NeighbourTables.CAPACITY;
        forwardDbm = new double[slots];
        reverseDbm = new double[slots];
        forwardPsr = new double[slots];
        reversePsr = new double[slots];
        etx = new double[slots];
        lastHeardTick = new int[slots];
        Arrays.fill(lastHeardTick, NEVER);
        driftBefore = new double[slots];
        driftAfter = new double[slots];
        driftKnot = new long[slots];
        Arrays.fill(driftKnot, Long.MIN_VALUE);
    }

    /** Works out every link's signal, success and ETX at {@code epochSecond}, given each radio's noise floor. */
    void measure(long epochSecond, double[] floorDbm) {
        for (int meter = 0; meter < tables.meters(); meter++) {
            int first = meter * NeighbourTables.CAPACITY;
            for (int slot = first; slot < first + tables.degree(meter); slot++) {
                int other = tables.neighbour(slot);
                double drift = drift(slot, meter, other, epochSecond);
                forwardDbm[slot] = tables.forwardDbm(slot) - drift;
                reverseDbm[slot] = tables.reverseDbm(slot) - drift;
                forwardPsr[slot] = RadioModel.packetSuccess(forwardDbm[slot] - floorDbm[other]);
                reversePsr[slot] = RadioModel.packetSuccess(reverseDbm[slot] - floorDbm[meter]);
                etx[slot] = RadioModel.etx(forwardPsr[slot], reversePsr[slot]);
            }
        }
    }

    private double drift(int slot, int meter, int other, long epochSecond) {
        long knot = Shadowing.knotOf(epochSecond);
        if (driftKnot[slot] != knot) {
            boolean next = driftKnot[slot] == knot - 1;
            driftBefore[slot] = next ? driftAfter[slot] : Shadowing.knotValue(seed, meter, other, knot);
            driftAfter[slot] = Shadowing.knotValue(seed, meter, other, knot + 1);
            driftKnot[slot] = knot;
        }
        return Shadowing.blend(driftBefore[slot], driftAfter[slot], epochSecond);
    }

    /** Notes which neighbours each meter heard in quarter hour {@code tick}; silent radios neither send nor hear. */
    void hear(int tick, boolean[] silent) {
        for (int meter = 0; meter < tables.meters(); meter++) {
            int first = meter * NeighbourTables.CAPACITY;
            for (int slot = first; slot < first + tables.degree(meter); slot++) {
                int other = tables.neighbour(slot);
                if (silent[meter] || silent[other]) {
                    continue;
                }
                double missedAll = 1;
                for (int beacon = 0; beacon < BEACONS_PER_TICK; beacon++) {
                    missedAll *= 1 - reversePsr[slot];
                }
                if (Draw.unit(seed, HEARD, slot, tick) >= missedAll) {
                    lastHeardTick[slot] = tick;
                }
            }
        }
    }

    double forwardDbm(int slot) {
        return forwardDbm[slot];
    }

    double reverseDbm(int slot) {
        return reverseDbm[slot];
    }

    double forwardPsr(int slot) {
        return forwardPsr[slot];
    }

    double reversePsr(int slot) {
        return reversePsr[slot];
    }

    double etx(int slot) {
        return etx[slot];
    }

    /** The quarter hour in which the slot's neighbour was last heard, or {@link #NEVER}. */
    int lastHeardTick(int slot) {
        return lastHeardTick[slot];
    }

    int[] copyLastHeard() {
        return lastHeardTick.clone();
    }

    void restoreLastHeard(int[] ticks) {
        System.arraycopy(ticks, 0, lastHeardTick, 0, ticks.length);
    }
}
