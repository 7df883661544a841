package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each pull keeps one snapshot of the mesh, so that its history builds up in the site store for offline use. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SitePullTopologyTest {

    private static final Instant NOW = Instant.parse("2026-06-03T12:07:00Z");
    private static final Instant QUARTER = Instant.parse("2026-06-03T12:00:00Z");

    @TempDir
    Path dir;

    private static GatewayClient connect(InetSocketAddress address, Instant at) throws IOException {
        return PulledSite.supervisor(address, "site-42", at);
    }

    private static SitePull.Result pull(InetSocketAddress address, SiteStore store, Instant to) throws IOException {
        try (GatewayClient client = connect(address, to)) {
            return SitePull.run(client, store, to.minus(Duration.ofHours(2)), to, Progress.NONE,
                    CancelSignal.NEVER);
        }
    }

    @Test
    void storesOneSnapshotPerPullAndNoneTwice() throws IOException {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(40, 42, 2, NOW), clock);
                SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            InetSocketAddress address = site.listenTcp(0);

            SitePull.Result first = pull(address, store, NOW);
            SitePull.Result again = pull(address, store, NOW);
            clock.advance(Duration.ofHours(1));
            SitePull.Result later = pull(address, store, NOW.plus(Duration.ofHours(1)));

            assertThat(first.topologyAt()).isEqualTo(QUARTER);
            assertThat(first.topologyNew()).isTrue();
            assertThat(again.topologyAt()).isEqualTo(QUARTER);
            assertThat(again.topologyNew()).isFalse();
            assertThat(later.topologyNew()).isTrue();
            assertThat(store.topologyTimes()).containsExactly(QUARTER, QUARTER.plus(Duration.ofHours(1)));
            TopologySnapshot held = store.topologyNearest(QUARTER.plus(Duration.ofMinutes(20))).orElseThrow();
            assertThat(held).isEqualTo(site.gateway().topologySnapshot(QUARTER));
            assertThat(held.nodes()).allSatisfy(node -> assertThat(node.firmware()).isNotNull());
            assertThat(held.links()).isNotEmpty().allSatisfy(link ->
                    assertThat(link.etx()).isGreaterThanOrEqualTo(1));
        }
    }

    @Test
    void aPullBeforeTheMeshHistoryStillStoresEverythingElse() throws IOException {
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(20, 42, 2, NOW), SimClock.manual(NOW));
                SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            InetSocketAddress address = site.listenTcp(0);
            Instant longAgo = NOW.minus(Duration.ofDays(20));

            SitePull.Result result;
            try (GatewayClient client = connect(address, NOW)) {
                result = SitePull.run(client, store, longAgo.minus(Duration.ofHours(1)), longAgo, Progress.NONE,
                        CancelSignal.NEVER);
            }

            assertThat(result.topologyNew()).isFalse();
            assertThat(store.topologyTimes()).isEmpty();
            assertThat(store.meters()).hasSize(20);
        }
    }
}
