package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedRevocationList;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.Transport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.wire.VirtualClock;
import io.gridside.sim.wire.WireEmulator;
import io.gridside.sim.wire.WireProfile;
import io.gridside.site.store.SiteStore;
import io.gridside.site.sync.SignedRevocations;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console carries the site database's revocation list to the simulated gateway right after the hello, over TCP
 * and through an emulated UART, and a list that revokes its own credential ends the session.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RevocationCarrierTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:07:00Z");
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SimulatedSite site;
    private final GatewayPins pins = GatewayPins.inMemory();

    @BeforeEach
    void startSite() {
        site = SimulatedSite.start(new SiteSpec(8, 5, 1, NOW), SimClock.manual(NOW));
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void pushesTheStoresNewerListOverTcpOnceAndTheGatewayThenRefusesWhomItRevokes() throws Exception {
        InetSocketAddress address = site.listenTcp(0);
        try (SiteStore store = storeHolding(DemoOperator.demoRevocations(NOW))) {
            try (GatewayClient client = open(tcp(address), supervisor())) {
                RevocationCarrier.Carried carried = RevocationCarrier.carry(client, store).orElseThrow();

                assertThat(carried.pushed()).isTrue();
                assertThat(carried.notice()).isEqualTo("revocations pushed (serial 1)");
                assertThat(client.site()).as("the session goes on").isNotNull();
            }
            try (GatewayClient again = open(tcp(address), supervisor())) {
                RevocationCarrier.Carried carried = RevocationCarrier.carry(again, store).orElseThrow();

                assertThat(carried.pushed()).isFalse();
                assertThat(carried.gatewaySerial()).isEqualTo(1);
            }
        }
        assertThat(site.gateway().revocations().held(DemoOperator.KEY_ID).orElseThrow().serial()).isEqualTo(1);
        assertThatThrownBy(() -> open(tcp(address), technician(DemoOperator.REVOKED_TECHNICIAN_ID)))
                .isInstanceOfSatisfying(LinkException.class,
                        e -> assertThat(e.gatewayCode()).isEqualTo("AUTH_CREDENTIAL_REVOKED"));
    }

    @Test
    void pushesTheListThroughAnEmulatedUartOnTheVirtualClock() throws Exception {
        try (SiteStore store = storeHolding(DemoOperator.revocations(3, NOW, List.of("T-0003"), List.of()));
                VirtualClock clock = VirtualClock.autoAdvancing();
                WireEmulator wire = site.serveThroughWire(WireProfile.uart(115_200), clock);
                GatewayClient client = open(wire.consoleEnd(), supervisor())) {

            RevocationCarrier.Carried carried = RevocationCarrier.carry(client, store).orElseThrow();

            assertThat(carried.notice()).isEqualTo("revocations pushed (serial 3)");
            assertThat(site.gateway().revocations().held(DemoOperator.KEY_ID).orElseThrow().list().technicianIds())
                    .containsExactly("T-0003");
        }
    }

    @Test
    void endsTheSessionWhenTheListRevokesItsOwnCredential() throws Exception {
        InetSocketAddress address = site.listenTcp(0);
        SignedRevocationList revokesUs = DemoOperator.revocations(2, NOW, List.of(), List.of(DemoOperator
                .holderKey().publicKey()));
        try (SiteStore store = storeHolding(revokesUs); GatewayClient client = open(tcp(address), supervisor())) {

            assertThatThrownBy(() -> RevocationCarrier.carry(client, store))
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.REFUSED))
                    .hasMessageContaining("revokes this laptop's credential");
            // The carrier closes the link; the client hears its connection end on the link's own thread.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.isOpen() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(client.isOpen()).isFalse();
        }
        assertThatThrownBy(() -> open(tcp(address), supervisor())).isInstanceOfSatisfying(LinkException.class,
                e -> assertThat(e.gatewayCode()).isEqualTo("AUTH_CREDENTIAL_REVOKED"));
    }

    @Test
    void aConsoleSessionCarriesTheListOfTheSitesDatabaseAsItOpens() throws Exception {
        InetSocketAddress address = site.listenTcp(0);
        AppDirs dirs = AppDirs.forCurrentUser();
        String siteId = site.gateway().profile().siteId();
        try (SiteStore store = SiteStore.open(dirs.siteDatabase(siteId))) {
            store.sync().applyRevocationList(stored(DemoOperator.demoRevocations(NOW)), NOW);
        }
        Connector connector = new Connector(pins, ANSWER_TIMEOUT);

        try (ConsoleSession session = ConsoleSession.open(connector, dirs,
                new ConnectionTarget.Tcp(address.getHostString(), address.getPort()), supervisor())) {

            assertThat(session.revocationsOnOpening()).hasValueSatisfying(
                    carried -> assertThat(carried.serial()).isEqualTo(1));
        }
        assertThat(site.gateway().revocations().held(DemoOperator.KEY_ID)).isPresent();
    }

    @Test
    void carriesNothingWhenTheStoreHoldsNoList() throws Exception {
        try (SiteStore store = SiteStore.open(dir.resolve("empty.db"));
                GatewayClient client = open(tcp(site.listenTcp(0)), supervisor())) {

            assertThat(RevocationCarrier.carry(client, store)).isEmpty();
            assertThat(site.gateway().revocations().held(DemoOperator.KEY_ID)).isEmpty();
        }
    }

    private SiteStore storeHolding(SignedRevocationList list) {
        SiteStore store = SiteStore.open(dir.resolve("site-" + list.serial() + ".db"));
        store.sync().applyRevocationList(stored(list), NOW);
        return store;
    }

    private static SignedRevocations stored(SignedRevocationList list) {
        return new SignedRevocations(list.serial(), list.signed().toByteArray(), list.signature().toByteArray());
    }

    private SignedCredential supervisor() {
        return DemoOperator.supervisorFor(site.gateway().profile().siteId(), NOW);
    }

    private SignedCredential technician(String technicianId) {
        return DemoOperator.signingKey().sign(new TechnicianCredential(technicianId, "Field technician",
                Role.TECHNICIAN, List.of(site.gateway().profile().siteId()), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), Map.of(), DemoOperator.KEY_ID));
    }

    private static Transport tcp(InetSocketAddress address) throws java.io.IOException {
        return TcpTransport.connect(address.getHostString(), address.getPort(), 2_000);
    }

    private GatewayClient open(Transport transport, SignedCredential credential) throws java.io.IOException {
        return GatewayClient.open(transport, Authentication.of(credential, pins), ANSWER_TIMEOUT);
    }
}
