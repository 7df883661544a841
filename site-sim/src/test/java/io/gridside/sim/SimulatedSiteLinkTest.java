package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.auth.OperatorSigningKey;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.message.SiteReply;
import io.gridside.link.transport.SerialTransport;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.Transport;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's client against the simulated site, over loopback TCP and over the site's pseudo-terminal. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedSiteLinkTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final int METERS = 25;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static SimulatedSite site;
    private static InetSocketAddress tcp;
    private static String serial;

    @BeforeAll
    static void startSite() throws IOException {
        site = SimulatedSite.start(new SiteSpec(METERS, 21, 2, NOW), SimClock.manual(NOW));
        tcp = site.listenTcp(0);
        serial = site.listenSerial();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    private static Transport open(String transport) throws IOException {
        return transport.equals("tcp") ? TcpTransport.connect(tcp.getHostString(), tcp.getPort(), 2000)
                : SerialTransport.open(serial, 115_200);
    }

    private static GatewayClient connect(String transport) throws IOException {
        SignedCredential supervisor = DemoOperator.supervisorFor("site-21", NOW);
        return GatewayClient.open(open(transport), Authentication.of(supervisor, GatewayPins.inMemory()), TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "serial"})
    void helloNamesTheGatewayAndSite(String transport) throws IOException {
        try (GatewayClient client = connect(transport)) {
            assertThat(client.hello().gatewayId()).isEqualTo(site.gateway().layout().gatewayId());
            assertThat(client.hello().siteId()).isEqualTo("site-21");
            assertThat(client.hello().clock()).isEqualTo(NOW);
            assertThat(client.hello().timeZone()).isEqualTo("Africa/Nairobi");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "serial"})
    void pullsTheRosterStatusReadingsAndLedger(String transport) throws IOException {
        try (GatewayClient client = connect(transport)) {
            SiteReply reply = client.site();
            List<RosterBatch.Entry> roster = new ArrayList<>();
            client.roster((batch, received, total) -> roster.addAll(batch), CancelSignal.NEVER);
            List<MeterStatus> statuses = client.meterStatus();
            List<Reading> readings = new ArrayList<>();
            long count = client.readings(Instant.EPOCH, NOW, (batch, received, total) -> {
                readings.addAll(batch);
                assertThat(received).isLessThanOrEqualTo(total);
            }, CancelSignal.NEVER);
            List<LedgerEntry> ledger = new ArrayList<>();
            client.ledger(0, (batch, received, total) -> ledger.addAll(batch), CancelSignal.NEVER);

            assertThat(reply.meterCount()).isEqualTo(METERS);
            assertThat(roster).hasSize(METERS);
            assertThat(roster).extracting(RosterBatch.Entry::meter).isEqualTo(site.gateway().layout().meters());
            assertThat(statuses).hasSize(METERS).allMatch(s -> s.currency().equals("KES"));
            assertThat(count).isEqualTo(METERS * 2 * 96);
            assertThat(readings).isEqualTo(site.gateway().readings(Instant.EPOCH, NOW));
            assertThat(ledger).isEqualTo(site.gateway().ledgerAfter(0));
            assertThat(client.stats().framesDropped()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "serial"})
    void aConsoleCanReconnectAfterItsLinkCloses(String transport) throws IOException {
        GatewayClient first = connect(transport);
        first.meterStatus();
        first.close();

        try (GatewayClient second = connect(transport)) {
            assertThat(second.meterStatus()).hasSize(METERS);
            assertThat(second.ping()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "serial"})
    void refusesACredentialOfAnOperatorItDoesNotTrust(String transport) throws IOException {
        Transport link = open(transport);
        OperatorSigningKey stranger = new OperatorSigningKey("stranger", SigningKey.generate());
        SignedCredential credential = stranger.issue("someone", "Someone", Role.SUPERVISOR, List.of("*"),
                NOW.minusSeconds(60), Duration.ofDays(1), Map.of());

        LinkException refused = org.junit.jupiter.api.Assertions.assertThrows(LinkException.class,
                () -> GatewayClient.open(link, Authentication.of(credential, GatewayPins.inMemory()), TIMEOUT));

        assertThat(refused.code()).isEqualTo(LinkException.Code.REFUSED);
        assertThat(refused.getMessage()).contains("someone", "stranger", "AUTH_UNKNOWN_OPERATOR");
    }
}
