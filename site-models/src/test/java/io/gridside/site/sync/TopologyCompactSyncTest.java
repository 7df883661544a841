package io.gridside.site.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.TopologySnapshot;
import java.time.Instant;
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

    @Test
    void theDaysFirstSnapshotKeepsRoutesExactlyAndLinksQuantised() {
        TopologySnapshot decoded = TopologyCompact.decode(TopologyCompact.encode(snapshot(), true));

        assertThat(decoded.nodes()).isEqualTo(snapshot().nodes());
        assertThat(decoded.at()).isEqualTo(AT);
        assertThat(decoded.links()).containsExactly(
                new TopologySnapshot.Link("m-1", "GW-1", -71.0, -80.5, 0.97, 0.61, 1.69, 30, true),
                new TopologySnapshot.Link("m-2", "m-1", -90.5, -89.0, 0.999, 1.0, 1.03, 0, false));
    }

    @Test
    void aLaterSnapshotOfTheDayCarriesRoutesOnly() {
        TopologySnapshot decoded = TopologyCompact.decode(TopologyCompact.encode(snapshot(), false));

        assertThat(decoded.links()).isEmpty();
        assertThat(decoded.nodes()).extracting(TopologySnapshot.Node::parentId).containsExactly(null, "GW-1", "m-1");
        assertThat(decoded.nodes().get(1).alternates()).containsExactly("m-9");
        assertThat(decoded.nodes().get(1).latitude()).isZero();
        assertThat(TopologyCompact.encode(snapshot(), false).length)
                .isLessThan(TopologyCompact.encode(snapshot(), true).length);
    }

    @Test
    void aLinkTheOtherWayWithTheSameValuesIsLeftOutAndRebuilt() {
        List<TopologySnapshot.Link> links = List.of(
                new TopologySnapshot.Link("m-1", "m-2", -70.0, -75.5, 0.9, 0.8, 1.39, 0, true),
                new TopologySnapshot.Link("m-1", "GW-1", -72.0, -71.0, 0.0, 1.0, 9.5, 60, false),
                new TopologySnapshot.Link("m-2", "m-1", -75.5, -70.0, 0.8, 0.9, 1.39, 900, false),
                new TopologySnapshot.Link("GW-1", "m-1", -71.0, -72.5, 1.0, 0.0, 9.5, 0, true));
        TopologySnapshot snapshot = new TopologySnapshot(AT, "GW-1", snapshot().nodes(), links);
        TopologySnapshot otherWayDiffers = new TopologySnapshot(AT, "GW-1", snapshot().nodes(),
                List.of(links.get(0), links.get(1),
                        new TopologySnapshot.Link("m-2", "m-1", -75.5, -70.5, 0.8, 0.9, 1.39, 900, false),
                        links.get(3)));

        assertThat(TopologyCompact.decode(TopologyCompact.encode(snapshot, true)).links()).isEqualTo(links);
        assertThat(TopologyCompact.decode(TopologyCompact.encode(otherWayDiffers, true)).links())
                .isEqualTo(otherWayDiffers.links());
        assertThat(TopologyCompact.encode(snapshot, true).length)
                .isLessThan(TopologyCompact.encode(otherWayDiffers, true).length);
    }

    @Test
    void bytesThatAreNoSnapshotAreRefused() {
        byte[] bytes = TopologyCompact.encode(snapshot(), true);
        assertThatThrownBy(() -> TopologyCompact.decode(new byte[] {3, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopologyCompact.decode(java.util.Arrays.copyOf(bytes, 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
