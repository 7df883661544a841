package io.gridside.site.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.TopologySnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A day's mesh history written as its document and read back, and rebuilt at any time of the day. */
class MeshDayDocumentTest {

    static final LocalDate DAY = LocalDate.parse("2026-06-01");
    static final Instant START = Instant.parse("2026-05-31T21:00:00Z");

    /** The gateway, meter A under it, and meter B under A or, when {@code bUnderGateway}, under the gateway. */
    static TopologySnapshot mesh(Instant at, boolean bUnderGateway, double rssiOfA) {
        List<TopologySnapshot.Node> nodes = List.of(
                new TopologySnapshot.Node("GW", -1.29, 36.82, 0, 256, null, List.of()),
                new TopologySnapshot.Node("A", -1.2901, 36.8201, 1, 384, "GW", List.of()),
                new TopologySnapshot.Node("B", -1.2902, 36.8202, bUnderGateway ? 1 : 2, bUnderGateway ? 500 : 520,
                        bUnderGateway ? "GW" : "A", List.of(bUnderGateway ? "A" : "GW")));
        List<TopologySnapshot.Link> links = List.of(
                new TopologySnapshot.Link("A", "GW", rssiOfA, rssiOfA - 3, 0.99, 0.98, 1.03, 0, true),
                new TopologySnapshot.Link("B", "A", -80.4, -82.6, 0.9, 0.88, 1.26, 0, !bUnderGateway),
                new TopologySnapshot.Link("B", "GW", -88.0, -86.0, 0.7, 0.75, 1.9, 900, bUnderGateway));
        return new TopologySnapshot(at, "GW", nodes, links);
    }

    static MeshDay day() {
        return new MeshDayBuilder(DAY, mesh(START, false, -70.2))
                .add(mesh(START.plusSeconds(900), false, -70.4))
                .add(mesh(START.plusSeconds(1800), true, -71.6))
                .add(mesh(START.plusSeconds(2700), true, -71.6))
                .build();
    }

    @Test
    void writesAndReadsADayBackToTheSameBytes() {
        byte[] document = MeshDayDocument.encode(day());

        MeshDay read = MeshDayDocument.decode(document);

        assertThat(MeshDayDocument.encode(read)).isEqualTo(document);
        assertThat(read.steps()).hasSize(3);
        assertThat(read.start()).isEqualTo(day().start());
    }

    @Test
    void keepsOnlyWhatChangedAtTheHistorysResolution() {
        MeshDay day = day();

        assertThat(day.steps().get(0).routes()).isEmpty();
        assertThat(day.steps().get(0).samples()).isEmpty();
        assertThat(day.steps().get(1).routes()).containsExactly(new MeshDay.RouteChange("B", "GW", 244));
        assertThat(day.steps().get(1).samples()).extracting(MeshDay.LinkSample::from).containsExactly("A", "B");
        assertThat(day.steps().get(2).routes()).isEmpty();
        assertThat(day.steps().get(2).samples()).isEmpty();
    }

    @Test
    void rebuildsEachQuarterHoursRoutesAndLinksInUse() {
        MeshDay day = MeshDayDocument.decode(MeshDayDocument.encode(day()));

        TopologySnapshot early = day.meshAt(START.plusSeconds(1799));
        TopologySnapshot late = day.meshAt(START.plusSeconds(86_399));

        assertThat(early.at()).isEqualTo(START.plusSeconds(900));
        assertThat(early.nodes()).extracting(TopologySnapshot.Node::id, TopologySnapshot.Node::parentId,
                TopologySnapshot.Node::hops, TopologySnapshot.Node::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GW", null, 0, 256),
                        org.assertj.core.groups.Tuple.tuple("A", "GW", 1, 384),
                        org.assertj.core.groups.Tuple.tuple("B", "A", 2, 520));
        assertThat(late.at()).isEqualTo(START.plusSeconds(2700));
        assertThat(late.nodes().get(2)).extracting(TopologySnapshot.Node::parentId, TopologySnapshot.Node::hops,
                TopologySnapshot.Node::rank).containsExactly("GW", 1, 500);
        assertThat(late.links()).extracting(TopologySnapshot.Link::from, TopologySnapshot.Link::to,
                TopologySnapshot.Link::forwardRssiDbm, TopologySnapshot.Link::lastHeardAgeSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "GW", -72.0, 0L),
                        org.assertj.core.groups.Tuple.tuple("B", "GW", -88.0, 900L));
        assertThatThrownBy(() -> day.meshAt(START.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesBytesThatAreNotADocument() {
        assertThatThrownBy(() -> MeshDayDocument.decode(new byte[] {(byte) 0xa1, 0x61, 0x78, 0x01}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a mesh history");
    }
}
