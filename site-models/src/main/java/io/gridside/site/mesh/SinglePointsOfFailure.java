package io.gridside.site.mesh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The meters whose loss would cut other meters off from the gateway, on the directed graph of links usable upward.
 *
 * <p>Radio links are not symmetric, so the graph is directed: an edge from a meter to each neighbour it can send
 * through and hear acknowledgements from. Turned round, the gateway is its root, and a meter d cuts off exactly
 * the meters it dominates: those whose every usable path to the gateway passes through d. One dominator tree
 * answers for every meter at once, instead of removing each meter and searching again.
 */
public final class SinglePointsOfFailure {

    private SinglePointsOfFailure() {
    }

    /**
     * A meter whose loss cuts others off from the gateway.
     *
     * @param meterId the meter
     * @param node its index in the graph
     * @param cutOff the meters that would lose every usable path to the gateway, in graph order; not the meter.
     *     Every point lists its whole cut, so the lists together grow with meters times hops: fine for a mesh of
     *     tens of hops, not for a chain of thousands (a known limit; the dominator tree itself would not be).
     * @param customers how many distinct customers own the cut off meters (the meter's own customer not counted)
     * @param dailyRevenueMinor those customers' daily revenue, in minor units of the site's currency
     */
    public record PointOfFailure(String meterId, int node, List<String> cutOff, int customers,
            long dailyRevenueMinor) {

        public PointOfFailure {
            Objects.requireNonNull(meterId, "meterId");
            cutOff = List.copyOf(cutOff);
        }
    }

    /**
     * Every meter that cuts at least one other off, the largest cut first (then by meter id).
     *
     * @param customerOfMeter the customer of each meter; meters not in it have no customer
     * @param dailyRevenueMinorOfCustomer each customer's daily revenue; customers not in it count 0
     */
    public static List<PointOfFailure> find(MeshGraph graph, LinkQuality quality, Map<String, String> customerOfMeter,
            Map<String, Long> dailyRevenueMinorOfCustomer) {
        int n = graph.nodeCount();
        int[] idom = Dominators.immediate(n, graph.gateway(), UpwardGraph.of(graph, quality).reversed());
        int[][] children = children(idom);

        List<PointOfFailure> points = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            if (d != graph.gateway() && children[d].length > 0) {
                points.add(pointOf(graph, d, subtree(d, children), customerOfMeter, dailyRevenueMinorOfCustomer));
            }
        }
        points.sort(Comparator.comparingInt((PointOfFailure point) -> -point.cutOff().size())
                .thenComparing(PointOfFailure::meterId));
        return points;
    }

    /**
     * The meters of the graph's current snapshot that have no usable path to the gateway already, so that no single
     * meter cuts them off; in graph order. Stale meters, which the gateway no longer lists, are not among them.
     */
    public static List<String> unreachable(MeshGraph graph, LinkQuality quality) {
        int[][] reversed = UpwardGraph.of(graph, quality).reversed();
        int[] idom = Dominators.immediate(graph.nodeCount(), graph.gateway(), reversed);
        List<String> unreachable = new ArrayList<>();
        for (int v = 0; v < graph.nodeCount(); v++) {
            if (v != graph.gateway() && idom[v] < 0 && !graph.staleNode(v)) {
                unreachable.add(graph.nodeId(v));
            }
        }
        return unreachable;
    }

    private static PointOfFailure pointOf(MeshGraph graph, int d, int[] below, Map<String, String> customerOfMeter,
            Map<String, Long> dailyRevenueMinorOfCustomer) {
        List<String> cutOff = new ArrayList<>(below.length);
        Set<String> customers = new HashSet<>();
        long revenue = 0;
        for (int v : below) {
            String meter = graph.nodeId(v);
            cutOff.add(meter);
            String customer = customerOfMeter.get(meter);
            if (customer != null && customers.add(customer)) {
                revenue += dailyRevenueMinorOfCustomer.getOrDefault(customer, 0L);
            }
        }
        return new PointOfFailure(graph.nodeId(d), d, cutOff, customers.size(), revenue);
    }

    /** The nodes strictly below {@code d} in the dominator tree, sorted by index. */
    private static int[] subtree(int d, int[][] children) {
        int[] found = new int[8];
        int size = 0;
        int[] stack = new int[8];
        int depth = 0;
        stack[depth++] = d;
        while (depth > 0) {
            int v = stack[--depth];
            for (int child : children[v]) {
                if (size == found.length) {
                    found = Arrays.copyOf(found, size * 2);
                }
                found[size++] = child;
                if (depth == stack.length) {
                    stack = Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = child;
            }
        }
        int[] below = Arrays.copyOf(found, size);
        Arrays.sort(below);
        return below;
    }

    private static int[][] children(int[] idom) {
        int[] counts = new int[idom.length];
        for (int parent : idom) {
            if (parent >= 0) {
                counts[parent]++;
            }
        }
        int[][] children = new int[idom.length][];
        for (int v = 0; v < idom.length; v++) {
            children[v] = new int[counts[v]];
            counts[v] = 0;
        }
        for (int v = 0; v < idom.length; v++) {
            if (idom[v] >= 0) {
                children[idom[v]][counts[idom[v]]++] = v;
            }
        }
        return children;
    }
}
