package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.rf.MeshTopology;
import io.gridside.site.TopologySnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
            assertThat(now).isEqualTo(site.gateway().topology().toSnapshot());
            assertThat(then.at()).isEqualTo(Instant.parse("2026-06-02T13:00:00Z"));
            assertThat(then).isEqualTo(site.gateway().topology(earlier).toSnapshot());
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
}
