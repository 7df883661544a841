package io.gridside.billing;

import io.gridside.site.CreditState;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterLock;
import io.gridside.site.Reading;
import io.gridside.site.RelayDecision;
import io.gridside.site.RelayState;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import io.gridside.site.ledger.LedgerDays;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rates readings against a tariff schedule and keeps every customer's prepaid credit, deterministically.
 *
 * <p>Time advances in ticks, one per interval end. A tick first posts the standing charges of any site day
 * that has begun, then the top-ups, then the readings whose interval ended at the tick, each group in a fixed
 * order. Two engines fed the same openings and ticks therefore post the same ledger, entry for entry; that is
 * how the console proves a gateway's balances. Every entry a tick posts is dated at the tick, except a top-up and
 * the posting of charges made just before it, dated when it was paid (no later than the tick); so the entries of
 * the ticks up to T are exactly those dated up to T, and a ledger can be cut at any tick.
 *
 * <p>A reading's charges are not posted one by one: the {@link Rater} accrues them exactly, in fixed point, in the
 * account's {@link RatingState}, and the engine posts what accrued, one entry per charge line, at the end of each
 * site day (the tick at local midnight) and immediately before a change of state: a top-up or its void, an
 * adjustment, a credit decision that moves the relay, a reading rated by another tariff version than the last, a
 * meter exchange or a move-out. Each posting takes out whole
 * minor units and carries the remainder, so each line's postings always sum to its exact charge rounded down.
 *
 * <p>The customer's {@linkplain #balance balance} is the posted balance less what accrued since: it is exact to
 * the minor unit at every tick, and it is what the {@link CreditMachine} moves the credit state and decides the
 * relay by, under the site's {@link CreditTerms}, after every reading, so a disconnection falls in the same
 * quarter hour whether or not the charges that caused it are posted yet. A maintenance lock on a meter holds its
 * relay whatever billing decides.
 *
 * <p>Once told to {@linkplain #spreadingGaps spread gaps}, the engine bills a reading that closes a gap in its meter's
 * readings (its energy the register's exact rise since the last reading billed) as VEE's estimate of the gap: the
 * rise spread over the gap's quarter hours, each rated at its own time of day, all at the tick that closed the
 * gap, and the tick lists the estimate with its method.
 *
 * <p>Everything the engine knows of an account can be saved ({@link #accountState}) and an engine resumed from it
 * ({@link #resume}), so a gateway that keeps the saved states with the readings it rated loses nothing between
 * postings when it stops.
 */
public final class BillingEngine {

    private final Tariff tariff;
    /** The schedule and calendar it rates with; replaced when a tariff version arrives (see {@link #rateWith}). */
    private Rater rater;
    /** The tariff of each customer not on {@link #rater}'s, on a site with more than one. */
    private CustomerTariffs tariffs = CustomerTariffs.NONE;
    private final ZoneId zone;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Account> accountsByMeter = new HashMap<>();
    private final LedgerStore ledger;
    private final CreditTerms terms;
    private final CreditMachine credit;
    private final DebtBook debts = new DebtBook();
    private final List<MeterLock> liftedLocks = new ArrayList<>();
    /** The entries the tick under way has posted so far. */
    private final List<LedgerEntry> posted = new ArrayList<>();
    /** The low-credit alerts the tick under way has raised so far. */
    private final List<CreditAlert> alerts = new ArrayList<>();
    /** The customers whose account changed since {@link #takeChangedAccounts} was last called, in order. */
    private final Set<String> changed = new LinkedHashSet<>();
    /** The gaps the tick under way has closed so far. */
    private final List<GapEstimate> estimates = new ArrayList<>();
    /** Where each meter's last reading billed ended, as far as this engine has seen; see {@link #history}. */
    private final Map<String, Instant> lastReadingEnds = new HashMap<>();
    /** The readings billed before, which a gap's spread looks back on; null when gaps are not spread. */
    private ReadingHistory history;
    private GapSpreading spreading;
    private Instant lastTick;

    /** An engine that keeps its ledger in memory. */
    public BillingEngine(Tariff tariff, ZoneId zone) {
        this(tariff, zone, LedgerStore.inMemory());
    }

    /**
     * An engine that keeps its ledger in {@code ledger}, which must be empty: the store changes where the entries
     * live, never which entries are posted.
     */
    public BillingEngine(Tariff tariff, ZoneId zone, LedgerStore ledger) {
        this(tariff, zone, ledger, CreditTerms.PLAIN);
    }

    /**
     * An engine that rates at the flat tariff and decides credit under {@code terms}, keeping its ledger in
     * {@code ledger}.
     */
    public BillingEngine(Tariff tariff, ZoneId zone, LedgerStore ledger, CreditTerms terms) {
        this(tariff, new Rater(TariffSchedule.flat(tariff), zone, terms.calendar()::isHoliday), ledger, terms);
    }

    /** An engine that rates with {@code rater} under plain credit terms; see the constructor with terms. */
    public BillingEngine(Tariff tariff, Rater rater, LedgerStore ledger) {
        this(tariff, rater, ledger, CreditTerms.PLAIN);
    }

    /**
     * An engine that rates with {@code rater}, decides credit under {@code terms} and keeps its ledger in
     * {@code ledger}, which must be empty.
     *
     * @param tariff the flat tariff the site reply carries, whose low-credit threshold the engine keeps to; its
     *     currency must be the schedule's, and its prices give way to the schedule's
     */
    public BillingEngine(Tariff tariff, Rater rater, LedgerStore ledger, CreditTerms terms) {
        this(tariff, rater, ledger, terms, true);
    }

    /** An engine on {@code ledger}, which may hold entries only when {@link #resume} makes the engine. */
    private BillingEngine(Tariff tariff, Rater rater, LedgerStore ledger, CreditTerms terms, boolean fresh) {
        if (fresh && ledger.lastSeq() != 0) {
            throw new IllegalArgumentException("A billing engine starts on an empty ledger, and this one holds "
                    + ledger.lastSeq() + " entries.");
        }
        if (!tariff.currency().equals(rater.schedule().currency())) {
            throw new IllegalArgumentException("The site bills in " + tariff.currency() + " but tariff "
                    + rater.schedule().tariffId() + " prices in " + rater.schedule().currency() + ".");
        }
        this.tariff = tariff;
        this.rater = rater;
        this.zone = rater.zone();
        this.ledger = ledger;
        this.terms = terms;
        this.credit = new CreditMachine(terms.policy(), terms.calendar(), zone, tariff.lowCreditMinor());
    }

    /**
     * An engine resumed where a saved one stopped: its accounts as {@link #accountState} saved them, its ledger
     * holding every entry the saved engine had posted, and its last tick.
     *
     * @param states the state of every account, in the order the accounts were opened
     * @throws IllegalArgumentException when a state is not one this engine wrote, or names a debt the terms lack
     */
    public static BillingEngine resume(Tariff tariff, Rater rater, LedgerStore ledger, CreditTerms terms,
            List<byte[]> states, Instant lastTick) {
        BillingEngine engine = new BillingEngine(tariff, rater, ledger, terms, false);
        for (byte[] state : states) {
            AccountCodec.Decoded decoded = AccountCodec.decode(state);
            Account account = decoded.account();
            engine.accounts.put(account.customerId, account);
            if (account.closedAt == null) {
                engine.accountsByMeter.put(account.meterId, account);
            }
            terms.debtsOf(account.customerId).forEach(engine.debts::add);
            decoded.debtsRemaining().forEach(engine.debts::restoreRemaining);
        }
        engine.lastTick = lastTick;
        return engine;
    }

    /**
     * Everything the engine knows of the customer's account, as bytes that {@link #resume} reads: a gateway keeps
     * them with the readings it rated, in one transaction.
     */
    public byte[] accountState(String customerId) {
        Account account = account(customerId);
        Map<String, Long> remaining = new LinkedHashMap<>();
        debts.debtsOf(customerId).forEach(debt -> remaining.put(debt.debtId(), debts.remaining(debt.debtId())));
        return AccountCodec.encode(account, remaining);
    }

    /**
     * Bills every reading that closes a gap from now on as VEE's spread of the gap over its quarter hours, looking
     * back on {@code readings} for where the gap began and for the customer's profile. A gateway and the console's
     * replay of it must both spread, or both not, to post the same ledger.
     *
     * @param readings the readings billed before each tick; it must know every reading of the ticks before, and
     *     none of the tick under way
     * @return this engine
     */
    public BillingEngine spreadingGaps(ReadingHistory readings) {
        this.history = readings;
        this.spreading = new GapSpreading(zone);
        return this;
    }

    /** The customers whose account changed since the last call (opened, rated, posted, moved), in order. */
    public List<String> takeChangedAccounts() {
        List<String> taken = List.copyOf(changed);
        changed.clear();
        return taken;
    }

    public Tariff tariff() {
        return tariff;
    }

    public CreditTerms terms() {
        return terms;
    }

    /**
     * Opens a customer's account with the balance the customer starts with on this site, and applies the terms'
     * never-disconnect setting and debts for the customer.
     */
    public LedgerEntry openAccount(String customerId, String meterId, long openingMinor, Instant at) {
        if (accounts.containsKey(customerId)) {
            throw new IllegalStateException("Customer " + customerId + " already has an account.");
        }
        if (meterId == null) {
            throw new IllegalArgumentException("Customer " + customerId + " has no meter to bill.");
        }
        if (accountsByMeter.containsKey(meterId)) {
            throw new IllegalStateException("Meter " + meterId + " already belongs to customer "
                    + accountsByMeter.get(meterId).customerId + ".");
        }
        Account account = new Account(customerId, meterId, at, RatingState.openedOn(day(at)));
        account.lastStandingDay = day(at).minusDays(1);
        accounts.put(customerId, account);
        accountsByMeter.put(meterId, account);
        changed.add(customerId);
        lastTick = lastTick == null || at.isAfter(lastTick) ? at : lastTick;
        account.neverDisconnect = terms.neverDisconnect().contains(customerId);
        terms.debtsOf(customerId).forEach(debts::add);
        LedgerEntry opening = post(account, at, EntryKind.OPENING, openingMinor, "opening");
        // The relay starts on; a first evaluation at the next tick opens it if the opening balance calls for it.
        // An opening under the low-credit threshold raises no alert: the alert is for a fall, not a start.
        credit.evaluate(account, at, new ArrayList<>(), new ArrayList<>());
        account.relay = RelayState.ON;
        return opening;
    }

    /**
     * Opens the account of a customer who moves in on a meter a move-out freed, as {@link #openAccount} does, except
     * that the account pays the standing and minimum charges only of the site days whose first tick (00:15, when a
     * day's standing charge is due) it was open at. An account that opens after that tick starts paying the next
     * day: the day's charge is the account's that was open at the tick, the customer who moved out, and a meter's
     * day is charged once.
     */
    public LedgerEntry moveIn(String customerId, String meterId, long openingMinor, Instant at) {
        LedgerEntry opening = openAccount(customerId, meterId, openingMinor, at);
        Instant firstTick = day(at).atStartOfDay(zone).toInstant().plus(Reading.INTERVAL);
        if (!at.isBefore(firstTick)) {
            accounts.get(customerId).lastStandingDay = day(at);
        }
        return opening;
    }

    /**
     * Advances billing to {@code end}: standing charges, then top-ups, then the readings that ended there.
     *
     * @param topUps payments that arrived since the previous tick; a payment already credited is skipped
     * @param readings readings whose interval ends at {@code end}
     */
    public Tick tick(Instant end, List<TopUp> topUps, List<Reading> readings) {
        posted.clear();
        alerts.clear();
        estimates.clear();
        lastTick = end;
        List<RelayDecision> decisions = new ArrayList<>();
        endGrace(end, decisions);
        chargeStanding(end, decisions);
        topUps.stream()
                .sorted(Comparator.comparing(TopUp::at).thenComparing(TopUp::reference))
                .forEach(topUp -> credit(topUp, end, decisions));
        readings.stream()
                .sorted(Comparator.comparing(Reading::meterId))
                .forEach(reading -> rate(reading, end, decisions));
        if (!day(end).equals(day(end.minusNanos(1)))) {
            accounts.values().forEach(account -> postAccrued(account, end));
        }
        return new Tick(posted, decisions, alerts, estimates);
    }

    /**
     * Posts a correction that re-rating found, as a new entry of kind {@link EntryKind#ADJUSTMENT} dated {@code at},
     * and moves the customer's credit on it; like a top-up, it first posts what the customer accrued, dated
     * {@code at}. Nothing posted before changes: the ledger is append-only. A gateway
     * dates one at its last tick, or at its ledger's latest entry if that is later, so that a replay posts it after
     * that tick's entries and the changes made since.
     *
     * @param amountMinor positive to give back an overcharge, negative to charge what was missed
     * @param reference the adjustment's reference, which names the day and line it corrects
     * @return what the correction posted and decided
     */
    public Tick adjust(String customerId, Instant at, long amountMinor, String reference) {
        Account account = account(customerId);
        if (!reference.startsWith(LedgerDays.ADJUSTMENT_PREFIX)) {
            throw new IllegalArgumentException("An adjustment's reference names the day it corrects after '"
                    + LedgerDays.ADJUSTMENT_PREFIX + "'; '" + reference + "' does not.");
        }
        posted.clear();
        alerts.clear();
        List<RelayDecision> decisions = new ArrayList<>();
        postAccrued(account, at);
        post(account, at, EntryKind.ADJUSTMENT, amountMinor, reference);
        evaluate(account, at, decisions);
        return new Tick(posted, decisions, alerts);
    }

    /** Re-evaluates, in account order, the customers whose disconnection waits for grace to end. */
    private void endGrace(Instant end, List<RelayDecision> decisions) {
        for (Account account : accounts.values()) {
            if (account.closedAt == null && CreditMachine.awaitsTime(account)) {
                evaluate(account, end, decisions);
            }
        }
    }

    private void chargeStanding(Instant end, List<RelayDecision> decisions) {
        LocalDate today = day(end.minusNanos(1));
        for (Account account : accounts.values()) {
            while (account.closedAt == null && account.lastStandingDay.isBefore(today)) {
                // Only when ticks skipped the midnight that would have posted the day that ended.
                postAccrued(account, end);
                account.lastStandingDay = account.lastStandingDay.plusDays(1);
                for (Charge charge : raterOf(account).dayBegins(account.rating, account.lastStandingDay)) {
                    post(account, end, charge.kind(), -charge.amountMinor(), charge.reference());
                }
                evaluate(account, end, decisions);
            }
        }
    }

    private void credit(TopUp topUp, Instant end, List<RelayDecision> decisions) {
        Account account = account(topUp.customerId());
        if (ledger.payment(topUp.reference()).isPresent()) {
            return;
        }
        Instant at = topUp.at().isAfter(end) ? end : topUp.at();
        postAccrued(account, at);
        post(account, at, EntryKind.TOP_UP, topUp.amountMinor(), LedgerStore.PAYMENT_PREFIX + topUp.reference());
        for (DebtBook.Recovery recovery : debts.recover(account.customerId, topUp.amountMinor())) {
            post(account, at, EntryKind.DEBT_RECOVERY, -recovery.amountMinor(),
                    DebtBook.reference(recovery.debt().debtId(), topUp.reference()));
        }
        evaluate(account, at, decisions);
    }

    /**
     * Rates a reading of the tick ending at {@code end}; one that closes a gap is rated as the gap's estimate,
     * quarter hour by quarter hour, each moving the credit state at the tick.
     */
    private void rate(Reading reading, Instant end, List<RelayDecision> decisions) {
        Account account = accountOfMeter(reading.meterId());
        Optional<GapEstimate> gap = gapClosedBy(account, reading);
        if (gap.isEmpty()) {
            accrue(account, reading, reading.intervalEnd(), decisions);
        } else {
            estimates.add(gap.get());
            for (Reading estimated : GapSpreading.readingsOf(gap.get())) {
                accrue(account, estimated, end, decisions);
            }
        }
        lastReadingEnds.put(reading.meterId(), reading.intervalEnd());
    }

    /** The gap the reading closes, when gaps are spread and the account's meter has billed a reading before. */
    private Optional<GapEstimate> gapClosedBy(Account account, Reading reading) {
        if (spreading == null) {
            return Optional.empty();
        }
        Instant known = lastReadingEnds.get(reading.meterId());
        ReadingHistory before = known == null ? history : new KnownReadingEnd(history, reading.meterId(), known);
        return spreading.gapClosedBy(reading, Reading.intervalStartOf(account.openedAt), before);
    }

    /**
     * Accrues a reading's charges to the account, posting first what accrued under another tariff version, and
     * moves the credit state on the balance that results, at {@code at}.
     */
    private void accrue(Account account, Reading reading, Instant at, List<RelayDecision> decisions) {
        Rater rater = raterOf(account);
        LocalDateTime version = rater.versionInForce(reading.intervalStart());
        if (account.rating.ratedVersion != null && !version.equals(account.rating.ratedVersion)) {
            postAccrued(account, at);
        }
        long accruedBefore = account.rating.accruedMinor();
        rater.accrueInterval(account.rating, reading);
        changed.add(account.customerId);
        credit.recordDelivery(account, reading.energyWh(), account.rating.accruedMinor() - accruedBefore);
        evaluate(account, at, decisions);
    }

    /**
     * Moves the account's credit state; a decision that moves the relay first posts what accrued, so the ledger
     * shows the charges that led to it. Posting leaves the balance the decision was made on as it was.
     */
    private void evaluate(Account account, Instant at, List<RelayDecision> decisions) {
        int decided = decisions.size();
        credit.evaluate(account, at, decisions, alerts);
        changed.add(account.customerId);
        if (decisions.size() > decided) {
            postAccrued(account, at);
        }
    }

    /** Posts what the account accrued since its last posting, one entry per charge line, dated {@code at}. */
    private void postAccrued(Account account, Instant at) {
        for (Charge charge : raterOf(account).postAccrued(account.rating)) {
            post(account, at, charge.kind(), -charge.amountMinor(), charge.reference());
        }
    }

    private LedgerEntry post(Account account, Instant at, EntryKind kind, long amountMinor, String reference) {
        changed.add(account.customerId);
        account.balanceMinor = Math.addExact(account.balanceMinor, amountMinor);
        LedgerEntry entry = new LedgerEntry(ledger.lastSeq() + 1, at, account.customerId, kind, amountMinor,
                account.balanceMinor, reference);
        ledger.append(entry);
        posted.add(entry);
        return entry;
    }

    /**
     * Takes back the credit of the payment {@code reference}, voided at {@code at}: posts the payment's amount
     * negated as a {@code TOP_UP} entry whose reference is {@value LedgerStore#VOID_PREFIX} and the payment's, then
     * moves the customer's credit state. Like a top-up, it first posts what the customer accrued, dated {@code at}.
     * A gateway calls it for a tick's voids right after the tick, in the order of their dates and references, and a
     * replay does the same, so both post it in the same place.
     *
     * <p>A share of the payment that repaid a debt is given back the same way: for each {@code DEBT_RECOVERY} the
     * payment made, a {@code DEBT_RECOVERY} of the opposite amount (reference {@code debt:ID:void:REF}) is posted
     * before the void and the debt owes that much again, so the void takes back from the customer's credit only what
     * the payment left there, and the debt's statement shows the repayment undone.
     *
     * @throws IllegalArgumentException when the engine has credited no payment {@code reference}
     */
    public Tick reverse(String reference, Instant at) {
        LedgerEntry payment = ledger.payment(reference).orElseThrow(() -> new IllegalArgumentException(
                "No payment " + reference + " was credited, so none can be voided."));
        posted.clear();
        alerts.clear();
        List<RelayDecision> decisions = new ArrayList<>();
        Account account = account(payment.customerId());
        postAccrued(account, at);
        for (LedgerEntry recovery : recoveriesOf(payment)) {
            String debtId = DebtBook.debtIdOf(recovery);
            debts.giveBack(debtId, -recovery.amountMinor());
            post(account, at, EntryKind.DEBT_RECOVERY, -recovery.amountMinor(), DebtBook.voidReference(debtId,
                    reference));
        }
        post(account, at, EntryKind.TOP_UP, -payment.amountMinor(), LedgerStore.VOID_PREFIX + reference);
        evaluate(account, at, decisions);
        return new Tick(posted, decisions, alerts);
    }

    /** The debt recoveries the payment made, which the credit posted right after the payment's own entry. */
    private List<LedgerEntry> recoveriesOf(LedgerEntry payment) {
        String ofPayment = ":" + payment.reference();
        List<LedgerEntry> recoveries = new ArrayList<>();
        for (LedgerEntry entry : ledger.after(payment.seq())) {
            if (entry.kind() != EntryKind.DEBT_RECOVERY || !entry.customerId().equals(payment.customerId())
                    || !entry.reference().endsWith(ofPayment)) {
                break;
            }
            recoveries.add(entry);
        }
        return recoveries;
    }

    /**
     * Exchanges the customer's meter between ticks: the old meter's last energy ({@code finalReading}, its
     * register's rise since the last reading billed) is accrued and all that the account accrued is posted at
     * {@code at}, as before any change of state, and the account, with its
     * balance, debts, credit state, rating state and any maintenance lock, is billed by {@code newMeterId} from
     * then on. The new meter's opening register is not billed: its first reading bills the rise from it.
     *
     * @param finalReading the old meter's last energy, in the interval that holds {@code at}
     * @return what the final reading posted and decided
     * @throws IllegalArgumentException when the final reading is not of the customer's meter, or the new meter
     *     already belongs to an account
     */
    public Tick exchangeMeter(String customerId, Reading finalReading, String newMeterId, Instant at) {
        Account account = openAccountOf(customerId);
        if (!finalReading.meterId().equals(account.meterId)) {
            throw new IllegalArgumentException("Customer " + customerId + " is billed by meter " + account.meterId
                    + ", not by meter " + finalReading.meterId() + ".");
        }
        if (accountsByMeter.containsKey(newMeterId)) {
            throw new IllegalArgumentException("Meter " + newMeterId + " already belongs to customer "
                    + accountsByMeter.get(newMeterId).customerId + ".");
        }
        Tick last = rateBetweenTicks(account, finalReading, at);
        accountsByMeter.remove(account.meterId);
        account.meterId = newMeterId;
        accountsByMeter.put(newMeterId, account);
        return last;
    }

    /**
     * Closes the account of a customer who moves out, after accruing the meter's last energy if it is given and
     * posting all that the account accrued. The
     * balance and debts stay on the closed account, as its final statement shows them; the meter is free for
     * the next customer's {@link #openAccount}. A closed account is charged nothing more.
     *
     * @param finalReading the meter's last energy in the interval that holds {@code at}, or null to bill none
     * @return what the move-out posted and decided
     */
    public Tick moveOut(String customerId, Reading finalReading, Instant at) {
        Account account = openAccountOf(customerId);
        Tick last = rateBetweenTicks(account, finalReading, at);
        account.closedAt = at;
        accountsByMeter.remove(account.meterId);
        return last;
    }

    /** When the customer's account opened. */
    public Instant openedAt(String customerId) {
        return account(customerId).openedAt;
    }

    /** The tariff schedule and calendar the engine rates with, for re-rating a window of its own billing. */
    public Rater rater() {
        return rater;
    }

    /** The rater of the customer's tariff: {@link #rater} unless the customer is on another of the site's. */
    public Rater raterOf(String customerId) {
        return tariffs.raterOf(customerId, rater);
    }

    /** Whether a version pushed to tariff {@code tariffId} re-rates the customer (see {@link #rateWith}). */
    public boolean pushReaches(String customerId, String tariffId) {
        return tariffs.pushReaches(customerId, tariffId);
    }

    private Rater raterOf(Account account) {
        return tariffs.raterOf(account.customerId, rater);
    }

    /**
     * Rates the customers {@code customers} names each with their own tariff's rater from now on, and the rest
     * with {@link #rater}. A gateway and the console's replay of it must be given the same, to post the same ledger.
     *
     * @return this engine
     */
    public BillingEngine ratingCustomersBy(CustomerTariffs customers) {
        customers.raters().forEach(this::checkFits);
        this.tariffs = customers;
        return this;
    }

    /**
     * Rates every interval from now on with {@code newRater}: a schedule that gained a version, which replaces the
     * customer tariff of its id if there is one and the default schedule otherwise. Nothing posted changes;
     * {@link #rerated} moves each account to what re-rating its days with the new schedule leaves.
     *
     * @throws IllegalArgumentException for a schedule of another currency or a rater of another time zone
     */
    public void rateWith(Rater newRater) {
        checkFits(newRater);
        if (tariffs.has(newRater.schedule().tariffId())) {
            tariffs = tariffs.with(newRater);
        } else {
            this.rater = newRater;
        }
    }

    private void checkFits(Rater other) {
        if (!other.zone().equals(zone) || !other.schedule().currency().equals(tariff.currency())) {
            throw new IllegalArgumentException("The engine rates in " + zone + " and " + tariff.currency()
                    + "; tariff " + other.schedule().tariffId() + " prices in "
                    + other.schedule().currency() + " for " + other.zone() + ".");
        }
    }

    /** A copy of what rating remembers of the customer's account, which the engine goes on without. */
    public RatingState ratingState(String customerId) {
        return account(customerId).rating.copy();
    }

    /**
     * Posts what the customer accrued, dated {@code at}, and goes on from {@code state}: the account's rating state
     * as re-rating its days with a late tariff version leaves it. The adjustments that re-rating calls for are
     * posted after by {@link #adjust}; a replay of the gateway's ledger does both at the same place.
     *
     * @return the entries posted
     */
    public List<LedgerEntry> rerated(String customerId, Instant at, RatingState state) {
        Account account = account(customerId);
        posted.clear();
        postAccrued(account, at);
        account.rating = state.copy();
        changed.add(customerId);
        return List.copyOf(posted);
    }

    /** Every customer with an account, open or closed, in the order the accounts opened. */
    public List<String> customers() {
        return accounts.values().stream().map(account -> account.customerId).toList();
    }

    /** When the customer's account closed, after a move-out; empty while it is open. */
    public Optional<Instant> closedAt(String customerId) {
        return Optional.ofNullable(account(customerId).closedAt);
    }

    /** Whether the customer's account is closed, after a move-out. */
    public boolean closed(String customerId) {
        return account(customerId).closedAt != null;
    }

    /** The meter the customer's account is billed by now, or was billed by until it closed. */
    public String meterOf(String customerId) {
        return account(customerId).meterId;
    }

    /** The customer whose open account the meter bills, if any. */
    public Optional<String> customerOfMeter(String meterId) {
        return Optional.ofNullable(accountsByMeter.get(meterId)).map(account -> account.customerId);
    }

    /**
     * Accrues the meter's final reading, if there is one, and posts everything the account accrued, dated
     * {@code at}: charges accrued on a meter are posted before the account leaves it.
     */
    private Tick rateBetweenTicks(Account account, Reading reading, Instant at) {
        if (reading != null && !reading.meterId().equals(account.meterId)) {
            throw new IllegalArgumentException("Customer " + account.customerId + " is billed by meter "
                    + account.meterId + ", not by meter " + reading.meterId() + ".");
        }
        posted.clear();
        alerts.clear();
        List<RelayDecision> decisions = new ArrayList<>();
        if (reading != null) {
            accrue(account, reading, at, decisions);
            lastReadingEnds.put(reading.meterId(), reading.intervalEnd());
        }
        // The account changes meter or closes here, a change of state like a top-up: what accrued posts now.
        postAccrued(account, at);
        return new Tick(posted, decisions, alerts);
    }

    private Account openAccountOf(String customerId) {
        Account account = account(customerId);
        if (account.closedAt != null) {
            throw new IllegalStateException("Customer " + customerId + " moved out at " + account.closedAt
                    + "; the account is closed.");
        }
        return account;
    }

    /** The ledger entry that credited the payment {@code reference}, if the engine has credited it. */
    public Optional<LedgerEntry> payment(String reference) {
        return ledger.payment(reference);
    }

    /** The customer's balance to the minor unit: the posted balance less the charges accrued since it posted. */
    public long balance(String customerId) {
        return account(customerId).availableMinor();
    }

    /** The customer's balance as the ledger has it: that of their last entry. */
    public long postedBalance(String customerId) {
        return account(customerId).balanceMinor;
    }

    /** The charges accrued since the customer's last posting, in whole minor units. */
    public long accruedMinor(String customerId) {
        return account(customerId).rating.accruedMinor();
    }

    /** The part of {@link #accruedMinor} that the customer's lines of {@code kind} (energy, tax, levy) owe. */
    public long accruedMinor(String customerId, EntryKind kind) {
        return Rater.accruedMinor(account(customerId).rating, kind);
    }

    public RelayState relay(String customerId) {
        return account(customerId).relay;
    }

    public CreditState creditState(String customerId) {
        return account(customerId).state;
    }

    /** Energy the customer's meter delivered while their balance was below zero, in Wh. */
    public long energyPastZeroWh(String customerId) {
        return account(customerId).energyPastZeroWh;
    }

    /** The part of {@link #energyPastZeroWh} delivered while disconnection waited for grace to end, in Wh. */
    public long energyInGraceWh(String customerId) {
        return account(customerId).energyInGraceWh;
    }

    /** The debts recovered from the customer's top-ups, in the order they were added. */
    public List<Debt> debts(String customerId) {
        account(customerId);
        return debts.debtsOf(customerId);
    }

    /** What the debt {@code debtId} still owes, in minor units. */
    public long debtRemaining(String debtId) {
        return debts.remaining(debtId);
    }

    /** The debt's statement: every recovery from a top-up, in ledger order. */
    public List<LedgerEntry> debtStatement(String debtId) {
        debts.remaining(debtId);
        return ledger.after(0).stream().filter(e -> DebtBook.recovers(e, debtId)).toList();
    }

    /**
     * Places a maintenance lock on a meter: its relay goes to and stays at the lock's state, whatever billing
     * decides, until {@link #unlock}.
     *
     * @return the relay decision the lock makes, if it changes the relay
     */
    public Optional<RelayDecision> lock(MeterLock lock) {
        Account account = accountOfMeter(lock.meterId());
        if (account.lock != null) {
            throw new IllegalStateException("Meter " + lock.meterId() + " is already locked by "
                    + account.lock.placedBy() + ": " + account.lock.reason());
        }
        account.lock = lock;
        changed.add(account.customerId);
        return setRelay(account, lock.relay(), lock.placedAt(), "maintenance-lock");
    }

    /**
     * Lifts the meter's maintenance lock; the relay then follows the customer's credit state again.
     *
     * @return the relay decision lifting the lock makes, if it changes the relay
     */
    public Optional<RelayDecision> unlock(String meterId, String by, Instant at) {
        Account account = accountOfMeter(meterId);
        if (account.lock == null) {
            throw new IllegalStateException("Meter " + meterId + " has no maintenance lock to lift.");
        }
        liftedLocks.add(account.lock.lift(by, at));
        account.lock = null;
        changed.add(account.customerId);
        return setRelay(account, CreditMachine.wantedRelay(account), at, "lock-lifted");
    }

    /** The lock holding the meter's relay, if any. */
    public Optional<MeterLock> lockOf(String meterId) {
        return Optional.ofNullable(accountOfMeter(meterId).lock);
    }

    /** Every lock lifted so far, with who placed and lifted it, in the order they were lifted. */
    public List<MeterLock> liftedLocks() {
        return List.copyOf(liftedLocks);
    }

    private Optional<RelayDecision> setRelay(Account account, RelayState relay, Instant at, String reason) {
        if (account.relay == relay) {
            return Optional.empty();
        }
        account.relay = relay;
        return Optional.of(new RelayDecision(account.meterId, account.customerId, at, relay, reason));
    }

    /** The ledger so far, from the entry after {@code afterSeq}. */
    public List<LedgerEntry> ledgerAfter(long afterSeq) {
        return ledger.after(afterSeq);
    }

    /** The last tick the engine reached (or the latest opening, before the first tick); null when empty. */
    public Instant lastTick() {
        return lastTick;
    }

    public long lastSeq() {
        return ledger.lastSeq();
    }

    private Account account(String customerId) {
        Account account = accounts.get(customerId);
        if (account == null) {
            throw new IllegalArgumentException("Customer " + customerId + " has no account on this site.");
        }
        return account;
    }

    private Account accountOfMeter(String meterId) {
        Account account = accountsByMeter.get(meterId);
        if (account != null) {
            return account;
        }
        throw new IllegalArgumentException("Meter " + meterId + " belongs to no account on this site.");
    }

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
