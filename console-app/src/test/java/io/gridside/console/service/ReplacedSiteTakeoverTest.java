package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.PostPayments;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site that bills as a real mini-grid does (households on a lifeline block with an evening peak, shops on a
 * business tariff of their own, VAT, appliance loans repaid from top-ups, a clinic never cut off) loses its
 * gateway; the replacement, restored with the site's billing configuration, what its debts owe and its receipt
 * books, bills each customer as the dead gateway's simulation, which runs on, goes on billing the same meters, and
 * takes a technician's cash on from where the dead gateway left their receipt book.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplacedSiteTakeoverTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Instant FROM = Instant.parse("2026-06-01T09:00:00Z");
    private static final int METERS = 60;
    private static final SigningKey NEW_KEY = SigningKey.fromSeed(ByteString.fromHex("5b".repeat(32)));
    private static final long CASH_LIMIT = 50_000;
    private static final Set<EntryKind> CHARGES = Set.of(EntryKind.ENERGY, EntryKind.STANDING_CHARGE, EntryKind.TAX,
            EntryKind.LEVY, EntryKind.MINIMUM_CHARGE);

    @TempDir
    Path dir;

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final GatewayPins pins = GatewayPins.inMemory();
    private SimulatedSite site;
    private SimulatedGateway old;
    private SiteStore store;
    private ReplacementSite replacement;
    private long pulled;
    private Debt loan;
    private final List<String> receiptsOnTheDeadGateway = new ArrayList<>();

    @BeforeEach
    void runTheSiteUntilItsGatewayDies() throws IOException {
        site = SimulatedSite.start(new SiteSpec(METERS, 8, 2, NOW, SimBilling.REALISTIC_SHOPS_APART), clock);
        old = site.gateway();
        store = SiteStore.open(dir.resolve("site.db"));
        InetSocketAddress oldAddress = site.listenTcp(0);
        supervisor(oldAddress).close();
        try (GatewayClient client = cashier(oldAddress)) {
            receiptsOnTheDeadGateway.add(client.topUp(cash("CASH-R1", 1_500)).receipt());
            receiptsOnTheDeadGateway.add(client.topUp(cash("CASH-R2", 2_500)).receipt());
        }
        clock.advance(Duration.ofMinutes(20));
        try (GatewayClient client = supervisor(oldAddress)) {
            SitePull.run(client, store, FROM, clock.now(), Progress.NONE, () -> false);
        }
        pulled = store.lastLedgerSeq();
        clock.advance(Duration.ofHours(4));
        repayAllButALittleOfTheLoan();
        clock.advance(Duration.ofHours(4));
        site.stopListeningTcp();
        site.endTcpSessions();
        clock.advance(Duration.ofHours(8));
        replacement = ReplacementSite.listen(new ReplacementGateway(old.profile().siteId(), "GW-NEW002", NEW_KEY,
                DemoOperator.trusted(), clock, MeterRegisters.of(old)));
    }

    @AfterEach
    void close() {
        replacement.close();
        store.close();
        site.close();
    }

    @Test
    void theSiteHasTwoTariffsAndLoansToReplace() {
        BillingConfig config = BillingConfigDocument.decode(store.billingConfig().orElseThrow());

        assertThat(config.otherTariffs()).hasSize(1);
        assertThat(config.tariffOfCustomer()).isNotEmpty();
        assertThat(config.terms().debts()).isNotEmpty();
    }

    @Test
    void billsTheFirstWholeDayAfterTheReplacementOnEachCustomersTariffAsTheDeadGatewayWould() throws IOException {
        replace();
        long tip = store.lastLedgerSeq();
        ZoneId zone = ZoneId.of(old.profile().timeZone());
        LocalDate day = LocalDate.ofInstant(clock.now(), zone).plusDays(1);
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        clock.advance(Duration.between(clock.now(), dayEnd).plus(Duration.ofMinutes(20)));

        Map<String, Long> dead = chargesOfTheDay(old.ledgerAfter(tip), dayStart, dayEnd);
        Map<String, Long> replaced = chargesOfTheDay(replacement.gateway().ledgerAfter(tip), dayStart, dayEnd);

        assertThat(replaced.keySet()).isEqualTo(dead.keySet());
        assertThat(dead.keySet()).anyMatch(key -> key.startsWith(shop() + ":"))
                .anyMatch(key -> key.endsWith(":" + EntryKind.TAX));
        // Each kind of charge of each customer may differ by the fraction of a minor unit one engine had accrued
        // and not yet posted when the day began.
        dead.forEach((key, amount) -> assertThat(replaced.get(key)).as(key).isCloseTo(amount, within(1L)));
    }

    @Test
    void recoversALoanNearlyRepaidAfterTheReplacementOnlyAsFarAsItIsOwed() throws IOException {
        replace();
        ReplacedSites.importTheMobileMoneyTheDeadGatewayTook(old, replacement.gateway(), pulled);
        clock.advance(Duration.ofMinutes(20));
        long owed = owedOnTheDeadGateway();
        PostPayments payment = new PostPayments(List.of(new PostPayments.Payment("MM-LOAN-2", loan.customerId(),
                10_000, old.profile().currency(), clock.now(), "mobile money export")));

        old.postPayments(payment);
        replacement.gateway().postPayments(payment);
        clock.advance(Duration.ofMinutes(20));

        assertThat(owed).isPositive().isLessThan(10_000L * loan.sharePercent() / 100);
        List<Long> deadRecovery = recoveries(old.ledgerAfter(pulled), loan, "MM-LOAN-2");
        assertThat(deadRecovery).containsExactly(-owed);
        assertThat(recoveries(replacement.gateway().ledgerAfter(pulled), loan, "MM-LOAN-2")).isEqualTo(deadRecovery);
    }

    @Test
    void answersTheReplicasConfigurationAndTheAuditAgreesWithIt() throws IOException {
        byte[] before = store.billingConfig().orElseThrow();
        replace();
        clock.advance(Duration.ofHours(26));

        BillingReport report;
        try (GatewayClient client = supervisorRepinning()) {
            assertThat(client.hello().capabilities()).contains("billing-config");
            assertThat(client.billingConfig(() -> false)).isEqualTo(before);
            SitePull.run(client, store, Instant.EPOCH, client.lastGatewayClock(), Progress.NONE, () -> false);
            report = BillingAudit.run(store);
        }

        assertThat(store.billingConfig()).contains(before);
        assertThat(report.reconciliation().firstDifference()).isEmpty();
        assertThat(report.reconciliation().agrees()).isTrue();
        assertThat(report.reconciliation().checkedTo()).isAfter(clock.now().minus(Duration.ofHours(1)));
        assertThat(BillingAudit.replacement(store.ledger())).isPresent();
    }

    @Test
    void numbersATechniciansReceiptsOnFromTheDeadGatewaysAndCountsTheCashTakenThere() throws IOException {
        replace();

        CashReceipt receipt;
        try (GatewayClient client = cashier(replacement.address())) {
            receipt = client.topUp(cash("CASH-R3", 1_000));
        }

        String code = receiptsOnTheDeadGateway.get(0).substring(0, receiptsOnTheDeadGateway.get(0).lastIndexOf('-'));
        assertThat(receiptsOnTheDeadGateway).containsExactly(code + "-0001", code + "-0002");
        assertThat(receipt.outcome()).isEqualTo(CashReceipt.Outcome.CREDITED);
        assertThat(receipt.receipt()).isEqualTo(code + "-0003");
        assertThat(receipt.usedMinor()).isEqualTo(5_000);
        assertThat(receipt.remainingMinor()).isEqualTo(CASH_LIMIT - 5_000);
    }

    private void replace() throws IOException {
        try (GatewayClient client = supervisorRepinning()) {
            GatewayReplacing.run(client, store, Progress.NONE);
        }
    }

    /** Each customer's charges of one kind over the day, keyed {@code CUSTOMER:KIND}. */
    private static Map<String, Long> chargesOfTheDay(List<LedgerEntry> entries, Instant from, Instant to) {
        Map<String, Long> charges = new TreeMap<>();
        entries.stream().filter(e -> CHARGES.contains(e.kind()) && e.at().isAfter(from) && !e.at().isAfter(to))
                .forEach(e -> charges.merge(e.customerId() + ":" + e.kind(), e.amountMinor(), Long::sum));
        return charges;
    }

    private static List<Long> recoveries(List<LedgerEntry> entries, Debt loan, String payment) {
        return entries.stream().filter(e -> e.kind() == EntryKind.DEBT_RECOVERY
                && e.reference().equals("debt:" + loan.debtId() + ":payment:" + payment))
                .map(LedgerEntry::amountMinor).toList();
    }

    /**
     * A customer with a loan pays at the old gateway after the pull, enough to leave 100 owed; the operator's
     * export of the payment is on the laptop, so the reconciliation credits it and recovers the loan from it.
     */
    private void repayAllButALittleOfTheLoan() {
        loan = BillingConfigDocument.decode(store.billingConfig().orElseThrow()).terms().debts().get(0);
        long amount = (owedOnTheDeadGateway() - 100) * 100 / loan.sharePercent();
        QueuedPayment payment = QueuedPayment.pending("MM-LOAN-1", loan.customerId(), amount,
                old.profile().currency(), clock.now(), "mobile money export, line 1");
        old.postPayments(new PostPayments(List.of(new PostPayments.Payment(payment.reference(),
                payment.customerId(), payment.amountMinor(), payment.currency(), payment.paidAt(),
                payment.source()))));
        store.queuePayments(List.of(payment), clock.now());
    }

    /** What the loan owes by the dead gateway's ledger. */
    private long owedOnTheDeadGateway() {
        return loan.principalMinor() + old.ledgerAfter(0).stream().filter(e -> e.kind() == EntryKind.DEBT_RECOVERY
                && e.reference().startsWith("debt:" + loan.debtId() + ":")).mapToLong(LedgerEntry::amountMinor).sum();
    }

    private String shop() {
        return old.layout().customers().stream().filter(c -> c.category() == CustomerCategory.SHOP).findFirst()
                .orElseThrow().customerId();
    }

    private CashTopUp cash(String reference, long amountMinor) {
        return new CashTopUp(old.layout().customers().get(5).customerId(), null, amountMinor,
                old.profile().currency(), reference, "paid on site");
    }

    /** A technician who takes cash, on whichever gateway the site's pin names. */
    private GatewayClient cashier(InetSocketAddress address) throws IOException {
        SignedCredential cashier = DemoOperator.issue("T-0042", "Amina Wanjiru", Role.TECHNICIAN,
                List.of(old.profile().siteId()), NOW.minus(Duration.ofDays(1)), Duration.ofDays(30),
                Map.of("maxOfflineCashCreditMinor", CASH_LIMIT));
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                Authentication.of(cashier, pins).signingWith(DemoOperator.holderKey()), Duration.ofSeconds(10));
    }

    private GatewayClient supervisor(InetSocketAddress address) throws IOException {
        return ReplacedSites.supervisor(address, old.profile().siteId(), clock.now(), pins, false);
    }

    private GatewayClient supervisorRepinning() throws IOException {
        return ReplacedSites.supervisor(replacement.address(), old.profile().siteId(), clock.now(), pins, true);
    }
}
