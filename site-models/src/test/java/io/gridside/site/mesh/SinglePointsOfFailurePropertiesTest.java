package io.gridside.site.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * The dominator tree's answer agrees with brute force on random meshes: remove each meter in turn and search
 * upward from every other meter for the gateway on what is left.
 */
class SinglePointsOfFailurePropertiesTest {

    @Property(tries = 300)
    void everyMeterCutsOffExactlyTheMetersThatLoseTheGatewayWithoutIt(@ForAll @IntRange(min = 1, max = 25) int meters,
            @ForAll @IntRange(min = 0, max = 80) int links, @ForAll long seed) {
        MeshGraph graph = randomMesh(meters, links, new Random(seed));

        Map<String, List<String>> found = new HashMap<>();
        SinglePointsOfFailure.find(graph, LinkQuality.DEFAULTS, Map.of(), Map.of())
                .forEach(point -> found.put(point.meterId(), point.cutOff()));

        assertThat(found).isEqualTo(bruteForce(graph));
    }

    @Property(tries = 100)
    void unreachableMetersAreThoseNoUsablePathLeadsUpFrom(@ForAll @IntRange(min = 1, max = 25) int meters,
            @ForAll @IntRange(min = 0, max = 60) int links, @ForAll long seed) {
        MeshGraph graph = randomMesh(meters, links, new Random(seed));
        Set<Integer> reaching = reachingGateway(upwardGraph(graph));

        List<String> expected = new ArrayList<>();
        for (int v = 1; v < graph.nodeCount(); v++) {
            if (!reaching.contains(v)) {
                expected.add(graph.nodeId(v));
            }
        }

        assertThat(SinglePointsOfFailure.unreachable(graph, LinkQuality.DEFAULTS)).isEqualTo(expected);
    }

    /** A mesh with random links: most good, some usable one way only, some dead both ways. */
    static MeshGraph randomMesh(int meters, int links, Random random) {
        String[] ids = new String[meters];
        for (int i = 0; i < meters; i++) {
            ids[i] = "M-" + (i + 1);
        }
        Meshes mesh = Meshes.withMeters(ids);
        Set<String> made = new HashSet<>();
        for (int i = 0; i < links; i++) {
            int from = 1 + random.nextInt(meters);
            int to = random.nextInt(meters + 1);
            String fromId = ids[from - 1];
            String toId = to == 0 ? "GW" : ids[to - 1];
            if (from == to || !made.add(fromId + ">" + toId)) {
                continue;
            }
            switch (random.nextInt(6)) {
                case 0 -> mesh.link(fromId, toId, -95, -70, 0.6, 0.3, 5.5);
                case 1 -> mesh.link(fromId, toId, -70, -105, 0.9, 0.9, 1.3);
                default -> mesh.good(fromId, toId);
            }
        }
        return mesh.graph();
    }

    private static Map<String, List<String>> bruteForce(MeshGraph graph) {
        Graph<Integer, DefaultEdge> upward = upwardGraph(graph);
        Set<Integer> before = reachingGateway(upward);
        Map<String, List<String>> cuts = new HashMap<>();
        for (int removed = 1; removed < graph.nodeCount(); removed++) {
            Set<Integer> kept = new HashSet<>(upward.vertexSet());
            kept.remove(removed);
            Set<Integer> after = reachingGateway(new AsSubgraph<>(upward, kept));
            List<String> cut = new ArrayList<>();
            for (int v = 1; v < graph.nodeCount(); v++) {
                if (v != removed && before.contains(v) && !after.contains(v)) {
                    cut.add(graph.nodeId(v));
                }
            }
            if (!cut.isEmpty()) {
                cuts.put(graph.nodeId(removed), cut);
            }
        }
        return cuts;
    }

    private static Graph<Integer, DefaultEdge> upwardGraph(MeshGraph graph) {
        Graph<Integer, DefaultEdge> upward = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int v = 0; v < graph.nodeCount(); v++) {
            upward.addVertex(v);
        }
        for (MeshGraph.Link link : graph.links()) {
            if (LinkQuality.DEFAULTS.usableUpward(link)) {
                upward.addEdge(link.from(), link.to());
            }
        }
        return upward;
    }

    private static Set<Integer> reachingGateway(Graph<Integer, DefaultEdge> upward) {
        Set<Integer> reaching = new HashSet<>();
        new BreadthFirstIterator<>(new EdgeReversedGraph<>(upward), 0).forEachRemaining(reaching::add);
        return reaching;
    }
}
