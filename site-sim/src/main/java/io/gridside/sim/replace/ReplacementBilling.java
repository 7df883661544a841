package io.gridside.sim.replace;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.ReadingHistory;
import io.gridside.billing.Takeover;
import io.gridside.billing.Tick;
import io.gridside.billing.config.BillingConfig;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.server.CashBook;
import io.gridside.link.server.PaymentPosting;
import io.gridside.sim.GatewayCash;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayCommand;
import io.gridside.site.RelayDecision;
import io.gridside.site.RelayState;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import io.gridside.site.cash.CashBookLine;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replacement gateway's own billing, from its reconciliation on: the billing engine the simulated gateways use,
 * taking the site over ({@link Takeover}) on the restored and reconciled balances and on the continued ledger, so
 * its entries follow the dead gateway's chain. Each quarter hour it bills the readings its meters sent after the
 * register each was reconciled to, the cash and payments taken since (with the mobile money the site's payment
 * provider sends, from the death of the old gateway on: {@link PaymentProvider}), and turns relays on its
 * decisions. Not thread-safe: its gateway locks around it.
 *
 * <p>It bills with the configuration the restore carried (decision 0075): each customer on their own tariff's
 * schedule, under the site's credit terms; from a console that sent none, with the site's flat tariff under plain
 * terms. Each account goes on with the block period, month and credit state the reconciliation carried for it
 * (decision 0084), so the takeover gives no cheap block, emergency credit, grace or month free of its minimum a
 * second time.
 *
 * <p>Its cash book goes on with the dead gateway's receipt books as the replica held them: each credential's
 * receipts are numbered on from its last, and the cash it took counts against its limit. It holds the receipts the
 * dead gateway issued after the replica's last pull, which the reconciliation carried from their slips, as its
 * own: a technician's cash-up counts them, and their numbers and cash go into their books as above.
 *
 * <p>It keeps its readings, cash and relay commands in memory; a gateway that keeps a journal
 * ({@link ReplacementJournal}) rebuilds them on a restart by taking the requests it kept again.
 */
final class ReplacementBilling {

    private static final Logger LOG = LoggerFactory.getLogger(ReplacementBilling.class);

    private final SiteInfo site;
    private final BillingEngine engine;
    private final GatewayCash cash;
    private final PaymentPosting posting;
    private final MeterRegisters meters;
    /** Where each meter's billing stands: the end of the last interval billed, by the gap or by a tick. */
    private final Map<String, Instant> billedTo = new HashMap<>();
    private final Map<String, Long> registers = new HashMap<>();
    private final Map<String, Instant> lastReadingEnds = new HashMap<>();
    private final List<Reading> billed = new ArrayList<>();
    /** Every relay command issued, by meter, newest last. */
    private final Map<String, List<RelayCommand>> commands = new LinkedHashMap<>();
    private final Supplier<Instant> clock;
    /**
     * The site's payment provider, which sends again what its customers paid while the site had no gateway, and from
     * then on what they pay, as it sends any gateway.
     */
    private final PaymentProvider provider;
    /** When the dead gateway died: the payments made from then on reached no gateway. */
    private final Instant diedAt;
    /** When the reconciliation was posted, which no payment taken after it is dated at or before. */
    private final Instant reconciledAt;
    private long lastCommandId;
    private Instant lastTick;

    private ReplacementBilling(SiteInfo site, BillingEngine engine, MeterRegisters meters, Instant reconciledAt,
            Supplier<Instant> clock, Retries retries, List<BeginRestore.ReceiptBook> books,
            List<CashBookLine> lateReceipts) {
        this.site = site;
        this.engine = engine;
        this.meters = meters;
        this.reconciledAt = reconciledAt;
        this.lastTick = Reading.intervalStartOf(reconciledAt);
        this.clock = clock;
        this.provider = retries.provider();
        this.diedAt = retries.diedAt();
        this.posting = new PaymentPosting(site.currency());
        this.cash = GatewayCash.inMemory(site.currency(), CashBook.inMemoryContinuing(
                books == null ? List.of() : books, lateReceipts), engine, this::customerOf, this::dateAfterLastTick);
        // A reading that closes a gap is billed as its spread, as the simulated gateways and the audit's replay do.
        engine.spreadingGaps(new BilledHistory());
    }

    /**
     * The site's payment provider, and when the dead gateway died, from which on what customers paid reached no
     * gateway and is sent again.
     */
    record Retries(PaymentProvider provider, Instant diedAt) {
    }

    /** The readings this gateway billed before the tick under way, which a gap's spread looks back on. */
    private final class BilledHistory implements ReadingHistory {

        @Override
        public Optional<Instant> lastReadingEnd(String meterId, Instant notAfter) {
            return ReadingHistory.of(billed).lastReadingEnd(meterId, notAfter);
        }

        @Override
        public List<Reading> readings(String meterId, Instant from, Instant to) {
            return ReadingHistory.of(billed).readings(meterId, from, to);
        }
    }

    /**
     * Starts billing the restored site at {@code at}, when its reconciliation was posted: each account on its
     * reconciled balance, going on with the period the reconciliation says the gap left it in (decision 0084), or
     * afresh when it says none; each meter from the register the reconciliation billed its gap to (the one read, or
     * for a stale read the meter's last reading in the replica), or from {@code at} for a meter that could not be
     * read. A gateway started again on its journal takes the same
     * reconciliation again, so it goes on with the same periods and reopens none.
     *
     * @param read the registers the gateway read for the reconciliation, or null when it read none
     * @param periods the accounts' periods the first reconciliation carried; empty when it carried none
     * @param billedTo where the reconciliation billed each meter whose register read was stale (section 6.42): its
     *     last reading in the replica, from which it is billed on instead of from the register read
     * @param clock the gateway's clock
     */
    static ReplacementBilling start(RestoredSite restored, RegistersRead read,
            List<PostReconciliation.AccountPeriod> periods, List<PostReconciliation.BilledTo> billedTo,
            MeterRegisters meters, Instant at, Supplier<Instant> clock, Retries retries) {
        SiteInfo site = restored.begin().site();
        Tariff tariff = restored.begin().tariff();
        BillingConfig config = restored.billingConfig();
        Instant opened = Reading.intervalStartOf(at);
        Map<String, String> meterOf = new LinkedHashMap<>();
        restored.accounts().forEach(a -> meterOf.put(a.customer().customerId(), a.meter().meterId()));
        BillingEngine engine = Takeover.engine(tariff, config.rater(site.zone()), config.terms(),
                config.customerTariffs(site.zone()), restored.ledger(), meterOf, restored.balances(),
                restored.debtsOwedNow(), periodsOf(periods), at);
        ReplacementBilling billing = new ReplacementBilling(site, engine, meters, at, clock, retries,
                restored.begin().receiptBooks(), restored.lateReceipts());
        Map<String, RegistersRead.Register> byMeter = new HashMap<>();
        if (read != null) {
            read.registers().forEach(register -> byMeter.put(register.meterId(), register));
        }
        // A stale register billed no gap: the meter goes on from its last reading in the replica, which the
        // reconciliation says, or the readings between the two would be billed again (decision 0096).
        billedTo.forEach(billed -> byMeter.put(billed.meterId(), new RegistersRead.Register(billed.meterId(),
                billed.registerWh(), billed.at())));
        for (RestoreChunk.Account account : restored.accounts()) {
            String meterId = account.meter().meterId();
            RegistersRead.Register register = byMeter.get(meterId);
            billing.billedTo.put(meterId, register != null ? register.at() : opened);
            if (register != null) {
                billing.registers.put(meterId, register.registerWh());
                billing.lastReadingEnds.put(meterId, register.at());
            }
        }
        LOG.info("The replacement gateway bills site {} from {}: {} accounts, {} going on with their periods, ledger "
                + "after entry {}.", site.siteId(), opened, restored.accounts().size(), periods.size(),
                restored.tipSeq());
        return billing;
    }

    /** The periods as the takeover goes on with them, by customer. */
    private static Map<String, Takeover.PeriodState> periodsOf(List<PostReconciliation.AccountPeriod> periods) {
        Map<String, Takeover.PeriodState> byCustomer = new HashMap<>();
        for (PostReconciliation.AccountPeriod p : periods) {
            byCustomer.put(p.customerId(), new Takeover.PeriodState(p.blockPeriod(), p.blockPeriodWh(),
                    p.energyMonth(), p.monthEnergyUnits(), p.firstFullMonth(), p.credit(), p.relay(),
                    p.emergencyDebtMinor(), p.energyPastZeroWh(), p.energyInGraceWh(), p.lowAlertArmed(),
                    p.remaindersCarried().stream()
                            .map(r -> new Takeover.Remainder(r.line(), r.unitsPerMinor(), r.units())).toList()));
        }
        return byCustomer;
    }

    BillingEngine engine() {
        return engine;
    }

    GatewayCash cash() {
        return cash;
    }

    PaymentPosting posting() {
        return posting;
    }

    /** Bills every quarter hour that ended by {@code now}. */
    void advance(Instant now) {
        while (!lastTick.plus(Reading.INTERVAL).isAfter(now)) {
            tick(lastTick.plus(Reading.INTERVAL));
        }
    }

    private void tick(Instant end) {
        List<Reading> due = readingsDue(end);
        List<TopUp> topUps = new ArrayList<>(cash.dueCash(end));
        topUps.addAll(sentAgain(end, topUps));
        Tick result = engine.tick(end, topUps, due);
        result.decisions().forEach(this::command);
        cash.postDueVoids(end).forEach(this::command);
        billed.addAll(due);
        lastTick = end;
    }

    /**
     * What the payment provider sent again by {@code end} that the gateway has not credited (a payment the
     * reconciliation credited, entered by the technician, is not credited twice): each dated when it was paid, or,
     * paid while no gateway billed, when it arrives, a second into the quarter hour after the reconciliation.
     */
    private List<TopUp> sentAgain(Instant end, List<TopUp> alsoDue) {
        List<TopUp> sent = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        alsoDue.forEach(topUp -> taken.add(topUp.reference()));
        for (TopUp paid : provider.undelivered(diedAt, end)) {
            if (engine.payment(paid.reference()).isEmpty() && engine.customers().contains(paid.customerId())
                    && taken.add(paid.reference())) {
                sent.add(new TopUp(paid.reference(), paid.customerId(), paid.amountMinor(), arrival(paid.at(), end)));
            }
        }
        if (!sent.isEmpty()) {
            LOG.info("The payment provider sent {} payments no gateway had taken; the gateway credits them in the "
                    + "quarter hour to {}.", sent.size(), end);
        }
        return sent;
    }

    /** When a payment made at {@code paidAt} reaches the gateway in the quarter hour to {@code end}. */
    private Instant arrival(Instant paidAt, Instant end) {
        Instant earliest = latest(lastTick, reconciledAt).plusSeconds(1);
        Instant at = paidAt.isAfter(earliest) ? paidAt : earliest;
        return at.isAfter(end) ? end : at;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The readings of the site's meters that end after where each meter's billing stands and by {@code end}: at
     * the first tick, those since the register its gap was billed to; then the quarter hour's.
     */
    private List<Reading> readingsDue(Instant end) {
        Instant earliest = billedTo.values().stream().min(Comparator.naturalOrder()).orElse(end);
        List<Reading> due = new ArrayList<>();
        for (Reading reading : meters.readings(earliest.minus(Reading.INTERVAL), end)) {
            Instant from = billedTo.get(reading.meterId());
            if (from != null && reading.intervalEnd().isAfter(from) && !reading.intervalEnd().isAfter(end)) {
                due.add(reading);
                billedTo.put(reading.meterId(), reading.intervalEnd());
                registers.put(reading.meterId(), reading.registerWh());
                lastReadingEnds.put(reading.meterId(), reading.intervalEnd());
            }
        }
        return due;
    }

    /** Sends the meter the command billing's decision calls for, over the mesh to the site's meters. */
    private void command(RelayDecision decision) {
        List<RelayCommand> ofMeter = commands.computeIfAbsent(decision.meterId(), id -> new ArrayList<>());
        lastCommandId++;
        ofMeter.add(new RelayCommand(lastCommandId, decision.meterId(), decision.customerId(), decision.relay(),
                decision.at(), RelayCommand.Status.PENDING, 1, 0, 1, decision.at(), decision.at(),
                decision.reason()));
        LOG.debug("Relay of meter {} commanded {} at {}: {}.", decision.meterId(), decision.relay(), decision.at(),
                decision.reason());
    }

    /**
     * The latest command of each meter, settled when the meter's relay reads back in the state it asks for; a
     * meter out of reach leaves it waiting.
     */
    List<RelayCommand> relayCommands() {
        List<RelayCommand> latest = new ArrayList<>();
        for (List<RelayCommand> ofMeter : commands.values()) {
            RelayCommand last = ofMeter.get(ofMeter.size() - 1);
            Optional<RelayState> relay = meters.relay(last.meterId());
            RelayCommand.Status status = relay.isEmpty() ? RelayCommand.Status.WAITING_OFF_MESH
                    : relay.get() == last.wanted() ? RelayCommand.Status.CONFIRMED_BY_READ_BACK
                    : RelayCommand.Status.READ_BACK;
            latest.add(new RelayCommand(last.commandId(), last.meterId(), last.customerId(), last.wanted(),
                    last.issuedAt(), status, last.sends(), status == RelayCommand.Status.CONFIRMED_BY_READ_BACK
                            ? 1 : 0, last.round(), lastTick, status.settled() ? null : lastTick.plus(
                                    Reading.INTERVAL), last.reason()));
        }
        return latest;
    }

    /** Each meter with its customer's balance, its last reading and the relay billing wants. */
    List<MeterStatus> statuses(List<RestoreChunk.Account> accounts) {
        List<MeterStatus> statuses = new ArrayList<>();
        for (RestoreChunk.Account account : accounts) {
            String customerId = account.customer().customerId();
            String meterId = account.meter().meterId();
            statuses.add(new MeterStatus(meterId, customerId, account.customer().name(), engine.balance(customerId),
                    site.currency(), lastReadingEnds.get(meterId), registers.getOrDefault(meterId, 0L),
                    account.meter().rssiDbm(), account.meter().parentId(), engine.relay(customerId),
                    engine.creditState(customerId)));
        }
        return statuses;
    }

    /** The readings this gateway billed whose interval starts in [from, to), of one meter or of all for null. */
    List<Reading> readings(Instant from, Instant to, String meterId) {
        return billed.stream()
                .filter(r -> !r.intervalStart().isBefore(from) && r.intervalStart().isBefore(to))
                .filter(r -> meterId == null || r.meterId().equals(meterId))
                .sorted(Comparator.comparing(Reading::intervalStart).thenComparing(Reading::meterId))
                .toList();
    }

    private String customerOf(String customerId, String meterId) {
        if (customerId != null) {
            return engine.customers().contains(customerId) ? customerId : null;
        }
        return engine.customerOfMeter(meterId).orElse(null);
    }

    /** The gateway's clock to the second, or a second after its last tick when its clock was set back. */
    private Instant dateAfterLastTick() {
        Instant at = clock.get().truncatedTo(ChronoUnit.SECONDS);
        return at.isAfter(lastTick) ? at : lastTick.plusSeconds(1);
    }
}
