package io.gridside.sim.replace;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.message.GatewayHealth;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A simulated gateway dies and a factory-fresh one takes its place at the same address. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplacementSiteTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SigningKey KEY = SigningKey.fromSeed(ByteString.fromHex("a7".repeat(32)));

    @Test
    void aConsoleAtTheDeadGatewaysAddressMeetsTheReplacement() throws IOException {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(5, 3, 1, NOW), clock)) {
            InetSocketAddress address = site.listenTcp(0);
            String siteId = site.gateway().profile().siteId();

            try (ReplacementSite replacement = ReplacementSite.takeOver(site, clock, "GW-R", KEY,
                    address.getAddress(), address.getPort());
                    GatewayClient client = GatewayClient.open(
                            TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                            Authentication.of(DemoOperator.supervisorFor(siteId, NOW), GatewayPins.inMemory()),
                            Duration.ofSeconds(10))) {
                assertThat(replacement.address()).isEqualTo(address);
                assertThat(client.hello().gatewayId()).isEqualTo("GW-R");
                assertThat(client.hello().siteId()).isEqualTo(siteId);
                assertThat(client.hello().capabilities())
                        .containsExactly("restore", "account-periods", "restore-ledger");
                assertThat(client.hello().gatewayKey()).isEqualTo(KEY.publicKey());
            }
        }
    }

    @Test
    void theReplacementReportsItsHealthWithItsOwnUptimeAndClock() throws IOException {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(5, 3, 1, NOW), clock)) {
            InetSocketAddress address = site.listenTcp(0);
            String siteId = site.gateway().profile().siteId();

            try (ReplacementSite replacement = ReplacementSite.takeOver(site, clock, "GW-R", KEY,
                    address.getAddress(), address.getPort());
                    GatewayClient client = GatewayClient.open(
                            TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                            Authentication.of(DemoOperator.supervisorFor(siteId, NOW), GatewayPins.inMemory()),
                            Duration.ofSeconds(10))) {
                clock.advance(Duration.ofMinutes(20));
                GatewayHealth health = client.health();

                assertThat(health.uptimeSeconds()).isEqualTo(20 * 60);
                assertThat(health.clock()).isEqualTo(replacement.gateway().clock());
                assertThat(health.memoryUsedKib()).isPositive().isLessThanOrEqualTo(health.memoryTotalKib());
                assertThat(health.intakeQueueDepth()).isZero();
                assertThat(health.traffic()).isEmpty();
            }
        }
    }

    @Test
    void replacementsOfSitesOfDifferentSeedsHaveDifferentKeysAndOneSiteKeepsItsOwn() {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (SimulatedSite seven = SimulatedSite.start(new SiteSpec(5, 7, 1, NOW), clock);
                SimulatedSite fortyTwo = SimulatedSite.start(new SiteSpec(5, 42, 1, NOW), clock);
                SimulatedSite againSeven = SimulatedSite.start(new SiteSpec(5, 7, 1, NOW), clock)) {
            assertThat(ReplacementSite.keyFor(seven.gateway()).publicKey())
                    .isNotEqualTo(ReplacementSite.keyFor(fortyTwo.gateway()).publicKey())
                    .isEqualTo(ReplacementSite.keyFor(againSeven.gateway()).publicKey())
                    .isNotEqualTo(seven.gateway().identityKey().publicKey());
        }
    }
}
