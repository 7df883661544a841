package io.gridside.site.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.TopologySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mesh graph numbers the radios from the gateway and keeps what only the past knows as stale. */
class MeshGraphTest {

    private static final Instant EARLIER = Instant.parse("2026-06-01T18:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-01T19:00:00Z");
    private static final TopologySnapshot.Node GATEWAY =
            new TopologySnapshot.Node("GW-1", -1.28, 36.82, 0, 256, null, List.of());

    private static TopologySnapshot.Node meter(String id, String parent) {
        return new TopologySnapshot.Node(id, -1.281, 36.821, 1, 512, parent, List.of());
    }

    private static TopologySnapshot.Link link(String from, String to, long age, boolean preferred) {
        return new TopologySnapshot.Link(from, to, -80, -85, 0.9, 0.8, 1.4, age, preferred);
    }

    @Test
    void numbersTheGatewayFirstAndFollowsParents() {
        TopologySnapshot now = new TopologySnapshot(NOW, "GW-1", List.of(meter("M-1", "GW-1"), GATEWAY),
                List.of(link("M-1", "GW-1", 30, true)));

        MeshGraph graph = MeshGraph.of(now);

        assertThat(graph.nodeId(graph.gateway())).isEqualTo("GW-1");
        assertThat(graph.parent(graph.indexOf("M-1"))).isEqualTo(graph.gateway());
        assertThat(graph.parent(graph.gateway())).isEqualTo(-1);
        assertThat(graph.linksOf(graph.indexOf("M-1"))).containsExactly(0);
        assertThat(graph.link(0).stale()).isFalse();
        assertThat(graph.indexOf("M-9")).isEqualTo(-1);
    }

    @Test
    void keepsALinkAndAMeterOnlyThePastKnowsAsStaleWithTheirAgeCountedToNow() {
        TopologySnapshot earlier = new TopologySnapshot(EARLIER, "GW-1",
                List.of(GATEWAY, meter("M-1", "GW-1"), meter("M-2", "GW-1")),
                List.of(link("M-1", "GW-1", 30, true), link("M-2", "GW-1", 10, true), link("M-2", "M-1", 5, false)));
        TopologySnapshot now = new TopologySnapshot(NOW, "GW-1", List.of(GATEWAY, meter("M-1", "GW-1")),
                List.of(link("M-1", "GW-1", 20, true)));

        MeshGraph graph = MeshGraph.of(now, List.of(earlier));

        int silent = graph.indexOf("M-2");
        assertThat(graph.staleNode(silent)).isTrue();
        assertThat(graph.node(silent).routed()).isFalse();
        assertThat(graph.staleNode(graph.indexOf("M-1"))).isFalse();
        assertThat(graph.links()).hasSize(3);
        assertThat(graph.link(0).ageSeconds()).isEqualTo(20);
        assertThat(graph.links().subList(1, 3)).allMatch(MeshGraph.Link::stale);
        assertThat(graph.links().subList(1, 3)).extracting(MeshGraph.Link::ageSeconds).containsExactly(3610L, 3605L);
    }

    @Test
    void namesEveryLinksEndsByTheVeryStringsItsRadiosHoldAndKeepsTheirMeasures() {
        // Ids as a store reads them: each row its own copy of the same characters.
        TopologySnapshot earlier = new TopologySnapshot(EARLIER, "GW-1", List.of(GATEWAY, meter("M-1", "GW-1"),
                meter("M-2", "GW-1")), List.of(link(new String("M-2"), new String("M-1"), 5, false)));
        TopologySnapshot now = new TopologySnapshot(NOW, "GW-1", List.of(GATEWAY, meter("M-1", "GW-1")),
                List.of(link(new String("M-1"), new String("GW-1"), 20, true)));

        MeshGraph graph = MeshGraph.of(now, List.of(earlier));

        assertThat(graph.links()).hasSize(2);
        for (MeshGraph.Link link : graph.links()) {
            assertThat(link.measures().from()).isSameAs(graph.nodeId(link.from()));
            assertThat(link.measures().to()).isSameAs(graph.nodeId(link.to()));
        }
        assertThat(graph.link(0).measures()).isEqualTo(link("M-1", "GW-1", 20, true));
        assertThat(graph.link(1).measures()).isEqualTo(link("M-2", "M-1", 5, false));
        assertThat(graph.link(1)).isEqualTo(graph.links().get(1));
    }

    @Test
    void ignoresSnapshotsLaterThanItsOwn() {
        TopologySnapshot later = new TopologySnapshot(NOW.plusSeconds(60), "GW-1", List.of(GATEWAY,
                meter("M-3", "GW-1")), List.of(link("M-3", "GW-1", 1, true)));
        TopologySnapshot now = new TopologySnapshot(NOW, "GW-1", List.of(GATEWAY), List.of());

        MeshGraph graph = MeshGraph.of(now, List.of(later));

        assertThat(graph.nodeCount()).isEqualTo(1);
        assertThat(graph.linkCount()).isZero();
    }

    @Test
    void carriesTheLastTablesForwardUnderRoutesFromTheHistoryAndLeavesAFormerRouteStale() {
        TopologySnapshot.Node m3 = new TopologySnapshot.Node("M-3", -1.281, 36.821, 2, 768, "M-1", List.of());
        TopologySnapshot tables = new TopologySnapshot(EARLIER, "GW-1",
                List.of(GATEWAY, meter("M-1", "GW-1"), meter("M-2", "GW-1"), m3),
                List.of(link("M-1", "GW-1", 30, true), link("M-2", "GW-1", 10, true), link("M-2", "M-1", 5, false),
                        link("M-3", "M-1", 5, true), link("M-3", "GW-1", 5, false)));
        TopologySnapshot.Node m2 = new TopologySnapshot.Node("M-2", -1.281, 36.821, 2, 768, "M-1", List.of());
        TopologySnapshot routes = new TopologySnapshot(NOW, "GW-1", List.of(GATEWAY, meter("M-1", "GW-1"), m2, m3),
                List.of(link("M-1", "GW-1", 20, true), link("M-2", "M-1", 0, true), link("M-3", "M-1", 0, true)));

        MeshGraph routesOnly = MeshGraph.of(routes, List.of(tables));
        MeshGraph carried = MeshGraph.ofRoutes(routes, tables, List.of(tables));

        assertThat(SinglePointsOfFailure.find(routesOnly, LinkQuality.DEFAULTS, Map.of(), Map.of()))
                .singleElement().extracting(SinglePointsOfFailure.PointOfFailure::cutOff).asList()
                .containsExactlyInAnyOrder("M-2", "M-3");
        assertThat(SinglePointsOfFailure.find(carried, LinkQuality.DEFAULTS, Map.of(), Map.of()))
                .singleElement().extracting(SinglePointsOfFailure.PointOfFailure::cutOff).asList()
                .containsExactly("M-2");
        MeshGraph.Link carriedEntry = linkOf(carried, "M-3", "GW-1");
        assertThat(carriedEntry.stale()).isFalse();
        assertThat(carriedEntry.measures().preferred()).isFalse();
        assertThat(carriedEntry.ageSeconds()).isEqualTo(3605);
        assertThat(linkOf(carried, "M-2", "GW-1").stale()).as("a parent M-2 has since left").isTrue();
    }

    @Test
    void carriesTablesOfTheSameMomentWholeAndNothingOfAMeterThatLostItsRoute() {
        TopologySnapshot tables = new TopologySnapshot(EARLIER, "GW-1",
                List.of(GATEWAY, meter("M-1", "GW-1"), meter("M-2", "GW-1"), meter("M-3", "GW-1")),
                List.of(link("M-1", "GW-1", 30, true), link("M-2", "GW-1", 10, true), link("M-3", "GW-1", 10, true),
                        link("M-1", "M-2", 5, false), link("M-3", "M-2", 5, false)));
        TopologySnapshot sameMoment = new TopologySnapshot(EARLIER, "GW-1", tables.nodes(), List.of(
                link("M-1", "GW-1", 30, true), link("M-2", "GW-1", 10, true), link("M-3", "GW-1", 10, true)));
        TopologySnapshot.Node down = new TopologySnapshot.Node("M-2", -1.281, 36.821, -1, -1, null, List.of());
        TopologySnapshot later = new TopologySnapshot(NOW, "GW-1",
                List.of(GATEWAY, meter("M-1", "GW-1"), down, meter("M-3", "GW-1")),
                List.of(link("M-1", "GW-1", 30, true), link("M-3", "GW-1", 10, true)));

        MeshGraph atStart = MeshGraph.ofRoutes(sameMoment, tables, List.of());
        MeshGraph afterwards = MeshGraph.ofRoutes(later, tables, List.of(tables));

        assertThat(atStart.links()).filteredOn(link -> !link.stale()).hasSize(5);
        assertThat(afterwards.links()).filteredOn(link -> !link.stale())
                .allMatch(link -> !afterwards.nodeId(link.from()).equals("M-2")
                        && !afterwards.nodeId(link.to()).equals("M-2"));
    }

    private static MeshGraph.Link linkOf(MeshGraph graph, String from, String to) {
        return graph.links().stream().filter(l -> graph.nodeId(l.from()).equals(from)
                && graph.nodeId(l.to()).equals(to)).findFirst().orElseThrow();
    }
}
