package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.RevocationsHeld;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.scenario.Scenario;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The simulated gateway keeps the demo operator's revocation list in its journal and refuses whom it revokes. */
@Timeout(60)
class SimulatedSiteRevocationTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(12, 7, 1, NOW);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path directory;
    private final GatewayPins pins = GatewayPins.inMemory();

    @Test
    void refusesTheRevokedTechnicianAndLostLaptopAfterAPushAndAfterARestart() throws Exception {
        try (SimulatedSite site = start()) {
            InetSocketAddress address = site.listenTcp(0);
            try (GatewayClient supervisor = open(address, supervisor(site))) {
                assertThat(supervisor.revocations().supported()).isTrue();

                RevocationsHeld held = supervisor.revocations().push(DemoOperator.demoRevocations(NOW));

                assertThat(held.serial()).isEqualTo(1);
                assertThat(held.taken()).isTrue();
            }
            assertRefused(address, technician(site, DemoOperator.REVOKED_TECHNICIAN_ID, null));
            assertRefused(address, technician(site, "T-0107", DemoOperator.lostLaptopKey().publicKey()));
        }

        try (SimulatedSite restarted = start()) {
            InetSocketAddress address = restarted.listenTcp(0);

            assertRefused(address, technician(restarted, "T-0107", DemoOperator.lostLaptopKey().publicKey()));
            try (GatewayClient supervisor = open(address, supervisor(restarted))) {
                assertThat(supervisor.revocations().held(DemoOperator.KEY_ID).serial()).isEqualTo(1);
                assertThat(supervisor.revocations().pushIfNewer(DemoOperator.demoRevocations(NOW)).pushed())
                        .as("the list it holds already").isFalse();
                assertThat(supervisor.site().site().siteId()).isEqualTo(restarted.gateway().profile().siteId());
            }
        }
    }

    @Test
    void keepsTheNewerListWhenAnOlderOneIsPushedAfterIt() throws Exception {
        try (SimulatedSite site = start()) {
            InetSocketAddress address = site.listenTcp(0);
            try (GatewayClient supervisor = open(address, supervisor(site))) {
                supervisor.revocations().push(DemoOperator.revocations(4, NOW, List.of("T-0004"), List.of()));

                RevocationsHeld older = supervisor.revocations().push(DemoOperator.demoRevocations(NOW));

                assertThat(older.serial()).isEqualTo(4);
                assertThat(older.taken()).isFalse();
            }
            assertRefused(address, technician(site, "T-0004", null));
            try (GatewayClient former = open(address, technician(site, DemoOperator.REVOKED_TECHNICIAN_ID, null))) {
                assertThat(former.hello().role()).as("list 1 was not taken over list 4").isEqualTo("technician");
            }
        }
    }

    private SimulatedSite start() {
        return SimulatedSite.start(new SimulatedGateway(SPEC, SimClock.manual(NOW), DemoOperator.trusted(),
                SimulatedGateway.identityKeyFor(SPEC), Scenario.NONE, directory));
    }

    private static SignedCredential supervisor(SimulatedSite site) {
        return DemoOperator.supervisorFor(site.gateway().profile().siteId(), site.gateway().clock());
    }

    private static SignedCredential technician(SimulatedSite site, String technicianId,
            io.gridside.site.cbor.ByteString key) {
        Instant from = site.gateway().clock().minus(Duration.ofDays(1));
        return DemoOperator.signingKey().sign(new TechnicianCredential(technicianId, "Field technician",
                Role.TECHNICIAN, List.of(site.gateway().profile().siteId()), from, from.plus(Duration.ofDays(30)),
                Map.of(), DemoOperator.KEY_ID, key));
    }

    /** Opens a session; the first, a supervisor's, pins the gateway's key for the others. */
    private GatewayClient open(InetSocketAddress address, SignedCredential credential) throws Exception {
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 5_000),
                Authentication.of(credential, pins), ANSWER_TIMEOUT);
    }

    private void assertRefused(InetSocketAddress address, SignedCredential credential) {
        assertThatThrownBy(() -> open(address, credential).close()).isInstanceOfSatisfying(LinkException.class,
                e -> assertThat(e.gatewayCode()).isEqualTo("AUTH_CREDENTIAL_REVOKED"))
                .hasMessageContaining("revoked");
    }
}
