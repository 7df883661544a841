package io.gridside.site.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The meters with exactly one neighbour they can send through now: one failing radio or link away from silence.
 * Meters with none are not here; they are already unreachable.
 */
public final class SingleRouteMeters {

    private SingleRouteMeters() {
    }

    /**
     * A meter with a single usable neighbour upward.
     *
     * @param meterId the meter
     * @param node its index in the graph
     * @param onlyNeighbourId the one neighbour it can send through (possibly the gateway)
     */
    public record SingleRoute(String meterId, int node, String onlyNeighbourId) {

        public SingleRoute {
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(onlyNeighbourId, "onlyNeighbourId");
        }
    }

    /** The current meters with one usable neighbour upward, in graph order. */
    public static List<SingleRoute> find(MeshGraph graph, LinkQuality quality) {
        UpwardGraph upward = UpwardGraph.of(graph, quality);
        List<SingleRoute> single = new ArrayList<>();
        for (int v = 0; v < graph.nodeCount(); v++) {
            int[] neighbours = upward.neighbours(v);
            if (v != graph.gateway() && !graph.staleNode(v) && neighbours.length == 1) {
                single.add(new SingleRoute(graph.nodeId(v), v, graph.nodeId(neighbours[0])));
            }
        }
        return single;
    }
}
