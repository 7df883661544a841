package io.gridside.console.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.TopologySnapshot;
import io.gridside.site.TopologySnapshot.Link;
import io.gridside.site.TopologySnapshot.Node;
import io.gridside.site.history.MeshDay;
import io.gridside.site.history.MeshDay.LinkSample;
import io.gridside.site.history.MeshDay.RouteChange;
import io.gridside.site.history.MeshDay.Step;
import io.gridside.site.mesh.LinkGrade;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One meter's radio read from hand-made meshes: a gateway G, meter A under it, meter B under A, meter C that names
 * B in its table though B does not name C, and meter E without a route; plus an earlier snapshot in which B sent
 * straight to G.
 */
class MeterRadiosTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-06-02T09:00:00Z");
    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    private static final LocalDate JUNE_2 = LocalDate.of(2026, 6, 2);
    private static final Instant DAY_1 = Instant.parse("2026-05-31T21:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-06-01T21:00:00Z");

    private static Node gateway() {
        return new Node("G", 0, 0, 0, 0, null, List.of());
    }

    private static Node meter(String id, int hops, String parent) {
        return new Node(id, 0.001 * hops, 0.001, hops, hops < 0 ? -1 : 256 * hops, parent, List.of());
    }

    private static MeshGraph graph() {
        TopologySnapshot now = new TopologySnapshot(NOW, "G",
                List.of(gateway(), meter("A", 1, "G"), meter("B", 2, "A"), meter("C", 3, "B"), meter("E", -1, null)),
                List.of(new Link("A", "G", -60, -62, 0.99, 0.98, 1.05, 10, true),
                        new Link("B", "A", -85, -70, 0.90, 0.97, 1.4, 30, true),
                        new Link("A", "B", -71, -84, 0.97, 0.91, 1.4, 30, false),
                        new Link("C", "B", -95, -80, 0.60, 0.96, 2.8, 45, true)));
        TopologySnapshot earlier = new TopologySnapshot(EARLIER, "G",
                List.of(gateway(), meter("A", 1, "G"), meter("B", 1, "G")),
                List.of(new Link("B", "G", -91, -89, 0.7, 0.75, 2.0, 60, true)));
        return MeshGraph.of(now, List.of(earlier));
    }

    @Test
    void measuresEachNeighbourBothWaysFromEitherTable() {
        MeterRadio b = MeterRadios.of(graph(), "B", List.of(), LinkQuality.DEFAULTS);

        assertThat(b.neighbours()).extracting(MeterRadio.Neighbour::neighbourId).containsExactly("A", "C", "G");
        MeterRadio.Neighbour a = b.neighbours().get(0);
        assertThat(a.source()).isEqualTo(MeterRadio.Source.BOTH);
        assertThat(a.role()).isEqualTo(MeterRadio.Role.PARENT);
        assertThat(a.links()).hasSize(2);
        assertThat(a.rssiOutDbm()).isEqualTo(-85);
        assertThat(a.rssiInDbm()).isEqualTo(-70);
        assertThat(a.psrOut()).isEqualTo(0.90);
        assertThat(a.psrIn()).isEqualTo(0.97);
        assertThat(a.gradeOut()).isEqualTo(LinkGrade.FAIR);
        assertThat(a.gradeIn()).isEqualTo(LinkGrade.GOOD);
        assertThat(a.grade()).isEqualTo(LinkGrade.FAIR);

        MeterRadio.Neighbour c = b.neighbours().get(1);
        assertThat(c.source()).isEqualTo(MeterRadio.Source.THEIRS);
        assertThat(c.role()).isEqualTo(MeterRadio.Role.CHILD);
        assertThat(c.rssiOutDbm()).as("what C receives of B is C's entry's reverse").isEqualTo(-80);
        assertThat(c.rssiInDbm()).as("what B receives of C is C's entry's forward").isEqualTo(-95);
        assertThat(c.psrOut()).isEqualTo(0.96);
        assertThat(c.psrIn()).isEqualTo(0.60);
        assertThat(c.gradeOut()).isEqualTo(LinkGrade.GOOD);
        assertThat(c.gradeIn()).isEqualTo(LinkGrade.WEAK);
        assertThat(c.etx()).isEqualTo(2.8);
        assertThat(c.ageSeconds()).isEqualTo(45);
        assertThat(c.stale()).isFalse();

        MeterRadio.Neighbour g = b.neighbours().get(2);
        assertThat(g.stale()).as("only yesterday's snapshot knows B -> G").isTrue();
        assertThat(g.source()).isEqualTo(MeterRadio.Source.OWN);
        assertThat(g.ageSeconds()).isEqualTo(60 + 86_400);
    }

    @Test
    void theSameLinkReadFromTheOtherEndSwapsItsDirections() {
        MeterRadio a = MeterRadios.of(graph(), "A", List.of(), LinkQuality.DEFAULTS);

        MeterRadio.Neighbour b = a.neighbours().stream().filter(n -> n.neighbourId().equals("B")).findFirst()
                .orElseThrow();
        assertThat(b.role()).isEqualTo(MeterRadio.Role.CHILD);
        assertThat(b.source()).isEqualTo(MeterRadio.Source.BOTH);
        assertThat(b.rssiOutDbm()).as("A's own entry for B, forward").isEqualTo(-71);
        assertThat(b.rssiInDbm()).isEqualTo(-84);
    }

    @Test
    void followsParentsUpToTheGatewayWithEachHopMeasuredUpAndDown() {
        MeterRadio c = MeterRadios.of(graph(), "C", List.of(), LinkQuality.DEFAULTS);

        assertThat(c.routed()).isTrue();
        assertThat(c.hops()).isEqualTo(3);
        assertThat(c.route()).extracting(MeterRadio.Hop::fromId).containsExactly("C", "B", "A");
        assertThat(c.route()).extracting(MeterRadio.Hop::toId).containsExactly("B", "A", "G");
        MeterRadio.Hop first = c.route().get(0);
        assertThat(first.from()).isEqualTo(graph().indexOf("C"));
        assertThat(first.to()).isEqualTo(graph().indexOf("B"));
        assertThat(graph().link(first.link()).measures().from()).isEqualTo("C");
        assertThat(first.rssiUpDbm()).isEqualTo(-95);
        assertThat(first.rssiDownDbm()).isEqualTo(-80);
        assertThat(first.gradeUp()).isEqualTo(LinkGrade.WEAK);
        assertThat(c.route().get(1).rssiUpDbm()).as("B's own entry for its parent").isEqualTo(-85);
    }

    @Test
    void aMeterWithoutParentHasNoRouteAndTheGatewayNeedsNone() {
        MeshGraph graph = graph();

        MeterRadio e = MeterRadios.of(graph, "E", List.of(), LinkQuality.DEFAULTS);
        MeterRadio g = MeterRadios.of(graph, "G", List.of(), LinkQuality.DEFAULTS);

        assertThat(e.routed()).isFalse();
        assertThat(e.route()).isEmpty();
        assertThat(e.neighbours()).isEmpty();
        assertThat(g.routed()).isTrue();
        assertThat(g.route()).isEmpty();
        assertThat(g.node()).isZero();
    }

    @Test
    void readsParentHistoryInTimeOrderWhateverTheDaysOrder() {
        MeterRadio b = MeterRadios.of(graph(), "B", List.of(dayTwo(), dayOne()), LinkQuality.DEFAULTS);

        assertThat(b.historyDays()).containsExactly(JUNE_1, JUNE_2);
        assertThat(b.parents()).containsExactly(
                new MeterRadio.ParentChange(DAY_1, "A"),
                new MeterRadio.ParentChange(DAY_1.plusSeconds(900), "G"),
                new MeterRadio.ParentChange(DAY_1.plusSeconds(2700), null),
                new MeterRadio.ParentChange(DAY_2, "A"));
    }

    @Test
    void tracesTheSignalOfTheLinkInUseBothWays() {
        MeterRadio b = MeterRadios.of(graph(), "B", List.of(dayOne(), dayTwo()), LinkQuality.DEFAULTS);

        assertThat(b.signal()).containsExactly(
                new MeterRadio.SignalPoint(DAY_1, "A", -85, -70),
                new MeterRadio.SignalPoint(DAY_1.plusSeconds(900), "G", -92, -88),
                new MeterRadio.SignalPoint(DAY_2, "A", -80, -69),
                new MeterRadio.SignalPoint(DAY_2.plusSeconds(900), "A", -83, -71));
    }

    @Test
    void showsNothingOfTheHistoryAfterTheGraphsMoment() {
        TopologySnapshot then = new TopologySnapshot(DAY_1.plusSeconds(1200), "G",
                List.of(gateway(), meter("A", 1, "G"), meter("B", 1, "G")),
                List.of(new Link("B", "G", -92, -88, 0.7, 0.75, 2.0, 5, true)));

        MeterRadio b = MeterRadios.of(MeshGraph.of(then), "B", List.of(dayOne(), dayTwo()), LinkQuality.DEFAULTS);

        assertThat(b.historyDays()).containsExactly(JUNE_1);
        assertThat(b.parents()).extracting(MeterRadio.ParentChange::parentId).containsExactly("A", "G");
        assertThat(b.signal()).hasSize(2);
    }

    @Test
    void withoutHistoryHasNoParentsNorSignal() {
        MeterRadio b = MeterRadios.of(graph(), "B", List.of(), LinkQuality.DEFAULTS);

        assertThat(b.hasHistory()).isFalse();
        assertThat(b.parents()).isEmpty();
        assertThat(b.signal()).isEmpty();
    }

    @Test
    void refusesAMeterTheMeshDoesNotHave() {
        assertThatThrownBy(() -> MeterRadios.of(graph(), "Z", List.of(), LinkQuality.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Z");
    }

    /** B under A at the start; at 00:15 B moves to G; at 00:30 A's sample changes; at 00:45 B loses its route. */
    private static MeshDay dayOne() {
        TopologySnapshot start = new TopologySnapshot(DAY_1, "G",
                List.of(gateway(), meter("A", 1, "G"), meter("B", 2, "A")),
                List.of(new Link("A", "G", -60, -62, 0.99, 0.98, 1.05, 10, true),
                        new Link("B", "A", -85, -70, 0.90, 0.97, 1.4, 30, true)));
        return new MeshDay(JUNE_1, "G", start, List.of(
                new Step(DAY_1.plusSeconds(900), List.of(new RouteChange("B", "G", 256)),
                        List.of(new LinkSample("B", "G", -92, -88, 700, 750, 200, 5))),
                new Step(DAY_1.plusSeconds(1800), List.of(),
                        List.of(new LinkSample("A", "G", -65, -63, 990, 980, 105, 5))),
                new Step(DAY_1.plusSeconds(2700), List.of(new RouteChange("B", null, 0)), List.of())));
    }

    /** B back under A at the start; its link drifts at 00:15; A changes nothing of B's. */
    private static MeshDay dayTwo() {
        TopologySnapshot start = new TopologySnapshot(DAY_2, "G",
                List.of(gateway(), meter("A", 1, "G"), meter("B", 2, "A")),
                List.of(new Link("A", "G", -60, -62, 0.99, 0.98, 1.05, 10, true),
                        new Link("B", "A", -80, -69, 0.95, 0.97, 1.2, 30, true)));
        return new MeshDay(JUNE_2, "G", start, List.of(
                new Step(DAY_2.plusSeconds(900), List.of(new RouteChange("A", "G", 256)),
                        List.of(new LinkSample("B", "A", -83, -71, 930, 960, 130, 5)))));
    }
}
