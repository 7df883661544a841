package io.gridside.site.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.TopologySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each direction of a link is graded on its own, and a meter sends upward only where both directions work. */
class LinkQualityTest {

    private static final LinkQuality QUALITY = LinkQuality.DEFAULTS;

    private static MeshGraph.Link link(double forwardRssi, double reverseRssi, double forwardPsr, double reversePsr,
            double etx, boolean stale) {
        return new MeshGraph.Link(1, 0, new TopologySnapshot.Link("M-1", "GW", forwardRssi, reverseRssi, forwardPsr,
                reversePsr, etx, 5, false), 5, stale);
    }

    @Test
    void gradesByTheWorseOfSignalAndPacketSuccess() {
        assertThat(QUALITY.grade(-60, 0.99)).isEqualTo(LinkGrade.GOOD);
        assertThat(QUALITY.grade(-80, 0.99)).isEqualTo(LinkGrade.GOOD);
        assertThat(QUALITY.grade(-88, 0.99)).isEqualTo(LinkGrade.FAIR);
        assertThat(QUALITY.grade(-60, 0.9)).isEqualTo(LinkGrade.FAIR);
        assertThat(QUALITY.grade(-97, 0.99)).isEqualTo(LinkGrade.WEAK);
        assertThat(QUALITY.grade(-60, 0.6)).isEqualTo(LinkGrade.WEAK);
        assertThat(QUALITY.grade(-101, 0.99)).isEqualTo(LinkGrade.WEAK);
        assertThat(QUALITY.grade(-105, 0.99)).isEqualTo(LinkGrade.UNUSABLE);
        assertThat(QUALITY.grade(-60, 0.4)).isEqualTo(LinkGrade.UNUSABLE);
    }

    @Test
    void gradesEachDirectionFromItsOwnMeasures() {
        MeshGraph.Link link = link(-70, -95, 0.99, 0.7, 1.6, false);

        assertThat(QUALITY.forward(link)).isEqualTo(LinkGrade.GOOD);
        assertThat(QUALITY.reverse(link)).isEqualTo(LinkGrade.WEAK);
        assertThat(QUALITY.worse(link)).isEqualTo(LinkGrade.WEAK);
    }

    @Test
    void aMeterSendsUpwardOnlyWhereItIsHeardAndHearsTheAcknowledgement() {
        assertThat(QUALITY.usableUpward(link(-95, -95, 0.6, 0.6, 2.8, false))).isTrue();
        assertThat(QUALITY.usableUpward(link(-70, -70, 0.99, 0.4, 2.6, false))).isFalse();
        assertThat(QUALITY.usableUpward(link(-105, -70, 0.9, 0.99, 1.2, false))).isFalse();
    }

    @Test
    void aStaleLinkIsNeverUsable() {
        assertThat(QUALITY.usableUpward(link(-60, -60, 1, 1, 1, true))).isFalse();
    }

    @Test
    void aLinkIsWeakByADirectionOrByItsEtx() {
        assertThat(QUALITY.weak(link(-70, -70, 0.99, 0.99, 1.1, false))).isFalse();
        assertThat(QUALITY.weak(link(-70, -96, 0.99, 0.99, 1.1, false))).isTrue();
        assertThat(QUALITY.weak(link(-70, -70, 0.99, 0.99, 2.6, false))).isTrue();
    }

    @Test
    void saysWhichWayALinkWorks() {
        assertThat(QUALITY.oneWayReason(link(-70, -72, 0.99, 0.98, 1.03, false))).isNull();
        assertThat(QUALITY.oneWayReason(link(-70, -72, 0.99, 0.2, 5, false))).isEqualTo("only forward usable: GW "
                + "hears M-1, but what M-1 receives back is under 50 % of packets (-72.00 dBm, 20.0 % of packets)");
        assertThat(QUALITY.oneWayReason(link(-105, -72, 0.9, 0.98, 1.2, false))).isEqualTo("only reverse usable: "
                + "M-1 hears GW, but what GW receives of it is below -104 dBm (-105.00 dBm, 90.0 % of packets)");
        assertThat(QUALITY.oneWayReason(link(-70, -84, 0.99, 0.98, 1.03, false)))
                .isEqualTo("signal 14 dB stronger forward than reverse");
        assertThat(QUALITY.oneWayReason(link(-104, -103, 0.2, 0.2, 9, false))).isNull();
    }

    @Test
    void refusesThresholdsOutOfOrder() {
        assertThatThrownBy(() -> new LinkQuality(-80, -88, -78, 0.5, 0.8, 0.95, 2.5, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signal thresholds");
        assertThatThrownBy(() -> new LinkQuality(-100, -88, -78, 0.9, 0.8, 0.95, 2.5, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("packet success");
    }

    @Test
    void listsWeakAndOneWayCurrentLinksWithTheirMeasuresAndReasons() {
        MeshGraph graph = Meshes.withMeters("M-1", "M-2", "M-3")
                .good("M-1", "GW").link("M-2", "GW", -96, -97, 0.9, 0.85, 1.4).link("M-3", "GW", -70, -85, 0.99,
                        0.97, 1.05)
                .link("M-3", "M-1", -75, -103, 0.95, 0.1, 8.0)
                .asRoutes()
                .graph();

        assertThat(WeakLinks.find(graph, QUALITY)).extracting(finding -> finding.from() + ">" + finding.to()
                + ": " + finding.reason())
                .containsExactly("M-3>M-1: reverse unusable, ETX 8.0 above 2.5",
                        "M-2>GW: forward weak, reverse weak");
        assertThat(OneWayLinks.find(graph, QUALITY)).extracting(LinkFinding::from, LinkFinding::to)
                .containsExactly(tuple("M-3", "GW"),
                        tuple("M-3", "M-1"));
        LinkFinding finding = WeakLinks.find(graph, QUALITY).get(0);
        assertThat(finding).isEqualTo(new LinkFinding(3, "M-3", "M-1", -75, -103, 0.95, 0.1, 8.0, 12,
                "reverse unusable, ETX 8.0 above 2.5"));
    }

    @Test
    void listsOnlyLinksToAPreferredOrAlternateParent() {
        TopologySnapshot.Node withAlternate = new TopologySnapshot.Node("M-3", -1.281, 36.821, 1, 512, "GW",
                List.of("M-1"));
        TopologySnapshot.Node gateway = new TopologySnapshot.Node("GW", -1.28, 36.82, 0, 256, null, List.of());
        TopologySnapshot.Node meter1 = new TopologySnapshot.Node("M-1", -1.281, 36.821, 1, 512, "GW", List.of());
        TopologySnapshot.Node meter2 = new TopologySnapshot.Node("M-2", -1.281, 36.821, 1, 512, "GW", List.of());
        List<TopologySnapshot.Link> links = List.of(
                new TopologySnapshot.Link("M-2", "M-1", -97, -98, 0.9, 0.9, 1.4, 12, false),
                new TopologySnapshot.Link("M-3", "M-1", -97, -70, 0.9, 0.99, 1.4, 12, false),
                new TopologySnapshot.Link("M-2", "GW", -75, -72, 0.99, 0.99, 1.1, 12, true));
        MeshGraph graph = MeshGraph.of(new TopologySnapshot(Meshes.NOW, "GW",
                List.of(gateway, meter1, meter2, withAlternate), links));

        assertThat(WeakLinks.find(graph, QUALITY)).extracting(LinkFinding::from, LinkFinding::to)
                .containsExactly(tuple("M-3", "M-1"));
        assertThat(OneWayLinks.find(graph, QUALITY)).extracting(LinkFinding::from, LinkFinding::to)
                .containsExactly(tuple("M-3", "M-1"));
    }

    @Test
    void leavesStaleLinksOutOfTheLists() {
        TopologySnapshot earlier = Meshes.withMeters("M-1").link("M-1", "GW", -99, -70, 0.6, 0.2, 7).snapshot();
        TopologySnapshot now = Meshes.withMeters("M-1").snapshot();
        MeshGraph graph = MeshGraph.of(now, List.of(new TopologySnapshot(now.at().minusSeconds(60), "GW",
                earlier.nodes(), earlier.links())));

        assertThat(graph.link(0).stale()).isTrue();
        assertThat(WeakLinks.find(graph, QUALITY)).isEmpty();
        assertThat(OneWayLinks.find(graph, QUALITY)).isEmpty();
    }

    @Test
    void aSingleRouteIsOneUsableNeighbourUpwardAndNoneIsNotOne() {
        MeshGraph graph = Meshes.withMeters("M-1", "M-2", "M-3", "M-4")
                .good("M-1", "GW").good("M-2", "GW").good("M-2", "M-1")
                .good("M-3", "M-2").link("M-3", "M-1", -70, -72, 0.99, 0.3, 3.5)
                .link("M-4", "GW", -104, -104, 0.1, 0.1, 9)
                .graph();

        assertThat(SingleRouteMeters.find(graph, QUALITY)).containsExactly(
                new SingleRouteMeters.SingleRoute("M-1", 1, "GW"),
                new SingleRouteMeters.SingleRoute("M-3", 3, "M-2"));
    }
}
