package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.scenario.Scenarios;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gateway's event log streamed to the console's client over loopback TCP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedSiteEventsLinkTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    private static final int METERS = 60;

    private static SimulatedSite site;
    private static InetSocketAddress tcp;

    @BeforeAll
    static void startSite() throws IOException {
        site = SimulatedSite.start(new SiteSpec(METERS, 42, 3, NOW), SimClock.manual(NOW),
                Scenarios.named("bad-storm"));
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
    void streamsTheWholeEventLogWithItsCauses() throws IOException {
        List<SiteEvent> events = new ArrayList<>();
        try (GatewayClient client = connect()) {
            long count = client.events(Instant.EPOCH, NOW, (batch, received, total) -> {
                events.addAll(batch);
                assertThat(received).isLessThanOrEqualTo(total);
            }, CancelSignal.NEVER);

            assertThat(count).isEqualTo(events.size());
            assertThat(client.hello().capabilities()).contains("events");
        }
        assertThat(events).hasSizeGreaterThan(128).isEqualTo(site.gateway().events(Instant.EPOCH, NOW));
        assertThat(events).filteredOn(e -> e.kind() == EventKind.POWER_LOSS && e.scripted()).isNotEmpty()
                .allMatch(e -> e.cause().scenario().equals("bad-storm"));
    }

    @Test
    void streamsOnlyTheEventsOfTheAskedTime() throws IOException {
        Instant from = NOW.minus(Duration.ofDays(2)).plus(Duration.ofHours(16));
        Instant to = from.plus(Duration.ofHours(4));
        List<SiteEvent> events = new ArrayList<>();
        try (GatewayClient client = connect()) {
            client.events(from, to, (batch, received, total) -> events.addAll(batch), CancelSignal.NEVER);
        }

        assertThat(events).isNotEmpty().allMatch(e -> !e.at().isBefore(from) && e.at().isBefore(to))
                .isEqualTo(site.gateway().events(from, to));
    }
}
