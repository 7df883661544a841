package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.ScenarioParser;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
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

/** The event log pulled into the site store: whole the first time, only what is new the next. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SitePullEventsTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    /** A feeder outage in the history, and a backhaul loss that begins after the first pull. */
    private static final String SCENARIO = """
            {"name": "two-pulls", "days": 3, "steps": [
              {"at": "P1DT18H", "kind": "feeder-power-loss", "feeder": "F1", "duration": "PT2H"},
              {"at": "P2DT3H", "kind": "backhaul-loss", "duration": "PT1H"}]}""";

    @TempDir
    Path dir;

    private static GatewayClient connect(InetSocketAddress address, Instant at) throws IOException {
        return PulledSite.supervisor(address, "site-42", at);
    }

    @Test
    void aSecondPullBringsOnlyTheEventsThatAreNew() throws IOException {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(40, 42, 2, NOW), clock,
                ScenarioParser.parse("two-pulls", SCENARIO));
                SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            InetSocketAddress address = site.listenTcp(0);
            SitePull.Result first;
            try (GatewayClient client = connect(address, NOW)) {
                first = SitePull.run(client, store, NOW.minus(Duration.ofDays(2)), NOW, Progress.NONE,
                        CancelSignal.NEVER);
            }
            clock.advance(Duration.ofHours(6));
            Instant later = NOW.plus(Duration.ofHours(6));
            SitePull.Result second;
            try (GatewayClient client = connect(address, later)) {
                second = SitePull.run(client, store, later.minus(Duration.ofHours(6)), later, Progress.NONE,
                        CancelSignal.NEVER);
            }

            assertThat(first.eventsNew()).isEqualTo(first.eventsReceived()).isGreaterThan(20);
            assertThat(second.eventsReceived()).isLessThan(first.eventsReceived());
            assertThat(store.events(Instant.EPOCH, later)).isEqualTo(site.gateway().events(Instant.EPOCH, later))
                    .filteredOn(e -> e.kind() == EventKind.BACKHAUL_UP).singleElement()
                    .extracting(SiteEvent::cause).extracting(SiteEvent.Cause::step).isEqualTo(1);
            assertThat(second.eventsNew()).isEqualTo(store.events(NOW, later).size());
        }
    }
}
