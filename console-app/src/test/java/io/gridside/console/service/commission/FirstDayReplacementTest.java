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
import io.gridside.sim.SimClock;
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

    /** Ten simulated minutes a second. */
    private static final double SPEED = 600;
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

    /**
     * Go-live at 08:07:23, the pull at 08:22:23: the gateway's tick of 08:15 posted the day's standing charges but
     * billed no reading (the quarter hour go-live fell in is not billed), and the first reading it bills comes in at
     * 08:30. The replica holds those charges and not one reading.
     */
    @Test
    void replacesAGatewayPulledAfterItsFirstTickBeforeItsFirstReading() throws Exception {
        replacesAfter(INTO_THE_QUARTER_HOUR, Duration.ofMinutes(15), Duration.ofHours(1));
    }

    @Test
    void replacesAGatewayPulledBeforeTheSitesFirstMidnightAndDeadAcrossIt() throws Exception {
        replacesAfter(BEFORE_MIDNIGHT, Duration.ZERO, Duration.ofHours(2));
    }

    @Test
    void replacesAGatewayPulledWithinTheFirstQuarterHourAfterGoLive() throws Exception {
        replacesAfter(INTO_THE_QUARTER_HOUR, Duration.ZERO, Duration.ofMinutes(30));
    }

    /**
     * As {@code gridside sim --fresh --speed 600} runs it: the gateway bills each quarter hour as its clock passes,
     * not when a test says, so go-live, the pull and the replacement fall wherever the clock has run to.
     */
    @Test
    void replacesAGatewayOnAClockThatRunsByItself() throws Exception {
        try (FreshDay fresh = new FreshDay(METERS, home, SimClock.scaled(FreshDay.FACTORY, SPEED));
                CommissionService day = new CommissionService(fresh.setup(FreshDay.LENIENT))) {
            day.createSite(FreshDay.PLAN);
            day.useGateway(fresh.target());
            day.usePack(fresh.pack);
            assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).stopped()).isEqualTo(CommissionStep.CUSTOMERS);
            waitOn(fresh, Duration.ofHours(2));
            commissionAndGoLive(fresh, day);
            waitOn(fresh, Duration.ofMinutes(50));
            pull(fresh, day.store());
            fresh.site.dropTcpSessions();
            waitOn(fresh, Duration.ofMinutes(40));

            replaceAndAudit(fresh, day.store());
        }
    }

    private void replacesAfter(Duration beforeGoLive, Duration liveBeforePull, Duration deadFor) throws Exception {
        try (FreshDay fresh = new FreshDay(METERS, home);
                CommissionService day = new CommissionService(fresh.setup(FreshDay.LENIENT))) {
            goLive(fresh, day, beforeGoLive);
            fresh.advance(liveBeforePull);
            pull(fresh, day.store());
            fresh.site.dropTcpSessions();
            fresh.advance(deadFor);

            replaceAndAudit(fresh, day.store());
        }
    }

    private static void replaceAndAudit(FreshDay fresh, SiteStore store) throws Exception {
        try (ReplacementSite replacement = ReplacementSite.listen(new ReplacementGateway(FreshDay.SITE,
                "GW-NEW001", NEW_KEY, DemoOperator.trusted(), fresh.gateway::clock,
                MeterRegisters.of(fresh.gateway)))) {
            GatewayReplacing.Result result;
            try (GatewayClient client = supervisor(replacement.address(), fresh.gateway.clock())) {
                result = GatewayReplacing.run(client, store, Progress.NONE);
            }
            assertThat(result.gatewayId()).isEqualTo("GW-NEW001");
            assertThat(result.reconciled().rows()).hasSize(CUSTOMERS);
        }
        BillingReport audit = BillingAudit.run(store);
        assertThat(audit.reconciliation().agrees()).as(audit.reconciliation().toString()).isTrue();
    }

    /** Waits until the gateway's clock, running by itself, has moved on by {@code duration}. */
    private static void waitOn(FreshDay fresh, Duration duration) throws InterruptedException {
        Instant until = fresh.gateway.clock().plus(duration);
        while (fresh.gateway.clock().isBefore(until)) {
            Thread.sleep(20);
        }
    }

    private void goLive(FreshDay fresh, CommissionService day, Duration beforeGoLive) throws Exception {
        day.createSite(FreshDay.PLAN);
        day.useGateway(fresh.target());
        day.usePack(fresh.pack);
        assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).stopped()).isEqualTo(CommissionStep.CUSTOMERS);
        fresh.advance(Duration.ofHours(2));
        // Go-live falls within a quarter hour, to the second, as a technician's confirmation does.
        fresh.clock.advance(beforeGoLive);
        commissionAndGoLive(fresh, day);
    }

    /** Gives each joined meter but the spares a customer from the customers file, and takes the site live. */
    private void commissionAndGoLive(FreshDay fresh, CommissionService day) throws Exception {
        List<JoinedMeter> joined = new ArrayList<>();
        try (GatewayClient client = fresh.open()) {
            client.commissioning().joinedMeters(null, (batch, received, total) -> joined.addAll(batch),
                    CancelSignal.NEVER);
        }
        assertThat(day.importCustomers(FreshDay.write(home.resolve("customers.csv"),
                FreshDay.customersCsv(joined.subList(0, CUSTOMERS), 0))).problems()).isEmpty();
        assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).stopped()).isEqualTo(CommissionStep.GO_LIVE);
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
