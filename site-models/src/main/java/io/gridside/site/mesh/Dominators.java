package io.gridside.site.mesh;

import java.util.Arrays;

/**
 * Immediate dominators of a directed graph over int indexes: node d dominates node v when every path from the root
 * to v passes through d.
 *
 * <p>Uses the iterative algorithm of Cooper, Harvey and Kennedy on the reverse post-order of a depth-first search:
 * a few passes over the nodes, each intersecting the dominators of a node's already processed predecessors. On
 * graphs like a mesh (shallow, a handful of neighbours per node) it settles in two or three passes, so 10,000
 * nodes take milliseconds. Everything stays in int arrays; the depth-first search keeps its own stack, so deep
 * chains do not overflow the thread's.
 */
public final class Dominators {

    private static final int UNREACHABLE = -1;

    private Dominators() {
    }

    /**
     * The immediate dominator of every node: -1 for the root and for nodes the root cannot reach.
     *
     * @param n how many nodes, numbered 0 to n - 1
     * @param root where every path starts
     * @param successors for each node the nodes its edges go to; duplicates and self loops are allowed
     */
    public static int[] immediate(int n, int root, int[][] successors) {
        if (root < 0 || root >= n || successors.length != n) {
            throw new IllegalArgumentException("the root must be a node of the " + n + " and successors must have "
                    + "one row per node, were " + root + " and " + successors.length + " rows");
        }
        int[] order = reversePostOrder(n, root, successors);
        int[] position = new int[n];
        Arrays.fill(position, UNREACHABLE);
        for (int i = 0; i < order.length; i++) {
            position[order[i]] = i;
        }
        int[][] predecessors = predecessorPositions(order, position, successors);

        int[] idom = settle(order.length, predecessors);

        int[] immediate = new int[n];
        Arrays.fill(immediate, UNREACHABLE);
        for (int i = 1; i < order.length; i++) {
            immediate[order[i]] = order[idom[i]];
        }
        return immediate;
    }

    /** The fixed point on positions in reverse post-order, where a dominator always has the smaller position. */
    private static int[] settle(int reached, int[][] predecessors) {
        int[] idom = new int[reached];
        Arrays.fill(idom, UNREACHABLE);
        idom[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int v = 1; v < reached; v++) {
                int candidate = UNREACHABLE;
                for (int p : predecessors[v]) {
                    if (idom[p] != UNREACHABLE) {
                        candidate = candidate == UNREACHABLE ? p : intersect(idom, p, candidate);
                    }
                }
                if (idom[v] != candidate) {
                    idom[v] = candidate;
                    changed = true;
                }
            }
        }
        return idom;
    }

    private static int intersect(int[] idom, int a, int b) {
        while (a != b) {
            while (a > b) {
                a = idom[a];
            }
            while (b > a) {
                b = idom[b];
            }
        }
        return a;
    }

    /** The nodes the root reaches, in reverse post-order of an iterative depth-first search: the root first. */
    private static int[] reversePostOrder(int n, int root, int[][] successors) {
        int[] post = new int[n];
        int done = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        int depth = 0;
        stack[depth++] = root;
        seen[root] = true;
        while (depth > 0) {
            int v = stack[depth - 1];
            if (next[v] < successors[v].length) {
                int w = successors[v][next[v]++];
                if (!seen[w]) {
                    seen[w] = true;
                    stack[depth++] = w;
                }
            } else {
                depth--;
                post[done++] = v;
            }
        }
        int[] order = new int[done];
        for (int i = 0; i < done; i++) {
            order[i] = post[done - 1 - i];
        }
        return order;
    }

    /** For each reached node, by position, the positions of its reached predecessors. */
    private static int[][] predecessorPositions(int[] order, int[] position, int[][] successors) {
        int[] counts = new int[order.length];
        for (int v : order) {
            for (int w : successors[v]) {
                counts[position[w]]++;
            }
        }
        int[][] predecessors = new int[order.length][];
        for (int i = 0; i < order.length; i++) {
            predecessors[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int v : order) {
            for (int w : successors[v]) {
                int at = position[w];
                predecessors[at][counts[at]++] = position[v];
            }
        }
        return predecessors;
    }
}
