package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Feeders;
import io.gridside.site.Meter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The pull keeps which feeder supplies each meter, as the gateway's roster tells it (section 6.26). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SitePullFeedersTest {

    private static final Instant NOW = Instant.parse("2026-06-02T06:00:00Z");
    private static final Instant FROM = Instant.parse("2026-06-02T00:00:00Z");

    @TempDir
    Path dir;

    private PulledSite fixture;

    @BeforeEach
    void connect() throws IOException {
        fixture = PulledSite.connect(SimulatedSite.start(new SiteSpec(60, 42, 1, NOW), SimClock.manual(NOW)), NOW,
                dir.resolve("site.db"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Map<String, String> wiring() {
        List<Meter> meters = fixture.site().gateway().layout().meters();
        Feeders feeders = fixture.site().gateway().layout().grid().names();
        Map<String, String> wiring = new LinkedHashMap<>();
        for (int i = 0; i < meters.size(); i++) {
            wiring.put(meters.get(i).meterId(), feeders.feederOf(i));
        }
        return wiring;
    }

    @Test
    void storesEachMetersFeederAsTheGatewaysWiringPlanLaysIt() throws IOException {
        fixture.pull(FROM, NOW);

        Map<String, String> stored = fixture.store().feeders();

        assertThat(stored).isEqualTo(wiring()).hasSize(60);
        assertThat(stored.values()).contains("F1", "F2");
    }

    @Test
    void aPullReplacesAMapThatNoLongerMatchesTheGateways() throws IOException {
        fixture.store().saveFeeders(Map.of("M-GONE", "F9", wiring().keySet().iterator().next(), "F7"));

        fixture.pull(FROM, NOW);

        assertThat(fixture.store().feeders()).isEqualTo(wiring()).doesNotContainKey("M-GONE")
                .doesNotContainValue("F7");
    }
}
