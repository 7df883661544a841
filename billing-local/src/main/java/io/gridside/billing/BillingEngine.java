package io.gridside.billing;

import io.gridside.site.CreditState;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayDecision;
import io.gridside.site.RelayState;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rates readings against a tariff schedule and keeps every customer's prepaid credit, deterministically.
 *
 * <p>Time advances in ticks, one per interval end. A tick first posts the standing charges of any site day
 * that has begun, then the top-ups, then the readings whose interval ended at the tick, each group in a fixed
 * order. Two engines fed the same openings and ticks therefore post the same ledger, entry for entry; that is
 * how the console proves a gateway's balances. Every entry a tick posts is dated at the tick, except a top-up,
 * dated when it was paid (no later than the tick); so the entries of the ticks up to T are exactly those dated
 * up to T, and a ledger can be cut at any tick.
 *
 * <p>The {@link Rater} charges exactly in fixed point and posts whole minor units, carrying the remainder per
 * account and charge line, so each line's postings for an account always sum to its exact charge rounded down.
 */
public final class BillingEngine {

    private final Tariff tariff;
    private final Rater rater;
    private final ZoneId zone;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Account> accountsByMeter = new HashMap<>();
    private final LedgerStore ledger;
    /** The entries the tick under way has posted so far. */
    private final List<LedgerEntry> posted = new ArrayList<>();
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
        this(tariff, new Rater(TariffSchedule.flat(tariff), zone, day -> false), ledger);
    }

    /**
     * An engine that rates with {@code rater} and keeps its ledger in {@code ledger}, which must be empty.
     *
     * @param tariff the flat tariff the site reply carries, whose low-credit threshold the engine keeps to; its
     *     currency must be the schedule's, and its prices give way to the schedule's
     */
    public BillingEngine(Tariff tariff, Rater rater, LedgerStore ledger) {
        if (!tariff.currency().equals(rater.schedule().currency())) {
            throw new IllegalArgumentException("The site bills in " + tariff.currency() + " but tariff "
                    + rater.schedule().tariffId() + " prices in " + rater.schedule().currency() + ".");
        }
        if (ledger.lastSeq() != 0) {
            throw new IllegalArgumentException("A billing engine starts on an empty ledger, and this one holds "
                    + ledger.lastSeq() + " entries.");
        }
        this.tariff = tariff;
        this.rater = rater;
        this.zone = rater.zone();
        this.ledger = ledger;
    }

    public Tariff tariff() {
        return tariff;
    }

    /** Opens a customer's account with the balance the customer starts with on this site. */
    public LedgerEntry openAccount(String customerId, String meterId, long openingMinor, Instant at) {
        if (accounts.containsKey(customerId)) {
            throw new IllegalStateException("Customer " + customerId + " already has an account.");
        }
        if (meterId == null) {
            throw new IllegalArgumentException("Customer " + customerId + " has no meter to bill.");
        }
        Account account = new Account(customerId, meterId, at, RatingState.openedOn(day(at)));
        account.lastStandingDay = day(at).minusDays(1);
        accounts.put(customerId, account);
        if (accountsByMeter.containsKey(meterId)) {
            throw new IllegalStateException("Meter " + meterId + " already belongs to customer "
                    + accountsByMeter.get(meterId).customerId + ".");
        }
        accountsByMeter.put(meterId, account);
        lastTick = lastTick == null || at.isAfter(lastTick) ? at : lastTick;
        return post(account, at, EntryKind.OPENING, openingMinor, "opening");
    }

    /**
     * Advances billing to {@code end}: standing charges, then top-ups, then the readings that ended there.
     *
     * @param topUps payments that arrived since the previous tick; a payment already credited is skipped
     * @param readings readings whose interval ends at {@code end}
     */
    public Tick tick(Instant end, List<TopUp> topUps, List<Reading> readings) {
        posted.clear();
        lastTick = end;
        List<RelayDecision> decisions = new ArrayList<>();
        chargeStanding(end, decisions);
        topUps.stream()
                .sorted(Comparator.comparing(TopUp::at).thenComparing(TopUp::reference))
                .forEach(topUp -> credit(topUp, end, decisions));
        readings.stream()
                .sorted(Comparator.comparing(Reading::meterId))
                .forEach(reading -> rate(reading, decisions));
        return new Tick(posted, decisions);
    }

    private void chargeStanding(Instant end, List<RelayDecision> decisions) {
        LocalDate today = day(end.minusNanos(1));
        for (Account account : accounts.values()) {
            while (account.lastStandingDay.isBefore(today)) {
                account.lastStandingDay = account.lastStandingDay.plusDays(1);
                for (Charge charge : rater.dayBegins(account.rating, account.lastStandingDay)) {
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
        post(account, at, EntryKind.TOP_UP, topUp.amountMinor(), LedgerStore.PAYMENT_PREFIX + topUp.reference());
        evaluate(account, at, decisions);
    }

    private void rate(Reading reading, List<RelayDecision> decisions) {
        Account account = accountOfMeter(reading.meterId());
        for (Charge charge : rater.rateInterval(account.rating, reading)) {
            post(account, reading.intervalEnd(), charge.kind(), -charge.amountMinor(), charge.reference());
        }
        evaluate(account, reading.intervalEnd(), decisions);
    }

    private void evaluate(Account account, Instant at, List<RelayDecision> decisions) {
        if (account.relay == RelayState.ON && account.balanceMinor <= 0) {
            account.relay = RelayState.OFF;
            decisions.add(new RelayDecision(account.meterId, account.customerId, at, RelayState.OFF,
                    "credit-exhausted"));
        } else if (account.relay == RelayState.OFF && account.balanceMinor > 0) {
            account.relay = RelayState.ON;
            decisions.add(new RelayDecision(account.meterId, account.customerId, at, RelayState.ON, "topped-up"));
        }
    }

    private LedgerEntry post(Account account, Instant at, EntryKind kind, long amountMinor, String reference) {
        account.balanceMinor = Math.addExact(account.balanceMinor, amountMinor);
        LedgerEntry entry = new LedgerEntry(ledger.lastSeq() + 1, at, account.customerId, kind, amountMinor,
                account.balanceMinor, reference);
        ledger.append(entry);
        posted.add(entry);
        return entry;
    }

    /** The ledger entry that credited the payment {@code reference}, if the engine has credited it. */
    public Optional<LedgerEntry> payment(String reference) {
        return ledger.payment(reference);
    }

    public long balance(String customerId) {
        return account(customerId).balanceMinor;
    }

    public RelayState relay(String customerId) {
        return account(customerId).relay;
    }

    public CreditState creditState(String customerId) {
        Account account = account(customerId);
        if (account.relay == RelayState.OFF || account.balanceMinor <= 0) {
            return CreditState.DISCONNECTED;
        }
        return account.balanceMinor < tariff.lowCreditMinor() ? CreditState.LOW : CreditState.ACTIVE;
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
