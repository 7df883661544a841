package io.gridside.console.service.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.BillingAudit;
import io.gridside.console.service.BillingReport;
import io.gridside.console.service.GatewayReplacing;
import io.gridside.console.service.Progress;
import io.gridside.console.service.Reconciled;
import io.gridside.sim.SimulatedGateway;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.store.ReplacementRecords;
import java.time.LocalDate;
import java.time.ZoneId;
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
     * Pulled after its first tick and before its first reading, the replica holds no reading of any meter: each
     * meter's gap is billed from the register the dead gateway had billed it to at go-live (decision 0103), the new
     * gateway bills on from the register it read, and over the site day each meter's energy and each customer's
     * energy charge come out as the dead gateway's simulation, which billed on as an engine that never stopped,
     * billed them; the audit of the new gateway's ledger agrees and names no meter as not re-run.
     */
    @Test
    void billsTheGapOfMetersTheReplicaHeldNoReadingOfFromTheirRegisterAtGoLive() throws Exception {
        try (FreshDay fresh = new FreshDay(METERS, home);
                CommissionService day = new CommissionService(fresh.setup(FreshDay.LENIENT))) {
            goLive(fresh, day, INTO_THE_QUARTER_HOUR);
            fresh.advance(Duration.ofMinutes(15));
            pull(fresh, day.store());
            assertThat(day.store().readings(Instant.EPOCH, Instant.MAX)).isEmpty();
            fresh.site.dropTcpSessions();
            fresh.advance(Duration.ofHours(1));
            ReplacementGateway gateway = new ReplacementGateway(FreshDay.SITE, "GW-NEW001", NEW_KEY,
                    DemoOperator.trusted(), fresh.gateway::clock, MeterRegisters.of(fresh.gateway));

            try (ReplacementSite replacement = ReplacementSite.listen(gateway)) {
                Reconciled reconciled = replace(replacement, fresh, day.store()).reconciled();
                assertThat(reconciled.noStartKnown()).isEmpty();
                assertThat(reconciled.gapStarts()).hasSize(CUSTOMERS);
                assertThat(reconciled.rows().stream().mapToLong(Reconciled.Row::gapEnergyWh).sum()).isPositive();
                assertThat(day.store().replacements().all().get(0).registers())
                        .filteredOn(ReplacementRecords.MeterRegister::read)
                        .hasSize(CUSTOMERS).allMatch(ReplacementRecords.MeterRegister::billedFromAStart);
                Instant dayEnd = siteMidnightAfter(fresh.gateway.clock());
                fresh.advance(Duration.between(fresh.gateway.clock(), dayEnd).plusMinutes(20));
                try (GatewayClient client = supervisor(replacement.address(), fresh.gateway.clock())) {
                    SitePull.run(client, day.store(), Instant.EPOCH, client.hello().clock(), Progress.NONE,
                            CancelSignal.NEVER);
                }

                BillingReport audit = BillingAudit.run(day.store());
                assertThat(audit.reconciliation().agrees()).as(audit.reconciliation().toString()).isTrue();
                assertThat(BillingAudit.notReRun(day.store().ledger(), day.store().readings(Instant.EPOCH,
                        Instant.MAX), day.store().replacements().all())).isEmpty();
                assertBilledOnceAsByAnEngineThatNeverStopped(fresh.gateway.live(), gateway, reconciled, dayEnd);
            }
        }
    }

    /**
     * Each meter's gap and the new gateway's readings after it add up to the energy the dead gateway's simulation
     * billed from go-live to {@code dayEnd}, and each customer's energy charged for the day is the same.
     */
    private static void assertBilledOnceAsByAnEngineThatNeverStopped(SimulatedGateway neverStopped,
            ReplacementGateway gateway, Reconciled reconciled, Instant dayEnd) {
        for (Reconciled.Row row : reconciled.rows()) {
            long afterTheGap = energyWh(gateway.readings(Instant.EPOCH, dayEnd, row.meterId()));
            long billedOnce = energyWh(neverStopped.readings(Instant.EPOCH, dayEnd, row.meterId()));
            assertThat(row.gapEnergyWh() + afterTheGap).as(row.meterId()).isEqualTo(billedOnce);
            assertThat(energyCharged(row.customerId(), dayEnd, gateway.ledgerAfter(0))).as(row.customerId())
                    .isEqualTo(energyCharged(row.customerId(), dayEnd, neverStopped.ledgerAfter(0)));
        }
    }

    private static long energyWh(List<Reading> readings) {
        return readings.stream().mapToLong(Reading::energyWh).sum();
    }

    /** The energy charged to {@code customerId} for the site day that ends at {@code dayEnd}, in minor units. */
    private static long energyCharged(String customerId, Instant dayEnd, List<LedgerEntry> ledger) {
        return ledger.stream().filter(e -> e.customerId().equals(customerId) && e.kind() == EntryKind.ENERGY)
                .filter(e -> e.at().isAfter(dayEnd.minus(Duration.ofDays(1))) && !e.at().isAfter(dayEnd))
                .mapToLong(LedgerEntry::amountMinor).sum();
    }

    private static Instant siteMidnightAfter(Instant at) {
        ZoneId zone = FreshDay.PLAN.zone();
        return LocalDate.ofInstant(at, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static GatewayReplacing.Result replace(ReplacementSite replacement, FreshDay fresh, SiteStore store)
            throws Exception {
        try (GatewayClient client = supervisor(replacement.address(), fresh.gateway.clock())) {
            return GatewayReplacing.run(client, store, Progress.NONE);
        }
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
