package io.gridside.ui;

import io.gridside.site.TopologySnapshot;
import io.gridside.site.TopologySnapshot.Link;
import io.gridside.site.TopologySnapshot.Node;
import io.gridside.site.history.MeshDay;
import io.gridside.site.mesh.MeshGraph;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A small mesh whose answers are known by hand, for the mesh screen's panel and lists.
 *
 * <p>Gateway G; A sends to G; B sends to A and is heard by G but cannot hear it (one-way); C sends to B, and to A
 * over a weak but usable link; D sends to C only; E is heard by nobody. So A cuts off B, C and D, C cuts off D,
 * and E is unreachable already. B's link to G and C's to A are their alternate parents, so the weak and one-way
 * lists, which look only at routes, have them; E's link is heard but no route. B, C and D belong to two customers.
 */
final class HandMadeMesh {

    static final Instant NOW = Instant.parse("2026-06-03T09:00:00Z");
    static final LocalDate JUNE_3 = LocalDate.of(2026, 6, 3);
    static final Instant DAY_START = Instant.parse("2026-06-02T21:00:00Z");
    static final Map<String, String> CUSTOMERS = Map.of("B", "C-0002", "C", "C-0003", "D", "C-0003");
    static final Map<String, Long> DAILY_REVENUE = Map.of("C-0002", 12_345L, "C-0003", 50_000L);

    private HandMadeMesh() {
    }

    static MeshGraph graph() {
        return MeshGraph.of(new TopologySnapshot(NOW, "G", List.of(node("G", 0, null), node("A", 1, "G"),
                node("B", 2, "A", "G"), node("C", 3, "B", "A"), node("D", 4, "C"), node("E", -1, null)), List.of(
                new Link("A", "G", -60, -62, 0.99, 0.99, 1.02, 5, true),
                new Link("B", "A", -65, -66, 0.99, 0.99, 1.03, 8, true),
                new Link("B", "G", -70, -95, 0.98, 0.30, 3.4, 20, false),
                new Link("C", "B", -72, -70, 0.99, 0.98, 1.05, 12, true),
                new Link("C", "A", -92, -90, 0.70, 0.72, 2.0, 40, false),
                new Link("D", "C", -75, -73, 0.97, 0.98, 1.1, 9, true),
                new Link("E", "G", -105, -104, 0.10, 0.12, 9.0, 600, false))));
    }

    /** B under A at the day's start, under G from 00:15 and back under A from 00:30, its link drifting. */
    static MeshDay day() {
        TopologySnapshot start = new TopologySnapshot(DAY_START, "G", List.of(node("G", 0, null), node("A", 1, "G"),
                node("B", 2, "A")), List.of(new Link("A", "G", -60, -62, 0.99, 0.99, 1.02, 5, true),
                new Link("B", "A", -64, -67, 0.99, 0.99, 1.03, 8, true)));
        return new MeshDay(JUNE_3, "G", start, List.of(
                new MeshDay.Step(DAY_START.plusSeconds(900), List.of(new MeshDay.RouteChange("B", "G", 256)),
                        List.of(new MeshDay.LinkSample("B", "G", -71, -93, 980, 310, 340, 20))),
                new MeshDay.Step(DAY_START.plusSeconds(1800), List.of(new MeshDay.RouteChange("B", "A", 256)),
                        List.of(new MeshDay.LinkSample("B", "A", -65, -66, 990, 990, 103, 8)))));
    }

    /** Each link as "from>to", for assertions that read. */
    static List<String> linkNames(MeshGraph graph, int[] links) {
        return Arrays.stream(links).mapToObj(l -> graph.nodeId(graph.link(l).from()) + ">"
                + graph.nodeId(graph.link(l).to())).toList();
    }

    private static Node node(String id, int hops, String parent, String... alternates) {
        return new Node(id, -1.0 - 0.001 * hops, 36.8, hops, hops < 0 ? -1 : 256 * hops, parent,
                List.of(alternates));
    }
}
