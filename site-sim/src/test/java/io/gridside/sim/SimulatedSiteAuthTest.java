package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.transport.TcpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated site checks credentials against its own clock, and proves its key to the console. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedSiteAuthTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(5, 8, 0, NOW);
    private static final String SITE = "site-8";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final GatewayPins pins = GatewayPins.inMemory();

    @Test
    void aCredentialExpiresByTheGatewaysClockNotTheLaptops() throws IOException {
        SimClock.Manual clock = SimClock.manual(NOW);
        SignedCredential hourLong = DemoOperator.signingKey().issue("T-7", "Baraka", Role.SUPERVISOR,
                List.of(SITE), NOW.minusSeconds(60), Duration.ofHours(1), Map.of());
        try (SimulatedSite site = SimulatedSite.start(SPEC, clock)) {
            InetSocketAddress address = site.listenTcp(0);
            try (GatewayClient client = open(address, hourLong)) {
                assertThat(client.site().site().siteId()).isEqualTo(SITE);

                clock.advance(Duration.ofHours(2));

                assertThatThrownBy(client::site).isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.code()).isEqualTo(LinkException.Code.REFUSED))
                        .hasMessageContaining("AUTH_EXPIRED");
            }

            assertThatThrownBy(() -> open(address, hourLong)).isInstanceOfSatisfying(LinkException.class,
                    e -> assertThat(e.code()).isEqualTo(LinkException.Code.REFUSED))
                    .hasMessageContaining("AUTH_EXPIRED").hasMessageContaining("T-7");
        }
    }

    @Test
    void onlyASupervisorSetsTheClockAndCredentialsAreCheckedAgainstTheNewTime() throws IOException {
        SignedCredential technician = DemoOperator.signingKey().issue("T-8", "Neema", Role.TECHNICIAN,
                List.of(SITE), NOW.minusSeconds(60), Duration.ofHours(3), Map.of());
        SignedCredential supervisor = DemoOperator.supervisorFor(SITE, NOW);
        try (SimulatedSite site = SimulatedSite.start(SPEC, SimClock.manual(NOW))) {
            InetSocketAddress address = site.listenTcp(0);
            open(address, supervisor).close();
            try (GatewayClient client = open(address, technician)) {
                assertThatThrownBy(() -> client.setClock(NOW.plus(Duration.ofHours(4))))
                        .isInstanceOfSatisfying(LinkException.class,
                                e -> assertThat(e.code()).isEqualTo(LinkException.Code.FORBIDDEN));
            }
            assertThat(site.gateway().clock()).isEqualTo(NOW);

            try (GatewayClient client = open(address, supervisor)) {
                assertThat(client.setClock(NOW.plus(Duration.ofHours(4))).previous()).isEqualTo(NOW);
                assertThatThrownBy(() -> client.setClock(NOW.plus(Duration.ofDays(30))))
                        .isInstanceOf(LinkException.class).hasMessageContaining("CLOCK_REFUSED");
            }

            assertThat(site.gateway().clock()).isEqualTo(NOW.plus(Duration.ofHours(4)));
            assertThatThrownBy(() -> open(address, technician)).isInstanceOf(LinkException.class)
                    .hasMessageContaining("AUTH_EXPIRED");
        }
    }

    @Test
    void aCredentialForAnotherSiteIsRefused() throws IOException {
        SignedCredential elsewhere = DemoOperator.supervisorFor("site-9", NOW);
        try (SimulatedSite site = SimulatedSite.start(SPEC, SimClock.manual(NOW))) {
            InetSocketAddress address = site.listenTcp(0);

            assertThatThrownBy(() -> open(address, elsewhere)).isInstanceOf(LinkException.class)
                    .hasMessageContaining("AUTH_WRONG_SITE").hasMessageContaining(SITE);
        }
    }

    @Test
    void aGatewayWithANewKeyIsRefusedUntilASupervisorRepins() throws IOException {
        SignedCredential supervisor = DemoOperator.supervisorFor(SITE, NOW);
        try (SimulatedSite genuine = SimulatedSite.start(SPEC, SimClock.manual(NOW))) {
            open(genuine.listenTcp(0), supervisor).close();
        }
        SimulatedGateway replaced = new SimulatedGateway(SPEC, SimClock.manual(NOW), DemoOperator.trusted(),
                SigningKey.generate());

        try (SimulatedSite site = SimulatedSite.start(replaced)) {
            InetSocketAddress address = site.listenTcp(0);

            assertThatThrownBy(() -> open(address, supervisor)).isInstanceOfSatisfying(LinkException.class,
                    e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_KEY_CHANGED))
                    .hasMessageContaining(SimulatedGateway.identityKeyFor(SPEC).fingerprint())
                    .hasMessageContaining(replaced.identityKey().fingerprint());

            GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                    Authentication.of(supervisor, pins).repinning(), TIMEOUT).close();
            assertThat(pins.find(SITE).orElseThrow().publicKey()).isEqualTo(replaced.identityKey().publicKey());
        }
    }

    private GatewayClient open(InetSocketAddress address, SignedCredential credential) throws IOException {
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                Authentication.of(credential, pins), TIMEOUT);
    }
}
