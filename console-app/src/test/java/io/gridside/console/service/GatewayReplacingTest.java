package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridside.billing.AccountHistory;
import io.gridside.billing.BillingEngine;
import io.gridside.billing.CreditTerms;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPin;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CommandsBatch;
import io.gridside.link.message.PostPayments;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.QueuedPayment;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site runs on a simulated gateway, the console pulls, the site runs on (readings, payments taken by the
 * gateway), and the gateway dies; a fresh gateway is restored from the console's replica and the gap reconciled.
 * The dead gateway's simulation keeps running its meters, so it also says what it would have billed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayReplacingTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Instant FROM = Instant.parse("2026-06-01T09:00:00Z");
    /** More than one chunk of accounts, so that a restore can be cut between chunks. */
    private static final int METERS = 60;
    private static final SigningKey NEW_KEY = SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32)));

    @TempDir
    Path dir;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final GatewayPins pins = GatewayPins.inMemory();
    private SimulatedSite site;
    private SimulatedGateway old;
    private SiteStore store;
    private ReplacementSite replacement;
    private List<QueuedPayment> paidSincePull;

    @BeforeEach
    void runTheSiteUntilItsGatewayDies() throws IOException {
        site = SimulatedSite.start(new SiteSpec(METERS, 8, 2, NOW), clock);
        old = site.gateway();
        store = SiteStore.open(dir.resolve("site.db"));
        try (GatewayClient client = supervisor(site.listenTcp(0))) {
            SitePull.run(client, store, FROM, NOW, Progress.NONE, () -> false);
        }
        clock.advance(Duration.ofHours(5));
        paidSincePull = payAtTheOldGateway();
        clock.advance(Duration.ofHours(3));
        site.stopListeningTcp();
        site.endTcpSessions();
        store.queuePayments(paidSincePull, clock.now());
        // The gateway is dead to consoles; its meters go on counting past the site's midnight before the new one.
        clock.advance(Duration.ofHours(8));
        ReplacementGateway fresh = new ReplacementGateway(siteId(), "GW-NEW001", NEW_KEY, DemoOperator.trusted(),
                clock, MeterRegisters.of(old));
        replacement = ReplacementSite.listen(fresh);
    }

    @AfterEach
    void close() {
        replacement.close();
        store.close();
        site.close();
    }

    @Test
    void restoresEveryBalanceToWhatTheDeadGatewayWouldHaveHad() throws IOException {
        GatewayReplacing.Result result = replace();

        assertBalancesAsTheDeadGatewaysWouldBe(result);
        assertThat(result.reconciled().rows()).anySatisfy(row -> assertThat(row.gapEnergyWh()).isPositive());
        assertThat(result.reconciled().lines()).anySatisfy(line -> assertThat(line.kind())
                .isEqualTo(EntryKind.STANDING_CHARGE));
    }

    @Test
    void billsTheDayAfterTheReplacementAsTheDeadGatewayWould() throws IOException {
        GatewayReplacing.Result result = replace();
        Map<String, Long> restoredGap = differences(result);

        long pulled = store.lastLedgerSeq();
        clock.advance(Duration.ofHours(24));
        importTheMobileMoneyTheDeadGatewayTook(pulled);
        clock.advance(Reading.INTERVAL);

        Map<String, Long> dead = balancesOfTheDeadGateway();
        Map<String, Long> replaced = balancesOfTheNewGateway();
        assertThat(replaced.keySet()).isEqualTo(dead.keySet());
        for (Reconciled.Row row : result.reconciled().rows()) {
            long difference = replaced.get(row.customerId()) - dead.get(row.customerId());
            assertThat(difference).as(row.customerId()).isCloseTo(restoredGap.get(row.customerId()), within(1L));
        }
        Instant to = Reading.intervalStartOf(clock.now());
        Instant from = to.minus(Duration.ofHours(2));
        assertThat(replacement.gateway().readings(from, to, null)).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(old.readings(from, to));
        assertThat(replacement.gateway().ledgerAfter(store.lastLedgerSeq())).anySatisfy(entry ->
                assertThat(entry.kind()).isEqualTo(EntryKind.ENERGY));
    }

    @Test
    void auditsTheSiteAcrossTheReplacementOnItsContinuedChain() throws IOException {
        replace();
        clock.advance(Duration.ofHours(6));
        String customerId = old.layout().customers().get(5).customerId();
        SignedCredential cashier = DemoOperator.issue("T-0042", "Amina Wanjiru", Role.TECHNICIAN, List.of(siteId()),
                NOW.minus(Duration.ofDays(1)), Duration.ofDays(30), Map.of("maxOfflineCashCreditMinor", 50_000L));
        try (GatewayClient client = connect(Authentication.of(cashier, pins).signingWith(DemoOperator.holderKey()))) {
            client.topUp(new CashTopUp(customerId, null, 1_500, old.profile().currency(), "CASH-R1", "paid on site"));
        }
        clock.advance(Duration.ofHours(20));

        BillingReport report;
        CommandAudit.Result commands;
        try (GatewayClient client = supervisorRepinning()) {
            SitePull.run(client, store, Instant.EPOCH, client.lastGatewayClock(), Progress.NONE, () -> false);
            report = BillingAudit.run(store);
            List<CommandsBatch.Entry> log = new ArrayList<>();
            client.billing().commands(0, (batch, received, total) -> log.addAll(batch), () -> false);
            commands = CommandAudit.audit(log, siteId(), store.ledger(), List.of(), client.billing()
                    .importedPayments());
        }

        assertThat(store.checkLedger().intact()).isTrue();
        assertThat(report.reconciliation().firstDifference()).isEmpty();
        assertThat(report.reconciliation().agrees()).isTrue();
        assertThat(report.reconciliation().checkedTo()).isAfter(clock.now().minus(Duration.ofHours(1)));
        assertThat(commands.broken()).isEmpty();
        assertThat(commands.verified()).hasSize(1);
        assertThat(store.ledger()).filteredOn(entry -> entry.reference().equals("payment:CASH-R1")).hasSize(1);
        // Statements and credit listings replay the site too, the whole of it or some accounts alone: each account
        // stands where the ledger has it at the replay's last tick (what the gateway posted after is not due yet).
        BillingEngine whole = BillingAudit.replayIfWhole(store).orElseThrow();
        Map<String, Long> lastBalance = new HashMap<>();
        store.ledger().stream().filter(entry -> !entry.at().isAfter(whole.lastTick()))
                .forEach(entry -> lastBalance.put(entry.customerId(), entry.balanceAfterMinor()));
        assertThat(lastBalance).hasSize(old.layout().customers().size());
        assertThat(lastBalance).allSatisfy((customer, balance) -> assertThat(whole.postedBalance(customer))
                .as(customer).isEqualTo(balance));
        List<SiteEvent> events = store.events(Instant.EPOCH, Instant.MAX);
        BillingEngine alone = CreditReplay.of(store, Set.of(customerId), AccountHistory.of(store.meters(),
                BillingAudit.openings(store.ledger()), events), store.ledger(), events).orElseThrow();
        assertThat(alone.postedBalance(customerId)).isEqualTo(lastBalance.get(customerId));
    }

    @Test
    void billsEachMetersGapOnceWithAClearLedgerLine() throws IOException {
        GatewayReplacing.Result result = replace();

        List<LedgerEntry> energy = result.posted().entries().stream()
                .filter(entry -> entry.kind() == EntryKind.ENERGY).toList();
        assertThat(energy).isNotEmpty().allSatisfy(entry -> assertThat(entry.reference())
                .matches("gap:[^:]+:" + store.lastLedgerSeq() + ":energy"));
        assertThat(energy).extracting(LedgerEntry::customerId).doesNotHaveDuplicates();
        assertThat(result.posted().entries().get(0).seq()).isEqualTo(store.lastLedgerSeq() + 1);
    }

    @Test
    void appliesEachPaymentMadeSinceThePullOnceByReference() throws IOException {
        GatewayReplacing.Result result = replace();

        assertThat(result.posted().entries()).filteredOn(entry -> entry.kind() == EntryKind.TOP_UP)
                .extracting(LedgerEntry::reference)
                .containsExactlyInAnyOrderElementsOf(paidSincePull.stream().map(p -> "payment:" + p.reference())
                        .toList());
        assertThat(store.pendingPayments()).isEmpty();
        Map<String, Long> paid = paidSincePull.stream()
                .collect(Collectors.groupingBy(QueuedPayment::customerId,
                        Collectors.summingLong(QueuedPayment::amountMinor)));
        assertThat(result.reconciled().rows()).allSatisfy(row -> assertThat(row.paymentsMinor())
                .isEqualTo(paid.getOrDefault(row.customerId(), 0L)));
    }

    @Test
    void doublesNothingWhenTheRestoreIsCutAndRunAgain() throws IOException {
        try (GatewayClient client = supervisorRepinning()) {
            ReplicaRestore replica = ReplicaRestore.of(store);
            Progress lidClosed = (message, done, total) -> {
                throw new IllegalStateException("the laptop's lid closed after chunk " + done);
            };
            assertThatThrownBy(() -> replica.sendTo(client, lidClosed)).isInstanceOf(IllegalStateException.class);
        }
        GatewayReplacing.Result first = replace();
        long lastPosted = first.posted().entries().get(first.posted().entries().size() - 1).seq();
        clock.advance(Duration.ofMinutes(30));

        GatewayReplacing.Result second = replace();

        assertThat(first.restore().applied()).isTrue();
        assertThat(second.posted().entries()).isEmpty();
        assertThat(second.posted().alreadyPosted()).as("every reference the first run posted, its own lines among them")
                .containsAll(second.reconciled().lines().stream().map(line -> line.reference()).toList())
                .containsExactlyElementsOf(first.posted().entries().stream().map(LedgerEntry::reference).toList());
        assertThat(replacement.gateway().ledgerAfter(lastPosted)).extracting(LedgerEntry::reference)
                .doesNotContainAnyElementsOf(second.posted().alreadyPosted());
    }

    @Test
    void aPullFromTheNewGatewayGoesOnCheckingTheSameChain() throws IOException {
        long tip = store.lastLedgerSeq();
        GatewayReplacing.Result result = replace();

        try (GatewayClient client = supervisorRepinning()) {
            SitePull.run(client, store, clock.now().minus(Duration.ofHours(1)), clock.now(), Progress.NONE,
                    () -> false);
        }

        assertThat(store.lastLedgerSeq()).isEqualTo(tip + result.posted().entries().size());
        assertThat(store.checkLedger().intact()).isTrue();
    }

    /**
     * A run after the laptop pulled the restored gateway is told so before the replica is re-run: that re-run, of a
     * ledger the new gateway billed on, checks no replica, and here it would disagree: the laptop's billing
     * configuration prices energy at twice what the new gateway charged at the site's midnight.
     */
    @Test
    void aRunAfterThePullIsToldTheGatewayIsRestoredBeforeTheReplicaIsReRun() throws IOException {
        replace();
        clock.advance(Duration.ofDays(1));
        try (GatewayClient client = supervisorRepinning()) {
            SitePull.run(client, store, clock.now().minus(Duration.ofDays(2)), clock.now(), Progress.NONE,
                    () -> false);
        }
        Tariff billed = store.tariff().orElseThrow();
        byte[] otherPrices = BillingConfigDocument.encode(new BillingConfig(TariffSchedule.flat(new Tariff(
                billed.tariffId(), billed.currency(), billed.energyMinorPerKwh() * 2, billed.standingMinorPerDay(),
                billed.lowCreditMinor())), CreditTerms.PLAIN));
        store.saveBillingConfig(BillingConfigDocument.digest(otherPrices), otherPrices, clock.now());

        assertThatThrownBy(this::replace)
                .isInstanceOf(ReplacementRefusedException.class)
                .satisfies(e -> assertThat(((ReplacementRefusedException) e).code())
                        .isEqualTo("REPLACE_ALREADY_RESTORED"));
    }

    @Test
    void resumesARestoreWhoseLinkDroppedBetweenChunks() throws Exception {
        try (GatewayClient client = supervisorRepinning()) {
            client.setResumeWindow(Duration.ofMillis(200));
            CountDownLatch broken = new CountDownLatch(1);
            client.onSuspended(cause -> broken.countDown());
            client.onClosed(cause -> broken.countDown());
            Progress cableOut = (message, done, total) -> {
                replacement.dropSessions();
                awaitQuietly(broken);
            };
            assertThatThrownBy(() -> ReplicaRestore.of(store).sendTo(client, cableOut))
                    .isInstanceOf(LinkException.class);
        }

        GatewayReplacing.Result result = replace();

        assertThat(result.restore().applied()).isTrue();
        assertBalancesAsTheDeadGatewaysWouldBe(result);
    }

    @Test
    void aRestoreCutOffInItsLedgerAndSentAgainLeavesEachEntryOnceForAFreshDatabase() throws Exception {
        List<LedgerEntry> replica = store.ledger();
        try (GatewayClient client = supervisorRepinning()) {
            client.setResumeWindow(Duration.ofMillis(200));
            CountDownLatch broken = new CountDownLatch(1);
            client.onSuspended(cause -> broken.countDown());
            client.onClosed(cause -> broken.countDown());
            // The first part sent is the ledger's first: the cable comes out right after it.
            Progress cableOut = (message, done, total) -> {
                replacement.dropSessions();
                awaitQuietly(broken);
            };
            assertThatThrownBy(() -> ReplicaRestore.of(store).sendTo(client, cableOut))
                    .isInstanceOf(LinkException.class);
        }

        replace();

        try (SiteStore fresh = SiteStore.open(dir.resolve("fresh.db")); GatewayClient client = supervisorRepinning()) {
            SitePull.run(client, fresh, clock.now().minus(Duration.ofHours(1)), clock.now(), Progress.NONE,
                    () -> false);
            assertThat(fresh.ledger().subList(0, replica.size())).isEqualTo(replica);
            assertThat(fresh.checkLedger().intact()).as(fresh.checkLedger().problem()).isTrue();
        }
        assertThat(replacement.gateway().ledgerAfter(0)).extracting(LedgerEntry::seq).doesNotHaveDuplicates()
                .startsWith(1L);
    }

    @Test
    void pinsTheNewKeyInTheSupervisorsName() throws IOException {
        GatewayReplacing.Result result = replace();

        GatewayPin pin = pins.find(siteId()).orElseThrow();
        assertThat(pin.publicKey()).isEqualTo(NEW_KEY.publicKey());
        assertThat(pin.pinnedBy()).isEqualTo("demo-supervisor").isEqualTo(result.pinnedBy());
        assertThat(result.gatewayId()).isEqualTo("GW-NEW001");
        assertThat(result.previousGatewayId()).isEqualTo(old.profile().gatewayId());
        assertThat(store.gatewayId()).contains("GW-NEW001");
    }

    @Test
    void refusesATechnicianAndLeavesTheGatewayUnrestored() throws IOException {
        SignedCredential technician = DemoOperator.issue("T-0042", "Amina Wanjiru", Role.TECHNICIAN,
                List.of(siteId()), NOW.minus(Duration.ofDays(1)), Duration.ofDays(30), Map.of());
        assertThatThrownBy(() -> connect(Authentication.of(technician, pins).repinning()))
                .isInstanceOf(LinkException.class)
                .satisfies(e -> assertThat(((LinkException) e).code())
                        .isEqualTo(LinkException.Code.GATEWAY_KEY_CHANGED));

        supervisorRepinning().close();
        try (GatewayClient client = connect(Authentication.of(technician, pins))) {
            assertThatThrownBy(() -> GatewayReplacing.run(client, store, Progress.NONE))
                    .isInstanceOf(ReplacementRefusedException.class)
                    .satisfies(e -> assertThat(((ReplacementRefusedException) e).code())
                            .isEqualTo("REPLACE_SUPERVISOR_REQUIRED"));
            assertThatThrownBy(() -> ReplicaRestore.of(store).sendTo(client, Progress.NONE))
                    .isInstanceOf(LinkException.class)
                    .satisfies(e -> assertThat(((LinkException) e).code()).isEqualTo(LinkException.Code.FORBIDDEN));
        }
        assertThatThrownBy(() -> replacement.gateway().balance(old.layout().customers().get(0).customerId()))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the link broke").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private GatewayReplacing.Result replace() throws IOException {
        try (GatewayClient client = supervisorRepinning()) {
            return GatewayReplacing.run(client, store, Progress.NONE);
        }
    }

    /** Two customers pay by mobile money at the old gateway after the pull: the operator's export lists them. */
    private List<QueuedPayment> payAtTheOldGateway() {
        List<QueuedPayment> payments = new ArrayList<>();
        String currency = old.profile().currency();
        for (int index : new int[] {3, 17}) {
            String customerId = old.layout().customers().get(index).customerId();
            payments.add(QueuedPayment.pending("MM-" + index, customerId, 2_000 + index, currency, clock.now(),
                    "mobile money export, line " + index));
        }
        old.postPayments(new PostPayments(payments.stream().map(p -> new PostPayments.Payment(p.reference(),
                p.customerId(), p.amountMinor(), p.currency(), p.paidAt(), p.source())).toList()));
        return payments;
    }

    /**
     * The rule: each balance on the new gateway is the dead gateway's, at most one minor unit short per charge line,
     * as each line posts its exact total rounded down.
     */
    private void assertBalancesAsTheDeadGatewaysWouldBe(GatewayReplacing.Result result) {
        Map<String, Long> expected = balancesOfTheDeadGateway();
        for (Reconciled.Row row : result.reconciled().rows()) {
            long lines = result.reconciled().lines().stream()
                    .filter(line -> line.customerId().equals(row.customerId()) && line.kind() != EntryKind.TOP_UP)
                    .count();
            assertThat(replacement.gateway().balance(row.customerId())).as(row.customerId())
                    .isEqualTo(row.resultingBalanceMinor())
                    .isCloseTo(expected.get(row.customerId()), within(lines));
        }
    }

    /**
     * The payments customers made by mobile money since the pull, which the dead gateway's simulation credited as
     * they came: the operator's export of them, imported on the new gateway, which credits each once.
     */
    private void importTheMobileMoneyTheDeadGatewayTook(long pulled) {
        ReplacedSites.importTheMobileMoneyTheDeadGatewayTook(old, replacement.gateway(), pulled);
    }

    /**
     * How far each balance on the new gateway stood from the dead gateway's right after the reconciliation: the
     * rounding of the gap's lines. The days billed after move it by at most one minor unit in all: the fraction of
     * a unit the dead gateway's engine had accrued and not yet posted, which the new engine starts without.
     */
    private Map<String, Long> differences(GatewayReplacing.Result result) {
        Map<String, Long> dead = balancesOfTheDeadGateway();
        return result.reconciled().rows().stream().collect(Collectors.toMap(Reconciled.Row::customerId,
                row -> replacement.gateway().balance(row.customerId()) - dead.get(row.customerId())));
    }

    /** What the dead gateway's engine holds now for each customer, balances it would have shown at the read. */
    private Map<String, Long> balancesOfTheDeadGateway() {
        return old.meterStatus().stream()
                .collect(Collectors.toMap(MeterStatus::customerId, MeterStatus::balanceMinor));
    }

    private Map<String, Long> balancesOfTheNewGateway() {
        return replacement.gateway().meterStatus().stream()
                .collect(Collectors.toMap(MeterStatus::customerId, MeterStatus::balanceMinor));
    }

    private String siteId() {
        return old.profile().siteId();
    }

    private GatewayClient supervisor(InetSocketAddress address) throws IOException {
        return ReplacedSites.supervisor(address, siteId(), clock.now(), pins, false);
    }

    private GatewayClient supervisorRepinning() throws IOException {
        return ReplacedSites.supervisor(replacement.address(), siteId(), clock.now(), pins, true);
    }

    private GatewayClient connect(Authentication auth) throws IOException {
        InetSocketAddress address = replacement.address();
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000), auth,
                Duration.ofSeconds(10));
    }
}
