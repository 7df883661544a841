package io.gridside.site.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.TopologySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;
import org.junit.jupiter.api.Test;

/**
 * On a mesh of the size the view must serve, 10,000 meters with their neighbour tables, the dominator tree agrees
 * with removing a meter and searching again, for a sample of meters.
 */
class SinglePointsOfFailureLargeMeshTest {

    private static final int METERS = 10_000;
    private static final int SAMPLE = 12;

    @Test
    void agreesWithRemovalOnASampleOfTenThousandMeters() {
        Random random = new Random(20_261_205);
        MeshGraph graph = MeshGraph.of(layeredMesh(random));
        Map<String, List<String>> found = new HashMap<>();
        SinglePointsOfFailure.find(graph, LinkQuality.DEFAULTS, Map.of(), Map.of())
                .forEach(point -> found.put(point.meterId(), point.cutOff()));
        Graph<Integer, DefaultEdge> upward = upward(graph);
        Set<Integer> before = reaching(upward);

        List<Integer> sample = new ArrayList<>();
        found.keySet().stream().sorted().limit(SAMPLE).forEach(id -> sample.add(graph.indexOf(id)));
        for (int i = 0; i < SAMPLE; i++) {
            sample.add(1 + random.nextInt(METERS));
        }
        for (int removed : sample) {
            Set<Integer> kept = new HashSet<>(upward.vertexSet());
            kept.remove(removed);
            Set<Integer> after = reaching(new AsSubgraph<>(upward, kept));
            List<String> cut = new ArrayList<>();
            for (int v = 1; v < graph.nodeCount(); v++) {
                if (v != removed && before.contains(v) && !after.contains(v)) {
                    cut.add(graph.nodeId(v));
                }
            }
            assertThat(found.getOrDefault(graph.nodeId(removed), List.of())).as(graph.nodeId(removed))
                    .isEqualTo(cut);
        }
        assertThat(found).hasSizeGreaterThan(SAMPLE);
    }

    /**
     * Meters in rings around the gateway, each with up to six entries for meters nearer it: most usable both ways,
     * some one way only, and one meter in five with a single entry, so that relays appear.
     */
    private static TopologySnapshot layeredMesh(Random random) {
        String[] ids = new String[METERS];
        for (int i = 0; i < METERS; i++) {
            ids[i] = String.format("M%05d", i + 1);
        }
        Meshes mesh = Meshes.withMeters(ids);
        for (int i = 1; i <= METERS; i++) {
            int entries = random.nextInt(5) == 0 ? 1 : 6;
            Set<Integer> made = new HashSet<>();
            for (int e = 0; e < entries; e++) {
                int to = Math.max(0, i - 1 - random.nextInt(80));
                if (made.add(to)) {
                    String toId = to == 0 ? "GW" : ids[to - 1];
                    if (random.nextInt(8) == 0) {
                        mesh.link(ids[i - 1], toId, -80, -105, 0.95, 0.1, 10.5);
                    } else {
                        mesh.good(ids[i - 1], toId);
                    }
                }
            }
        }
        return mesh.snapshot();
    }

    private static Graph<Integer, DefaultEdge> upward(MeshGraph graph) {
        Graph<Integer, DefaultEdge> upward = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int v = 0; v < graph.nodeCount(); v++) {
            upward.addVertex(v);
        }
        graph.links().stream().filter(LinkQuality.DEFAULTS::usableUpward)
                .forEach(link -> upward.addEdge(link.from(), link.to()));
        return upward;
    }

    private static Set<Integer> reaching(Graph<Integer, DefaultEdge> upward) {
        Set<Integer> reaching = new HashSet<>();
        new BreadthFirstIterator<>(new EdgeReversedGraph<>(upward), 0).forEachRemaining(reaching::add);
        return reaching;
    }
}
