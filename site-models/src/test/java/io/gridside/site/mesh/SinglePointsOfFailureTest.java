package io.gridside.site.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.TopologySnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The meters whose loss cuts others off, on links usable upward only, with the customers and revenue cut off. */
class SinglePointsOfFailureTest {

    private static final LinkQuality QUALITY = LinkQuality.DEFAULTS;

    @Test
    void aRelayAloneBetweenMetersAndTheGatewayCutsThemOffWithTheirCustomersAndRevenue() {
        MeshGraph graph = Meshes.withMeters("M-1", "M-2", "M-3", "M-4")
                .good("M-1", "GW").good("M-2", "M-1").good("M-3", "M-1").good("M-4", "M-2").good("M-4", "M-3")
                .graph();
        Map<String, String> customers = Map.of("M-2", "C-2", "M-3", "C-3", "M-4", "C-2");
        Map<String, Long> revenue = Map.of("C-2", 150L, "C-3", 40L);

        List<SinglePointsOfFailure.PointOfFailure> points =
                SinglePointsOfFailure.find(graph, QUALITY, customers, revenue);

        assertThat(points).containsExactly(new SinglePointsOfFailure.PointOfFailure("M-1", graph.indexOf("M-1"),
                List.of("M-2", "M-3", "M-4"), 2, 190));
    }

    @Test
    void aLinkUsableOnlyDownwardDoesNotSaveTheMeterBehindIt() {
        MeshGraph graph = Meshes.withMeters("M-1", "M-2")
                .good("M-1", "GW").good("M-2", "M-1")
                .link("M-2", "GW", -99, -70, 0.3, 0.95, 6.0)
                .graph();

        List<SinglePointsOfFailure.PointOfFailure> points = SinglePointsOfFailure.find(graph, QUALITY, Map.of(),
                Map.of());

        assertThat(points).extracting(SinglePointsOfFailure.PointOfFailure::meterId).containsExactly("M-1");
        assertThat(points.get(0).cutOff()).containsExactly("M-2");
        assertThat(points.get(0).customers()).isZero();
    }

    @Test
    void theNeighboursEntryForAMeterGivesItNoRouteOfItsOwn() {
        MeshGraph graph = Meshes.withMeters("M-1", "M-2")
                .good("M-1", "GW").good("M-2", "M-1").good("GW", "M-2")
                .graph();

        assertThat(SinglePointsOfFailure.find(graph, QUALITY, Map.of(), Map.of()))
                .extracting(SinglePointsOfFailure.PointOfFailure::meterId).containsExactly("M-1");
    }

    @Test
    void aMeterWithTwoIndependentRoutesHasNoSinglePointOfFailure() {
        MeshGraph graph = Meshes.withMeters("M-1", "M-2", "M-3")
                .good("M-1", "GW").good("M-2", "GW").good("M-3", "M-1").good("M-3", "M-2")
                .graph();

        assertThat(SinglePointsOfFailure.find(graph, QUALITY, Map.of(), Map.of())).isEmpty();
    }

    @Test
    void metersAlreadyWithoutARouteAreListedApartAndCutOffByNoOne() {
        TopologySnapshot earlier = Meshes.withMeters("M-1", "M-2", "M-9").good("M-9", "M-1").snapshot();
        TopologySnapshot now = Meshes.withMeters("M-1", "M-2", "M-3")
                .good("M-1", "GW").good("M-3", "M-2").link("M-2", "GW", -104, -103, 0.2, 0.2, 9.0)
                .snapshot();
        MeshGraph graph = MeshGraph.of(now, List.of(new TopologySnapshot(now.at().minusSeconds(600), "GW",
                earlier.nodes(), earlier.links())));

        assertThat(SinglePointsOfFailure.find(graph, QUALITY, Map.of(), Map.of())).isEmpty();
        assertThat(SinglePointsOfFailure.unreachable(graph, QUALITY)).containsExactly("M-2", "M-3");
    }

    @Test
    void theLargestCutComesFirst() {
        MeshGraph graph = Meshes.withMeters("A", "B", "C", "D", "E")
                .good("A", "GW").good("B", "A").good("C", "GW").good("D", "C").good("E", "D")
                .graph();

        assertThat(SinglePointsOfFailure.find(graph, QUALITY, Map.of(), Map.of()))
                .extracting(point -> point.meterId() + ":" + point.cutOff().size())
                .containsExactly("C:2", "A:1", "D:1");
    }
}
