package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.GetTopology;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.rf.MeshTopology;
import io.gridside.site.TopologySnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated mesh as the link carries it: converted whole, streamed over loopback TCP, refused outside history. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedSiteTopologyLinkTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Instant QUARTER = Instant.parse("2026-06-03T09:00:00Z");
    private static final int METERS = 60;

    private static SimulatedSite site;
    private static InetSocketAddress tcp;

    @BeforeAll
    static void startSite() throws IOException {
        site = SimulatedSite.start(new SiteSpec(METERS, 42, 2, NOW), SimClock.manual(NOW));
        tcp = site.listenTcp(0);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    private static GatewayClient connect() throws IOException {
        return GatewayClient.open(TcpTransport.connect(tcp.getHostString(), tcp.getPort(), 2000),
                Authentication.of(DemoOperator.supervisorFor("site-42", NOW), GatewayPins.inMemory()),
                Duration.ofSeconds(10));
    }

    @Test
    void convertsEveryRadioAndBothDirectionsOfEveryLink() {
        MeshTopology mesh = site.gateway().topology();

        TopologySnapshot snapshot = mesh.toSnapshot();

        assertThat(snapshot.at()).isEqualTo(mesh.at());
        assertThat(snapshot.gatewayId()).isEqualTo(mesh.gatewayId());
        assertThat(snapshot.nodes()).hasSize(METERS + 1);
        for (int i = 0; i < mesh.nodes().size(); i++) {
            MeshTopology.Node node = mesh.nodes().get(i);
            TopologySnapshot.Node shared = snapshot.nodes().get(i);
            assertThat(shared).isEqualTo(new TopologySnapshot.Node(node.id(), node.position().latitude(),
                    node.position().longitude(), node.hops(), node.rank(), node.parentId(), node.alternates()));
        }
        assertThat(snapshot.links()).hasSameSizeAs(mesh.links());
        for (int i = 0; i < mesh.links().size(); i++) {
            MeshTopology.Link link = mesh.links().get(i);
            TopologySnapshot.Link shared = snapshot.links().get(i);
            assertThat(shared.forwardRssiDbm()).isEqualTo(link.forwardRssiDbm());
            assertThat(shared.reverseRssiDbm()).isEqualTo(link.reverseRssiDbm());
            assertThat(shared.forwardPsr()).isEqualTo(link.forwardPsr());
            assertThat(shared.reversePsr()).isEqualTo(link.reversePsr());
            assertThat(shared).isEqualTo(new TopologySnapshot.Link(link.from(), link.to(), link.forwardRssiDbm(),
                    link.reverseRssiDbm(), link.forwardPsr(), link.reversePsr(), link.etx(),
                    link.lastHeardAgeSeconds(), link.preferred()));
        }
        assertThat(snapshot.links()).anySatisfy(link ->
                assertThat(link.forwardRssiDbm()).isNotEqualTo(link.reverseRssiDbm()));
    }

    @Test
    void streamsTheMeshNowAndAsItStoodEarlier() throws IOException {
        Instant earlier = NOW.minus(Duration.ofHours(20));
        try (GatewayClient client = connect()) {
            assertThat(client.hello().capabilities()).contains("topology");

            TopologySnapshot now = client.topology(null);
            TopologySnapshot then = client.topology(earlier);

            assertThat(now.at()).isEqualTo(QUARTER);
            assertThat(withoutRadioFacts(now)).isEqualTo(site.gateway().topology().toSnapshot());
            assertThat(then.at()).isEqualTo(Instant.parse("2026-06-02T13:00:00Z"));
            assertThat(withoutRadioFacts(then)).isEqualTo(site.gateway().topology(earlier).toSnapshot());
            assertThat(then).isEqualTo(site.gateway().topologySnapshot(earlier));
        }
    }

    @Test
    void refusesATimeBeforeItsHistoryOrAfterItsClock() throws IOException {
        try (GatewayClient client = connect()) {
            assertThatThrownBy(() -> client.topology(NOW.minus(Duration.ofDays(30))))
                    .isInstanceOf(LinkException.class).hasMessageContaining("TOPOLOGY_OUT_OF_RANGE")
                    .hasMessageContaining("history");
            assertThatThrownBy(() -> client.topology(NOW.plusSeconds(60)))
                    .isInstanceOf(LinkException.class).hasMessageContaining("TOPOLOGY_OUT_OF_RANGE")
                    .hasMessageContaining("clock");
            assertThat(client.topology(QUARTER).at()).isEqualTo(QUARTER);
        }
    }

    @Test
    void tellsEachRadiosFirmwareAMixOfVersionsByRevision() throws IOException {
        try (GatewayClient client = connect()) {
            assertThat(client.hello().capabilities()).contains(GetTopology.RADIO_FACTS);

            TopologySnapshot now = client.topology(null);

            TopologySnapshot.Node gateway = node(now, now.gatewayId());
            assertThat(gateway.firmware()).isEqualTo("gw-sim-2.4.1");
            Map<String, Long> versions = now.nodes().stream().filter(node -> node != gateway)
                    .collect(Collectors.groupingBy(TopologySnapshot.Node::firmware, Collectors.counting()));
            assertThat(versions).containsOnlyKeys(MeterFirmware.CURRENT, MeterFirmware.PREVIOUS, MeterFirmware.OLDER);
            assertThat(versions.get(MeterFirmware.CURRENT)).isGreaterThan(versions.get(MeterFirmware.PREVIOUS))
                    .isGreaterThan(versions.get(MeterFirmware.OLDER));
        }
    }

    @Test
    void countsAParentsForwardedFramesAboveALeafsOwn() throws IOException {
        try (GatewayClient client = connect()) {
            TopologySnapshot now = client.topology(null);

            Set<String> parents = now.nodes().stream().map(TopologySnapshot.Node::parentId).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            List<TopologySnapshot.Node> meters = now.nodes().stream()
                    .filter(node -> node.routed() && !node.id().equals(now.gatewayId())).toList();
            List<Long> leaves = meters.stream().filter(node -> !parents.contains(node.id()))
                    .map(TopologySnapshot.Node::trafficPerHour).toList();
            List<Long> relays = meters.stream().filter(node -> parents.contains(node.id()))
                    .map(TopologySnapshot.Node::trafficPerHour).toList();

            assertThat(leaves).isNotEmpty().allSatisfy(traffic -> assertThat(traffic).isBetween(1L, 8L));
            assertThat(relays).isNotEmpty();
            assertThat(Collections.max(relays)).isGreaterThan(Collections.max(leaves));
            assertThat(average(relays)).isGreaterThan(average(leaves));
            assertThat(node(now, now.gatewayId()).trafficPerHour()).isGreaterThan(Collections.max(relays));
        }
    }

    @Test
    void tellsNoTrafficOfAMeshOlderThanTheDayOfCountsItKeeps() throws IOException {
        try (GatewayClient client = connect()) {
            TopologySnapshot old = client.topology(NOW.minus(Duration.ofHours(30)));

            assertThat(old.nodes()).allSatisfy(node -> {
                assertThat(node.trafficKnown()).isFalse();
                assertThat(node.firmware()).isNotNull();
            });
        }
    }

    private static double average(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    private static TopologySnapshot.Node node(TopologySnapshot snapshot, String id) {
        return snapshot.nodes().stream().filter(node -> node.id().equals(id)).findFirst().orElseThrow();
    }

    /** The snapshot as a gateway without radio facts tells it, which is how the simulator's own mesh converts. */
    private static TopologySnapshot withoutRadioFacts(TopologySnapshot snapshot) {
        return new TopologySnapshot(snapshot.at(), snapshot.gatewayId(), snapshot.nodes().stream()
                .map(node -> node.withRadioFacts(null, TopologySnapshot.Node.TRAFFIC_UNKNOWN)).toList(),
                snapshot.links());
    }
}
