package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.message.GetRoster;
import io.gridside.link.message.RosterBatch;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.scenario.Feeders;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated gateway tells each meter's feeder in its roster over loopback TCP (section 6.26). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedGatewayFeedersTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    private static final int METERS = 60;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static SimulatedSite site;
    private static InetSocketAddress tcp;

    @BeforeAll
    static void startSite() throws IOException {
        site = SimulatedSite.start(new SiteSpec(METERS, 42, 2, NOW), SimClock.manual(NOW),
                Scenarios.named("feeder-outage"));
        tcp = site.listenTcp(0);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    private static GatewayClient connect() throws IOException {
        SignedCredential supervisor = DemoOperator.supervisorFor("site-42", NOW);
        return GatewayClient.open(TcpTransport.connect(tcp.getHostString(), tcp.getPort(), 2000),
                Authentication.of(supervisor, GatewayPins.inMemory()), TIMEOUT);
    }

    private static List<RosterBatch.Entry> roster(GatewayClient client) throws IOException {
        List<RosterBatch.Entry> roster = new ArrayList<>();
        client.roster((batch, received, total) -> roster.addAll(batch), CancelSignal.NEVER);
        return roster;
    }

    @Test
    void listsFeedersAndSendsEachMetersFeederAsTheWiringPlanLaysIt() throws IOException {
        Feeders wiring = site.gateway().layout().grid().names();
        try (GatewayClient client = connect()) {
            assertThat(client.hello().capabilities()).contains(GetRoster.FEEDERS);

            List<RosterBatch.Entry> roster = roster(client);

            assertThat(roster).extracting(RosterBatch.Entry::feeder)
                    .isEqualTo(IntStream.range(0, METERS).mapToObj(wiring::feederOf).toList());
            assertThat(roster).extracting(RosterBatch.Entry::feeder).contains("F1", "F2");
        }
    }

    @Test
    void theMetersTheScenarioCutOnF1AreTheOnesTheRosterPutsOnF1() throws IOException {
        Map<String, String> feederOf = new HashMap<>();
        try (GatewayClient client = connect()) {
            roster(client).forEach(entry -> feederOf.put(entry.meter().meterId(), entry.feeder()));
        }

        List<String> cut = site.gateway().events(Instant.EPOCH, NOW).stream()
                .filter(event -> event.kind() == EventKind.POWER_LOSS && event.scripted())
                .map(SiteEvent::source).toList();

        assertThat(cut).isNotEmpty().allMatch(meter -> feederOf.get(meter).equals("F1"));
        assertThat(cut).hasSameSizeAs(feederOf.values().stream().filter("F1"::equals).toList());
    }
}
