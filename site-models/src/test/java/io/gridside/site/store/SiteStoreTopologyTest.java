package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.Reading;
import io.gridside.site.TopologySnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mesh snapshots kept in the site store: stored once per moment, read back whole, found by the nearest time. */
class SiteStoreTopologyTest {

    private static final Instant T0 = Instant.parse("2026-06-01T18:00:00Z");
    private static final Instant T1 = T0.plus(Reading.INTERVAL);
    private static final Instant T2 = T1.plus(Reading.INTERVAL);

    @TempDir
    Path dir;

    @Test
    void readsASnapshotBackWithBothDirectionsOfEveryLink() {
        TopologySnapshot snapshot = snapshot(T0, "GW-1");

        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.insertTopology(snapshot)).isTrue();
        }

        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.topologyNearest(T0)).contains(snapshot);
            TopologySnapshot.Link link = store.topologyNearest(T0).orElseThrow().links().get(0);
            assertThat(link.forwardRssiDbm()).isEqualTo(-71.25);
            assertThat(link.reverseRssiDbm()).isEqualTo(-80.5);
            assertThat(link.forwardPsr()).isEqualTo(0.97);
            assertThat(link.reversePsr()).isEqualTo(0.61);
        }
    }

    @Test
    void readsEveryLinksEndsAsTheVeryStringsOfItsRadiosIds() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertTopology(snapshot(T0, "GW-1"));

            TopologySnapshot read = store.topologyNearest(T0).orElseThrow();
            Map<String, String> ids = new HashMap<>();
            read.nodes().forEach(node -> ids.put(node.id(), node.id()));
            assertThat(read.links()).isNotEmpty();
            for (TopologySnapshot.Link link : read.links()) {
                assertThat(link.from()).isSameAs(ids.get(link.from()));
                assertThat(link.to()).isSameAs(ids.get(link.to()));
            }
        }
    }

    @Test
    void storesOneSnapshotPerMoment() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.insertTopology(snapshot(T0, "M-2"))).isTrue();
            assertThat(store.insertTopology(snapshot(T0, "GW-1"))).isFalse();

            assertThat(store.topologyTimes()).containsExactly(T0);
            assertThat(store.holdsTopology(T0)).isTrue();
            assertThat(store.holdsTopology(T1)).isFalse();
            assertThat(store.topologyNearest(T0).orElseThrow().nodes().get(1).parentId()).isEqualTo("M-2");
        }
    }

    @Test
    void findsTheSnapshotNearestATimeOnEitherSide() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.topologyNearest(T1)).isEmpty();
            store.insertTopology(snapshot(T2, "GW-1"));
            store.insertTopology(snapshot(T0, "GW-1"));

            assertThat(store.topologyTimes()).containsExactly(T0, T2);
            assertThat(store.topologyNearest(T0.minusSeconds(3_600)).orElseThrow().at()).isEqualTo(T0);
            assertThat(store.topologyNearest(T1.minusSeconds(1)).orElseThrow().at()).isEqualTo(T0);
            assertThat(store.topologyNearest(T1).orElseThrow().at()).isEqualTo(T0);
            assertThat(store.topologyNearest(T1.plusSeconds(1)).orElseThrow().at()).isEqualTo(T2);
            assertThat(store.topologyNearest(T2.plusSeconds(86_400)).orElseThrow().at()).isEqualTo(T2);
        }
    }

    @Test
    void migratesAVersionThreeDatabaseAndKeepsItsReadings() throws SQLException {
        Path file = dir.resolve("site.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            Migrations.migrate(connection, 3);
            statement.execute("INSERT INTO reading (meter_id, interval_start, energy_wh, register_wh) "
                    + "VALUES ('M-1', " + T0.getEpochSecond() + ", 120, 10120)");
            assertThat(Migrations.currentVersion(connection)).isEqualTo(3);
        }

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(store.readings(T0, T1)).containsExactly(new Reading("M-1", T0, 120, 10_120));
            assertThat(store.topologyTimes()).isEmpty();
            assertThat(store.insertTopology(snapshot(T0, "GW-1"))).isTrue();
            assertThat(store.topologyNearest(T0)).contains(snapshot(T0, "GW-1"));
        }
    }

    @Test
    void readsEachRadiosFirmwareAndTrafficBackAndUnknownAsUnknown() {
        TopologySnapshot plain = snapshot(T0, "GW-1");
        List<TopologySnapshot.Node> nodes = List.of(plain.nodes().get(0).withRadioFacts("gw-sim-2.4.1", 960),
                plain.nodes().get(1).withRadioFacts("mtr-3.2.0", 0), plain.nodes().get(2),
                plain.nodes().get(3).withRadioFacts(null, 312), plain.nodes().get(4).withRadioFacts("mtr-2.9.7", -1));
        TopologySnapshot snapshot = new TopologySnapshot(T0, "GW-1", nodes, plain.links());

        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            store.insertTopology(snapshot);
        }

        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            TopologySnapshot read = store.topologyNearest(T0).orElseThrow();
            assertThat(read).isEqualTo(snapshot);
            assertThat(read.nodes()).extracting(TopologySnapshot.Node::firmware)
                    .containsExactly("gw-sim-2.4.1", "mtr-3.2.0", null, null, "mtr-2.9.7");
            assertThat(read.nodes()).extracting(TopologySnapshot.Node::trafficPerHour)
                    .containsExactly(960L, 0L, -1L, 312L, -1L);
        }
    }

    @Test
    void readsTheSnapshotsOfAVersionFourteenStoreAsRadiosWithoutFacts() throws SQLException {
        Path file = dir.resolve("site.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.migrate(connection, 14);
            writeAsVersionFourteenDid(connection, snapshot(T0, "GW-1"));
            assertThat(Migrations.currentVersion(connection)).isEqualTo(14);
        }

        try (SiteStore store = SiteStore.open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            TopologySnapshot read = store.topologyNearest(T0).orElseThrow();
            assertThat(read).isEqualTo(snapshot(T0, "GW-1"));
            assertThat(read.nodes()).allSatisfy(node -> {
                assertThat(node.firmware()).isNull();
                assertThat(node.trafficKnown()).isFalse();
            });
            TopologySnapshot told = new TopologySnapshot(T1, "GW-1", read.nodes().stream()
                    .map(node -> node.withRadioFacts("mtr-3.2.0", 7)).toList(), read.links());
            assertThat(store.insertTopology(told)).isTrue();
            assertThat(store.topologyNearest(T1)).contains(told);
        }
    }

    /** Writes {@code snapshot} as a console of version 14 did, whose node rows had no firmware or traffic. */
    private static void writeAsVersionFourteenDid(Connection connection, TopologySnapshot snapshot)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO topology_snapshot (id, at_second, at_nano, gateway_id) VALUES (1, "
                    + snapshot.at().getEpochSecond() + ", 0, '" + snapshot.gatewayId() + "')");
            int position = 0;
            for (TopologySnapshot.Node node : snapshot.nodes()) {
                statement.execute("INSERT INTO topology_node (snapshot_id, position, node_id, latitude, longitude, "
                        + "hops, rank, parent_id, alternates) VALUES (1, " + position++ + ", '" + node.id() + "', "
                        + node.latitude() + ", " + node.longitude() + ", " + node.hops() + ", " + node.rank() + ", "
                        + (node.parentId() == null ? "NULL" : "'" + node.parentId() + "'") + ", '"
                        + String.join(",", node.alternates()) + "')");
            }
            position = 0;
            for (TopologySnapshot.Link link : snapshot.links()) {
                statement.execute("INSERT INTO topology_link VALUES (1, " + position++ + ", '" + link.from() + "', '"
                        + link.to() + "', " + link.forwardRssiDbm() + ", " + link.reverseRssiDbm() + ", "
                        + link.forwardPsr() + ", " + link.reversePsr() + ", " + link.etx() + ", "
                        + link.lastHeardAgeSeconds() + ", " + (link.preferred() ? 1 : 0) + ")");
            }
        }
    }

    /** A gateway, a meter routed through it or through meter M-2, and M-2 with no route at all. */
    private static TopologySnapshot snapshot(Instant at, String parentOfM1) {
        List<TopologySnapshot.Node> nodes = List.of(
                new TopologySnapshot.Node("GW-1", -1.2921, 36.8219, 0, 256, null, List.of()),
                new TopologySnapshot.Node("M-1", -1.2925, 36.8224, parentOfM1.equals("GW-1") ? 1 : 2, 640,
                        parentOfM1, List.of("M-3", "M-4")),
                new TopologySnapshot.Node("M-2", -1.2931, 36.8230, -1, -1, null, List.of()),
                new TopologySnapshot.Node("M-3", -1.2932, 36.8231, 1, 600, "GW-1", List.of()),
                new TopologySnapshot.Node("M-4", -1.2933, 36.8232, 1, 610, "GW-1", List.of()));
        List<TopologySnapshot.Link> links = List.of(
                new TopologySnapshot.Link("M-1", "GW-1", -71.25, -80.5, 0.97, 0.61, 1.69, 30, true),
                new TopologySnapshot.Link("M-1", "M-2", -95.0, -96.0, 0.0, 0.0, 1000, -1, false));
        return new TopologySnapshot(at, "GW-1", nodes, links);
    }
}
