package io.gridside.console.service.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.BillingAudit;
import io.gridside.console.service.BillingReport;
import io.gridside.console.service.GatewayReplacing;
import io.gridside.console.service.Progress;
import io.gridside.console.service.SitePull;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site commissioned from its customers file, gone live, pulled by the console within its first hours, whose
 * gateway then dies: the new gateway is restored from that replica, and the console's re-run of the replica's
 * billing, and its audit after the restore, agree with what the dead gateway posted.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FirstDayReplacementTest {

    private static final int METERS = 12;
    /** Three meters joined the mesh that nobody took yet: spares, as on most sites on their first day. */
    private static final int CUSTOMERS = 9;
    private static final SigningKey NEW_KEY = SigningKey.fromSeed(
            ByteString.fromHex("6b".repeat(32)));

    private static final Duration INTO_THE_QUARTER_HOUR = Duration.ofSeconds(7 * 60 + 23).plusNanos(456_789_000);

    /** From the day's joins (08:00 UTC) to 23:52:23 in Nairobi, the site's time zone. */
    private static final Duration BEFORE_MIDNIGHT = Duration.ofHours(12).plusMinutes(52).plusSeconds(23);

    @TempDir
    Path home;

    @Test
    void replacesAGatewayThatDiedInTheSitesFirstHours() throws Exception {
        replacesAfter(INTO_THE_QUARTER_HOUR, Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void replacesAGatewayThatWentLiveJustBeforeTheSitesFirstMidnight() throws Exception {
        replacesAfter(BEFORE_MIDNIGHT, Duration.ofHours(1), Duration.ofHours(1));
    }

    @Test
    void replacesAGatewayPulledWithinTheFirstQuarterHourAfterGoLive() throws Exception {
        replacesAfter(INTO_THE_QUARTER_HOUR, Duration.ZERO, Duration.ofMinutes(30));
    }

    private void replacesAfter(Duration beforeGoLive, Duration liveBeforePull, Duration deadFor) throws Exception {
        try (FreshDay fresh = new FreshDay(METERS, home);
                CommissionService day = new CommissionService(fresh.setup(FreshDay.LENIENT))) {
            goLive(fresh, day, beforeGoLive);
            fresh.advance(liveBeforePull);
            pull(fresh, day.store());
            fresh.site.dropTcpSessions();
            fresh.advance(deadFor);

            try (ReplacementSite replacement = ReplacementSite.listen(new ReplacementGateway(FreshDay.SITE,
                    "GW-NEW001", NEW_KEY, DemoOperator.trusted(), fresh.gateway::clock,
                    MeterRegisters.of(fresh.gateway)))) {
                GatewayReplacing.Result result;
                try (GatewayClient client = supervisor(replacement.address(), fresh.gateway.clock())) {
                    result = GatewayReplacing.run(client, day.store(), Progress.NONE);
                }
                assertThat(result.gatewayId()).isEqualTo("GW-NEW001");
                assertThat(result.reconciled().rows()).hasSize(CUSTOMERS);
            }
            BillingReport audit = BillingAudit.run(day.store());
            assertThat(audit.reconciliation().agrees()).as(audit.reconciliation().toString()).isTrue();
        }
    }

    private void goLive(FreshDay fresh, CommissionService day, Duration beforeGoLive) throws Exception {
        day.createSite(FreshDay.PLAN);
        day.useGateway(fresh.target());
        day.usePack(fresh.pack);
        assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).stopped()).isEqualTo(CommissionStep.CUSTOMERS);
        fresh.advance(Duration.ofHours(2));
        List<JoinedMeter> joined = new ArrayList<>();
        try (GatewayClient client = fresh.open()) {
            client.commissioning().joinedMeters(null, (batch, received, total) -> joined.addAll(batch),
                    CancelSignal.NEVER);
        }
        assertThat(day.importCustomers(FreshDay.write(home.resolve("customers.csv"),
                FreshDay.customersCsv(joined.subList(0, CUSTOMERS), 0))).problems()).isEmpty();
        assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).stopped()).isEqualTo(CommissionStep.GO_LIVE);
        // Go-live falls within a quarter hour, to the second, as a technician's confirmation does.
        fresh.clock.advance(beforeGoLive);
        day.confirmGoLive();
        assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).complete()).isTrue();
    }

    private static void pull(FreshDay fresh, SiteStore store) throws Exception {
        try (GatewayClient client = fresh.open()) {
            SitePull.run(client, store, Instant.EPOCH, client.hello().clock(), Progress.NONE, CancelSignal.NEVER);
        }
    }

    private static GatewayClient supervisor(InetSocketAddress address, Instant now) throws IOException {
        Authentication auth = Authentication.of(DemoOperator.supervisorFor(FreshDay.SITE, now),
                GatewayPins.inMemory()).repinning();
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000), auth,
                Duration.ofSeconds(10));
    }
}
