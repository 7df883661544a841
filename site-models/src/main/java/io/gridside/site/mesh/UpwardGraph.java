package io.gridside.site.mesh;

import java.util.Arrays;

/**
 * The directed graph of links usable upward, in int arrays: an edge from a meter to each neighbour of its own
 * neighbour table it can send through now. Only the sender's own entries count, as a meter routes only through
 * neighbours it keeps in its table, even when the neighbour's entry for it measures the same pair.
 */
final class UpwardGraph {

    private final int[][] upward;

    private UpwardGraph(int[][] upward) {
        this.upward = upward;
    }

    static UpwardGraph of(MeshGraph graph, LinkQuality quality) {
        int n = graph.nodeCount();
        int[] counts = new int[n];
        boolean[] usable = new boolean[graph.linkCount()];
        for (int l = 0; l < graph.linkCount(); l++) {
            MeshGraph.Link link = graph.link(l);
            if (quality.usableUpward(link)) {
                usable[l] = true;
                counts[link.from()]++;
            }
        }
        int[][] upward = new int[n][];
        for (int v = 0; v < n; v++) {
            upward[v] = new int[counts[v]];
            counts[v] = 0;
        }
        for (int l = 0; l < usable.length; l++) {
            if (usable[l]) {
                MeshGraph.Link link = graph.link(l);
                upward[link.from()][counts[link.from()]++] = link.to();
            }
        }
        for (int v = 0; v < n; v++) {
            upward[v] = Arrays.stream(upward[v]).distinct().toArray();
        }
        return new UpwardGraph(upward);
    }

    /** The distinct neighbours the node can send through. */
    int[] neighbours(int node) {
        return upward[node];
    }

    /** The upward edges turned round, so that the gateway reaches every meter that can reach it. */
    int[][] reversed() {
        int n = upward.length;
        int[] counts = new int[n];
        for (int[] targets : upward) {
            for (int to : targets) {
                counts[to]++;
            }
        }
        int[][] reversed = new int[n][];
        for (int v = 0; v < n; v++) {
            reversed[v] = new int[counts[v]];
            counts[v] = 0;
        }
        for (int from = 0; from < n; from++) {
            for (int to : upward[from]) {
                reversed[to][counts[to]++] = from;
            }
        }
        return reversed;
    }
}
