package io.gridside.site.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.TopologySnapshot;
import io.gridside.site.sync.TopologyCompact.Detail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyCompactSyncTest {

    private static final Instant AT = Instant.parse("2026-06-01T06:15:00Z");

    private static TopologySnapshot snapshot() {
        return new TopologySnapshot(AT, "GW-1",
                List.of(new TopologySnapshot.Node("GW-1", -1.29, 36.82, 0, 256, null, List.of()),
                        new TopologySnapshot.Node("m-1", -1.300001, 36.830002, 1, 600, "GW-1", List.of("m-9"),
                                "mtr-3.2.0", 7),
                        new TopologySnapshot.Node("m-2", -1.31, 36.84, 2, 900, "m-1", List.of("GW-1", "m-1"))),
                List.of(new TopologySnapshot.Link("m-1", "GW-1", -71.25, -80.5, 0.97, 0.61, 1.69, 30, true),
                        new TopologySnapshot.Link("m-2", "m-1", -90.3, -88.8, 0.9994, 1.0, 1.0312, 0, false)));
    }

    /** {@link #snapshot()} as version 2 encoded it with its links, before version 3. */
    private static final String VERSION_2 = "Anty7MsFNgYW93BdQ2YImQvGRoyNTAwMTDdZGBkZgFxL5lZ2JiZGJgbO3JIiXWM9I"
            + "z0DBgYOBsb5e+YyHrwxj/H+l/mMBy70KT9506/c0DlRGaSUcTbTSyZVNhumHjYGBjY5BkYGAA==";

    @Test
    void theWeeksFirstSnapshotKeepsRoutesExactlyAndEveryLinkQuantised() {
        TopologySnapshot decoded = TopologyCompact.decode(TopologyCompact.encode(snapshot(), Detail.WEEK));

        assertThat(decoded.nodes()).isEqualTo(snapshot().nodes());
        assertThat(decoded.at()).isEqualTo(AT);
        assertThat(decoded.links()).containsExactly(
                new TopologySnapshot.Link("m-1", "GW-1", -71.0, -80.0, 0.97, 0.61, 1.7, 60, true),
                new TopologySnapshot.Link("m-2", "m-1", -90.0, -89.0, 1.0, 1.0, 1.0, 0, false));
    }

    @Test
    void theDaysFirstSnapshotCarriesTheLinksOfRoutesAndFallbacksOnly() {
        List<TopologySnapshot.Link> links = List.of(snapshot().links().get(0), snapshot().links().get(1),
                new TopologySnapshot.Link("m-2", "m-7", -95.0, -96.0, 0.5, 0.5, 4.0, 0, false),
                new TopologySnapshot.Link("GW-1", "m-2", -99.0, -97.0, 0.3, 0.4, 8.3, 0, false));
        List<TopologySnapshot.Node> nodes = new ArrayList<>(snapshot().nodes());
        nodes.add(new TopologySnapshot.Node("m-7", -1.32, 36.85, 1, 700, "GW-1", List.of()));
        TopologySnapshot withStrangers = new TopologySnapshot(AT, "GW-1", nodes, links);

        TopologySnapshot decoded = TopologyCompact.decode(TopologyCompact.encode(withStrangers, Detail.DAY));

        assertThat(decoded.links()).extracting(TopologySnapshot.Link::from, TopologySnapshot.Link::to)
                .containsExactly(tuple("m-1", "GW-1"), tuple("m-2", "m-1"), tuple("GW-1", "m-2"));
        assertThat(decoded.nodes().get(2).alternates()).containsExactly("GW-1", "m-1");
        assertThat(decoded.nodes().get(1).firmware()).isEqualTo("mtr-3.2.0");
        assertThat(decoded.nodes().get(1).latitude()).isZero();
    }

    @Test
    void aLaterSnapshotOfTheDayCarriesRoutesOnly() {
        TopologySnapshot decoded = TopologyCompact.decode(TopologyCompact.encode(snapshot(), Detail.ROUTES));

        assertThat(decoded.links()).isEmpty();
        assertThat(decoded.nodes()).extracting(TopologySnapshot.Node::parentId).containsExactly(null, "GW-1", "m-1");
        assertThat(decoded.nodes()).extracting(TopologySnapshot.Node::rank).containsExactly(256, 600, 900);
        assertThat(decoded.nodes().get(1).alternates()).isEmpty();
        assertThat(decoded.nodes().get(1).firmware()).isNull();
        assertThat(decoded.nodes().get(1).trafficPerHour()).isEqualTo(TopologySnapshot.Node.TRAFFIC_UNKNOWN);
        assertThat(TopologyCompact.encode(snapshot(), Detail.ROUTES).length)
                .isLessThan(TopologyCompact.encode(snapshot(), Detail.DAY).length);
    }

    @Test
    void aVersionTwoSnapshotIsStillRead() {
        TopologySnapshot decoded = TopologyCompact.decode(Base64.getDecoder().decode(VERSION_2));

        assertThat(decoded.nodes()).isEqualTo(snapshot().nodes());
        assertThat(decoded.links()).containsExactly(
                new TopologySnapshot.Link("m-1", "GW-1", -71.0, -80.5, 0.97, 0.61, 1.69, 30, true),
                new TopologySnapshot.Link("m-2", "m-1", -90.5, -89.0, 0.999, 1.0, 1.03, 0, false));
    }

    @Test
    void aLinkTheOtherWayWithTheSameValuesIsLeftOutAndRebuilt() {
        List<TopologySnapshot.Link> links = List.of(
                new TopologySnapshot.Link("m-1", "m-2", -70.0, -75.0, 0.9, 0.8, 1.4, 0, true),
                new TopologySnapshot.Link("m-1", "GW-1", -72.0, -71.0, 0.0, 1.0, 9.5, 60, false),
                new TopologySnapshot.Link("m-2", "m-1", -75.0, -70.0, 0.8, 0.9, 1.4, 900, false),
                new TopologySnapshot.Link("GW-1", "m-1", -71.0, -72.0, 1.0, 0.0, 9.5, 0, true));
        TopologySnapshot snapshot = new TopologySnapshot(AT, "GW-1", snapshot().nodes(), links);
        TopologySnapshot otherWayDiffers = new TopologySnapshot(AT, "GW-1", snapshot().nodes(),
                List.of(links.get(0), links.get(1),
                        new TopologySnapshot.Link("m-2", "m-1", -75.0, -71.0, 0.8, 0.9, 1.4, 900, false),
                        links.get(3)));

        assertThat(TopologyCompact.decode(TopologyCompact.encode(snapshot, Detail.WEEK)).links()).isEqualTo(links);
        assertThat(TopologyCompact.decode(TopologyCompact.encode(otherWayDiffers, Detail.WEEK)).links())
                .isEqualTo(otherWayDiffers.links());
        assertThat(TopologyCompact.encode(snapshot, Detail.WEEK).length)
                .isLessThan(TopologyCompact.encode(otherWayDiffers, Detail.WEEK).length);
    }

    @Test
    void bytesThatAreNoSnapshotAreRefused() {
        byte[] bytes = TopologyCompact.encode(snapshot(), Detail.WEEK);
        assertThatThrownBy(() -> TopologyCompact.decode(new byte[] {4, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopologyCompact.decode(java.util.Arrays.copyOf(bytes, 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
