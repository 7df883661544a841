package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.server.RestoreRefusedException;
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
 * A site whose households are on a daily lifeline block loses its gateway in the morning and has it replaced by
 * noon, the whole gap within one site day: the replacement goes on with each account's block period and credit
 * state, so the day of the takeover is charged as the dead gateway's simulation, which runs on, charges it; and the
 * audit, which bills the gap again on its own replay, agrees with a replacement that went on and shows where one
 * that opened every account afresh differs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplacedSiteTakeoverDayTest {

    /** 06:07 in Nairobi: the replica is pulled early in the site day, and the gateway is replaced before noon. */
    private static final Instant NOW = Instant.parse("2026-06-03T03:07:00Z");
    private static final int METERS = 60;
    private static final SigningKey NEW_KEY = SigningKey.fromSeed(ByteString.fromHex("5c".repeat(32)));
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
    private Instant pulledAt;

    @BeforeEach
    void runTheSiteUntilItsGatewayDiesInTheMorning() throws IOException {
        site = SimulatedSite.start(new SiteSpec(METERS, 8, 2, NOW, SimBilling.REALISTIC_SHOPS_APART), clock);
        old = site.gateway();
        store = SiteStore.open(dir.resolve("site.db"));
        InetSocketAddress oldAddress = site.listenTcp(0);
        clock.advance(Duration.ofMinutes(20));
        try (GatewayClient client = ReplacedSites.supervisor(oldAddress, siteId(), clock.now(), pins, false)) {
            SitePull.run(client, store, Instant.EPOCH, clock.now(), Progress.NONE, () -> false);
        }
        pulled = store.lastLedgerSeq();
        pulledAt = clock.now();
        clock.advance(Duration.ofHours(1));
        payAtTheDeadGateway();
        clock.advance(Duration.ofHours(1));
        site.stopListeningTcp();
        site.endTcpSessions();
        clock.advance(Duration.ofHours(3));
        replacement = ReplacementSite.listen(new ReplacementGateway(siteId(), "GW-NEW003", NEW_KEY,
                DemoOperator.trusted(), clock, MeterRegisters.of(old)));
    }

    @AfterEach
    void close() {
        replacement.close();
        store.close();
        site.close();
    }

    @Test
    void chargesTheDayOfTheTakeoverAsTheDeadGatewayWouldPerCustomerAndKind() throws IOException {
        replace();
        Instant takeover = clock.now();
        runToTheEndOfTheDayOf(takeover);

        Map<String, Long> dead = chargesOfTheDayOf(takeover, old.ledgerAfter(0));
        Map<String, Long> replaced = chargesOfTheDayOf(takeover, replacedLedger());

        assertThat(LocalDate.ofInstant(pulledAt, zone())).as("the gap lies within the site day")
                .isEqualTo(LocalDate.ofInstant(takeover, zone()));
        assertThat(replaced.keySet()).isEqualTo(dead.keySet());
        assertThat(dead.keySet()).anyMatch(key -> key.startsWith(household() + ":"))
                .anyMatch(key -> key.endsWith(":" + EntryKind.TAX));
        // The reconciliation posts its lines rounded down and the new gateway its own from a whole unit, where the
        // dead gateway rounded the day down once.
        dead.forEach((key, amount) -> assertThat(replaced.get(key)).as(key).isCloseTo(amount, within(1L)));
    }

    @Test
    void theAuditAgreesWithAReplacementThatWentOnWithEachAccountsPeriod() throws IOException {
        replace();
        runToTheEndOfTheDayOf(clock.now());

        BillingReport report = pullAndAudit();

        assertThat(report.reconciliation().firstDifference()).isEmpty();
        assertThat(report.reconciliation().agrees()).isTrue();
        assertThat(report.reconciliation().checkedTo()).isAfter(clock.now().minus(Duration.ofHours(1)));
    }

    @Test
    void theAuditFlagsAReplacementThatOpenedEveryAccountAfresh() throws IOException {
        replaceOnAGatewayThatIgnoresThePeriods();
        Instant takeover = clock.now();
        runToTheEndOfTheDayOf(takeover);

        long deadEnergy = energyOfTheDay(takeover, old.ledgerAfter(0));
        long afreshEnergy = energyOfTheDay(takeover, replacedLedger());
        BillingReport report = pullAndAudit();

        // Each household that used its block before noon gets up to 1 kWh of it again at the lifeline price.
        assertThat(deadEnergy - afreshEnergy).as("the lifeline block given a second time on the takeover day")
                .isGreaterThan(1_000L);
        assertThat(report.reconciliation().agrees()).isFalse();
        assertThat(report.reconciliation().firstDifference()).isPresent();
    }

    private void replace() throws IOException {
        try (GatewayClient client = supervisorRepinning()) {
            GatewayReplacing.Result result = GatewayReplacing.run(client, store, Progress.NONE);
            assertThat(result.reconciled().periods()).isNotEmpty();
        }
        ReplacedSites.importTheMobileMoneyTheDeadGatewayTook(old, replacement.gateway(), pulled);
    }

    /**
     * Replaces the gateway as {@link GatewayReplacing} does, but posts the reconciliation to the gateway without its
     * periods, as a gateway of schema 2 takes it: every account opens afresh at the takeover.
     */
    private void replaceOnAGatewayThatIgnoresThePeriods() throws IOException {
        try (GatewayClient client = supervisorRepinning()) {
            ReplicaRestore replica = ReplicaRestore.of(store);
            GapReconciliation gap = GapReconciliation.prepare(store, replica);
            replica.sendTo(client, Progress.NONE);
            RegistersRead registers = client.replacement().readRegisters();
            Reconciled reconciled = gap.reconcile(registers, store.pendingPayments());
            assertThat(reconciled.periods()).isNotEmpty();
            replacement.gateway().post(new PostReconciliation(replica.restoreId(), reconciled.lines()), "S-1");
            store.saveSite(replica.site(), client.hello().gatewayId());
        } catch (RestoreRefusedException e) {
            throw new AssertionError(e);
        }
        ReplacedSites.importTheMobileMoneyTheDeadGatewayTook(old, replacement.gateway(), pulled);
    }

    private BillingReport pullAndAudit() throws IOException {
        try (GatewayClient client = supervisorRepinning()) {
            SitePull.run(client, store, Instant.EPOCH, client.lastGatewayClock(), Progress.NONE, () -> false);
            return BillingAudit.run(store);
        }
    }

    /** Runs both gateways to 20 minutes past the end of the site day of {@code at}. */
    private void runToTheEndOfTheDayOf(Instant at) {
        Instant dayEnd = LocalDate.ofInstant(at, zone()).plusDays(1).atStartOfDay(zone()).toInstant();
        clock.advance(Duration.between(clock.now(), dayEnd).plus(Duration.ofMinutes(20)));
    }

    /** The replica's entries up to its last pull, then the new gateway's reconciliation and own billing. */
    private List<LedgerEntry> replacedLedger() {
        List<LedgerEntry> entries = new ArrayList<>(store.ledger().stream().filter(e -> e.seq() <= pulled).toList());
        entries.addAll(replacement.gateway().ledgerAfter(pulled));
        return entries;
    }

    /** Each customer's charges of one kind over the site day of {@code at}, keyed {@code CUSTOMER:KIND}. */
    private Map<String, Long> chargesOfTheDayOf(Instant at, List<LedgerEntry> entries) {
        LocalDate day = LocalDate.ofInstant(at, zone());
        Instant from = day.atStartOfDay(zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone()).toInstant();
        Map<String, Long> charges = new TreeMap<>();
        entries.stream().filter(e -> CHARGES.contains(e.kind()) && e.at().isAfter(from) && !e.at().isAfter(to))
                .forEach(e -> charges.merge(e.customerId() + ":" + e.kind(), e.amountMinor(), Long::sum));
        return charges;
    }

    /** What the site's energy cost over the site day of {@code at}, in minor units, positive. */
    private long energyOfTheDay(Instant at, List<LedgerEntry> entries) {
        return -chargesOfTheDayOf(at, entries).entrySet().stream()
                .filter(charge -> charge.getKey().endsWith(":" + EntryKind.ENERGY))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** A household pays by mobile money at the dead gateway after the pull; the export of it is on the laptop. */
    private void payAtTheDeadGateway() {
        QueuedPayment payment = QueuedPayment.pending("MM-DAY-1", household(), 5_000, old.profile().currency(),
                clock.now(), "mobile money export, line 1");
        old.postPayments(new PostPayments(List.of(new PostPayments.Payment(payment.reference(),
                payment.customerId(), payment.amountMinor(), payment.currency(), payment.paidAt(),
                payment.source()))));
        store.queuePayments(List.of(payment), clock.now());
    }

    private String household() {
        return old.layout().customers().stream().filter(c -> c.category() == CustomerCategory.HOUSEHOLD)
                .skip(3).findFirst().orElseThrow().customerId();
    }

    private ZoneId zone() {
        return ZoneId.of(old.profile().timeZone());
    }

    private String siteId() {
        return old.profile().siteId();
    }

    private GatewayClient supervisorRepinning() throws IOException {
        return ReplacedSites.supervisor(replacement.address(), siteId(), clock.now(), pins, true);
    }
}
