package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.SerialTransport;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A site far larger than the everyday tests use, pulled whole and audited; runs with -Plong. */
@Tag("long")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class LargeSiteTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    @TempDir
    Path dir;

    @Test
    void aWeekOfTwoThousandMetersPullsOverTcpAndAuditsClean() throws IOException {
        int meters = 2000;
        int days = 7;
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(meters, 77, days, NOW), SimClock.manual(NOW))) {
            InetSocketAddress address = site.listenTcp(0);
            try (GatewayClient client = GatewayClient.open(
                    TcpTransport.connect(address.getHostString(), address.getPort(), 2000), supervisor("site-77"),
                    Duration.ofSeconds(30)); SiteStore store = SiteStore.open(dir.resolve("large.db"))) {
                SitePull.Result result = SitePull.run(client, store, from(days), NOW, Progress.NONE,
                        CancelSignal.NEVER);
                BillingReport report = BillingAudit.run(store);

                assertThat(result.readingsNew()).isEqualTo((long) meters * days * 96);
                assertThat(result.statuses()).hasSize(meters);
                assertThat(report.rows()).hasSize(meters);
                assertThat(report.reconciliation().agrees()).isTrue();
                assertThat(report.reconciliation().compared()).isEqualTo(store.lastLedgerSeq());
            }
        }
    }

    @Test
    void aDayOfFiveHundredMetersPullsOverThePseudoTerminal() throws IOException {
        int meters = 500;
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(meters, 78, 1, NOW), SimClock.manual(NOW))) {
            String device = site.listenSerial();
            try (GatewayClient client = GatewayClient.open(SerialTransport.open(device, 115_200),
                    supervisor("site-78"), Duration.ofSeconds(30));
                    SiteStore store = SiteStore.open(dir.resolve("serial.db"))) {
                SitePull.Result result = SitePull.run(client, store, from(1), NOW, Progress.NONE,
                        CancelSignal.NEVER);

                assertThat(result.readingsNew()).isEqualTo(meters * 96L);
                assertThat(BillingAudit.run(store).reconciliation().agrees()).isTrue();
                assertThat(client.stats().framesDropped()).isZero();
            }
        }
    }

    private static Authentication supervisor(String siteId) {
        return Authentication.of(DemoOperator.supervisorFor(siteId, NOW), GatewayPins.inMemory());
    }

    private static Instant from(int days) {
        return Reading.intervalStartOf(NOW).minus(Duration.ofDays(days));
    }
}
