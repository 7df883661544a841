package io.gridside.sim.rf;

import java.util.Arrays;

/**
 * Parent selection in the manner of RPL with the minimum-rank-with-hysteresis objective function: a meter's rank
 * is its parent's rank plus the link's ETX in rank units, and a meter leaves its parent only when it has lost it
 * (the link is too poor, or the parent went unheard or detached) or when another neighbour offers a rank better by
 * more than {@link #SWITCH_THRESHOLD}, so that a wobbling link does not make it flap.
 *
 * <p>Each round settles the radios in order of rank from the gateway out, as the gateway's DIOs spread. A meter
 * only ever picks a parent already settled in that round, whose rank is lower than its own, so the parents form a
 * tree rooted at the gateway: no loops, and ranks rise along every route.
 */
final class RplRouting {

    static final int ROOT_RANK = 256;
    /** Rank per expected transmission, as RPL's ETX metric counts it. */
    static final int ETX_RANK_UNIT = 128;
    static final int SWITCH_THRESHOLD = 192;
    /** A link worse than this is not used for a route. */
    static final double MAX_LINK_ETX = 4;
    /** A neighbour not heard for this many quarter hours is not used for a route. */
    static final int STALE_TICKS = 2;
    static final int DETACHED = -1;

    private static final int SLOT_BITS = 5;
    private static final int NODE_BITS = 21;
    private static final int KEY_SHIFT = SLOT_BITS + NODE_BITS + 1;

    private final NeighbourTables tables;
    private final int switchThreshold;
    private final int gateway;
    private final int[] parentSlot;
    private final int[] lastParentSlot;
    private final int[] rank;
    private final int[] hops;
    private final boolean[] settled;
    private final boolean[] waiting;
    /** Each meter's best offer so far from a neighbour other than its parent: a worse one can never count. */
    private final long[] bestOffer;
    private final LongHeap heap = new LongHeap();
    /** The radios silent in the round before this one, which do not yet relay in it. */
    private boolean[] rejoining;

    /** @param switchThreshold how much better in rank another parent must be to leave a usable one for it */
    RplRouting(NeighbourTables tables, int switchThreshold) {
        if (NeighbourTables.CAPACITY > 1 << SLOT_BITS || tables.meters() >= 1 << NODE_BITS) {
            throw new IllegalArgumentException("A mesh routes at most " + (1 << NODE_BITS) + " meters.");
        }
        this.tables = tables;
        this.switchThreshold = switchThreshold;
        this.gateway = tables.meters();
        parentSlot = new int[gateway];
        lastParentSlot = new int[gateway];
        rank = new int[gateway + 1];
        hops = new int[gateway + 1];
        settled = new boolean[gateway + 1];
        waiting = new boolean[gateway + 1];
        bestOffer = new long[gateway];
        Arrays.fill(parentSlot, DETACHED);
        Arrays.fill(lastParentSlot, DETACHED);
    }

    /**
     * One round of parent selection over the links as they are in quarter hour {@code tick}. A radio that was silent
     * in the round before ({@code wasSilent}) may join in this one, but offers itself as a parent only from the next:
     * it sends its first DIOs once it has joined.
     */
    void route(LinkState links, boolean[] silent, boolean[] wasSilent, int tick) {
        this.rejoining = wasSilent;
        Arrays.fill(rank, DETACHED);
        Arrays.fill(hops, DETACHED);
        Arrays.fill(settled, false);
        Arrays.fill(waiting, false);
        Arrays.fill(bestOffer, Long.MAX_VALUE);
        heap.clear();
        rank[gateway] = ROOT_RANK;
        hops[gateway] = 0;
        settled[gateway] = true;
        offerTo(gateway, links, silent, tick);
        while (!heap.isEmpty()) {
            decide(heap.pop(), links, silent, tick);
        }
        for (int meter = 0; meter < gateway; meter++) {
            if (!settled[meter]) {
                parentSlot[meter] = DETACHED;
            }
        }
    }

    private void decide(long entry, LinkState links, boolean[] silent, int tick) {
        int meter = (int) (entry >>> SLOT_BITS) & ((1 << NODE_BITS) - 1);
        if (settled[meter]) {
            return;
        }
        int slot = meter * NeighbourTables.CAPACITY + (int) (entry & ((1 << SLOT_BITS) - 1));
        int offered = (int) (entry >>> KEY_SHIFT);
        boolean fallback = (entry >>> (SLOT_BITS + NODE_BITS) & 1) == 1;
        if (fallback) {
            settle(meter, slot, offered - switchThreshold, links, silent, tick);
        } else if (slot == parentSlot[meter] || !parentStillUsable(meter, links, silent, tick)) {
            settle(meter, slot, offered, links, silent, tick);
        } else if (!waiting[meter]) {
            waiting[meter] = true;
            heap.push(pack(offered + switchThreshold, true, slot));
        }
    }

    private boolean parentStillUsable(int meter, LinkState links, boolean[] silent, int tick) {
        int slot = parentSlot[meter];
        return slot != DETACHED && !silent[tables.neighbour(slot)] && usable(slot, links, tick);
    }

    private void settle(int meter, int slot, int newRank, LinkState links, boolean[] silent, int tick) {
        settled[meter] = true;
        parentSlot[meter] = slot;
        lastParentSlot[meter] = slot;
        rank[meter] = newRank;
        hops[meter] = hops[tables.neighbour(slot)] + 1;
        if (!rejoining[meter]) {
            offerTo(meter, links, silent, tick);
        }
    }

    /** Tells every meter that keeps {@code node} in its table the rank it would have through {@code node}. */
    private void offerTo(int node, LinkState links, boolean[] silent, int tick) {
        for (int k = tables.reverseStart(node); k < tables.reverseEnd(node); k++) {
            int slot = tables.reverseSlot(k);
            int meter = slot / NeighbourTables.CAPACITY;
            if (settled[meter] || silent[meter] || !usable(slot, links, tick)) {
                continue;
            }
            long offer = pack(rank[node] + cost(slot, links), false, slot);
            if (slot == parentSlot[meter]) {
                heap.push(offer);
            } else if (offer < bestOffer[meter]) {
                bestOffer[meter] = offer;
                heap.push(offer);
            }
        }
    }

    static boolean usable(int slot, LinkState links, int tick) {
        return links.etx(slot) <= MAX_LINK_ETX && links.lastHeardTick(slot) != LinkState.NEVER
                && tick - links.lastHeardTick(slot) <= STALE_TICKS;
    }

    static int cost(int slot, LinkState links) {
        return (int) Math.round(ETX_RANK_UNIT * links.etx(slot));
    }

    private static long pack(int key, boolean fallback, int slot) {
        int meter = slot / NeighbourTables.CAPACITY;
        int k = slot % NeighbourTables.CAPACITY;
        return (long) key << KEY_SHIFT | (fallback ? 1L : 0L) << (SLOT_BITS + NODE_BITS)
                | (long) meter << SLOT_BITS | k;
    }

    /** The slot of the meter's parent in its table, or {@link #DETACHED}. */
    int parentSlot(int meter) {
        return parentSlot[meter];
    }

    /** The slot of the last parent the meter had, detached or not, or {@link #DETACHED} if it never had one. */
    int lastParentSlot(int meter) {
        return lastParentSlot[meter];
    }

    /** A radio's rank, or {@link #DETACHED}. */
    int rank(int node) {
        return rank[node];
    }

    /** A radio's hops to the gateway, or {@link #DETACHED}. */
    int hops(int node) {
        return hops[node];
    }

    /** The state that carries from one round into the next, for checkpoints. */
    int[][] copyState() {
        return new int[][] {parentSlot.clone(), lastParentSlot.clone(), rank.clone(), hops.clone()};
    }

    void restoreState(int[][] state) {
        System.arraycopy(state[0], 0, parentSlot, 0, parentSlot.length);
        System.arraycopy(state[1], 0, lastParentSlot, 0, lastParentSlot.length);
        System.arraycopy(state[2], 0, rank, 0, rank.length);
        System.arraycopy(state[3], 0, hops, 0, hops.length);
    }
}
