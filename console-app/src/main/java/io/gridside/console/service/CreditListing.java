package io.gridside.console.service;

import io.gridside.billing.AccountHistory;
import io.gridside.billing.BillingEngine;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.site.CreditState;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.NotHeldException;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteEvent;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Each customer's credit as a pulled site database has it: the state and relay the gateway reported, the debts
 * its ledger recovers, a maintenance lock its event log shows, and the energy delivered past zero credit.
 *
 * <p>Everything comes from what was pulled. Energy past zero is none for an account whose ledger balance never
 * went below zero, a closed account's comes with its move-out event, and the rest comes from the console's replay
 * of those accounts' history, as the audit runs it, since the ledger posts a day's charges at once (decision
 * 0041). A debt shows what its recoveries took so far and, when the gateway served its billing configuration
 * (which holds each debt's principal), what it still owes.
 */
public final class CreditListing {

    private static final String DEBT_PREFIX = "debt:";
    private static final String INTERVAL_PREFIX = "interval:";

    private CreditListing() {
    }

    /**
     * One customer's line.
     *
     * @param lockedSince when a maintenance lock opened the relay, if the last maintenance event left it open
     * @param currency the currency of every amount of the row and its debts
     * @param energyPastZeroWh energy charged while the balance was below zero, by the share of each charge there
     * @param closedAt when the customer moved out and the account closed, or null while it is open; a closed
     *     account's balance is its final one, by the ledger, and its state and relay are as last reported
     */
    public record Row(String customerId, String meterId, CreditState state, RelayState relay, long balanceMinor,
            String currency, List<DebtLine> debts, Instant lockedSince, long energyPastZeroWh, Instant closedAt) {
    }

    /**
     * What a debt's recoveries took so far, from how many payments, and what it still owes.
     *
     * @param principalMinor the debt's principal from the gateway's billing configuration, or null when the
     *     gateway did not serve one
     * @param owingMinor the principal less what was recovered, or null without a principal
     */
    public record DebtLine(String debtId, long recoveredMinor, int payments, Long principalMinor, Long owingMinor) {
    }

    public static List<Row> of(SiteStore store) {
        return of(store, false);
    }

    /**
     * The rows, with energy past zero and a closed account's state read from the ledger where it tells them, and
     * the console's replay of the other accounts alone (see {@link CreditReplay}); or, with {@code replayEveryone},
     * from the replay of the whole site, as before, which gives the same rows at a cost that grows with the
     * site's history.
     */
    static List<Row> of(SiteStore store, boolean replayEveryone) {
        List<MeterStatus> statuses = store.statuses();
        if (statuses.isEmpty()) {
            throw new NotHeldException("held.statuses", "The site database holds no meter status yet; pull the site "
                    + "first.");
        }
        List<LedgerEntry> ledger = store.ledger();
        List<SiteEvent> events = store.events(Instant.EPOCH, Instant.MAX);
        AccountHistory history = AccountHistory.of(store.meters(), BillingAudit.openings(ledger), events);
        Map<String, CreditReplay.Closed> closed = replayEveryone ? Map.of() : CreditReplay.closedByEvents(events);
        Set<String> needed = CreditReplay.needed(ledger, statuses, history, closed);
        Optional<BillingEngine> replay = replayEveryone ? BillingAudit.replayIfWhole(store)
                : CreditReplay.of(store, needed, history, ledger, events);
        Map<String, Long> energy = replay.isPresent() || needed.isEmpty() && !replayEveryone ? Map.of()
                : energyByInterval(store.readings(Instant.EPOCH, Instant.MAX));
        PastZero pastZero = new PastZero(ledger, replay, energy, closed);
        Map<String, String> meterOf = new HashMap<>();
        store.meters().forEach(m -> meterOf.put(m.customerId(), m.meterId()));
        Map<String, Instant> locks = locks(events);
        List<Debt> configured = store.billingConfig().map(BillingConfigDocument::decode)
                .map(config -> config.terms().debts()).orElse(List.of());
        List<Row> rows = new ArrayList<>();
        for (MeterStatus status : statuses) {
            String customer = status.customerId();
            if (!billsNowOrLast(history, customer, status.meterId())) {
                continue;
            }
            String meter = meterOf.getOrDefault(customer, status.meterId());
            long pastZeroWh = pastZero.of(customer, meter);
            Instant closedAt = history.closedAt(customer).orElse(null);
            long balance = closedAt == null ? status.balanceMinor() : finalBalance(ledger, customer);
            rows.add(new Row(customer, status.meterId(), status.creditState(), status.relay(), balance,
                    status.currency(), debts(ledger, customer, configured), locks.get(status.meterId()),
                    pastZeroWh, closedAt));
        }
        addClosedUnreported(rows, history, replay, ledger, configured, statuses.get(0).currency(), pastZero);
        return rows;
    }

    /**
     * Energy past zero: a closed account's move-out event's, when it gives one; the replay's, for an account it
     * replayed; none for an account a replay left out, whose balance the ledger shows never went below zero (see
     * {@link CreditReplay}); and without a replay, what a ledger that posts each interval on its own tells.
     */
    private static final class PastZero {

        private final List<LedgerEntry> ledger;
        private final Optional<BillingEngine> replay;
        private final Set<String> replayed;
        private final Map<String, Long> energy;
        private final Map<String, CreditReplay.Closed> closed;

        PastZero(List<LedgerEntry> ledger, Optional<BillingEngine> replay, Map<String, Long> energy,
                Map<String, CreditReplay.Closed> closed) {
            this.ledger = ledger;
            this.replay = replay;
            this.replayed = replay.map(engine -> Set.copyOf(engine.customers())).orElse(Set.of());
            this.energy = energy;
            this.closed = closed;
        }

        long of(String customerId, String meterId) {
            if (closed.containsKey(customerId)) {
                return closed.get(customerId).energyPastZeroWh();
            }
            if (replay.isEmpty()) {
                return energyPastZero(ledger, customerId, meterId, energy);
            }
            return replayed.contains(customerId) ? replay.get().energyPastZeroWh(customerId) : 0;
        }
    }

    /**
     * Adds the closed accounts no pulled status reports: a gateway reports the meters that bill someone, so a laptop
     * that pulled only after a move-out holds no status for the customer who left. Their relay was commanded off at
     * the move-out; their state is the one their move-out event gives, else the replay's, or ACTIVE when the store
     * cannot replay.
     */
    private static void addClosedUnreported(List<Row> rows, AccountHistory history, Optional<BillingEngine> replay,
            List<LedgerEntry> ledger, List<Debt> configured, String currency, PastZero pastZero) {
        Set<String> listed = new HashSet<>();
        rows.forEach(row -> listed.add(row.customerId()));
        for (String customer : new TreeSet<>(history.customers())) {
            Optional<Instant> closedAt = history.closedAt(customer);
            if (listed.contains(customer) || closedAt.isEmpty()) {
                continue;
            }
            List<AccountHistory.Span> spans = history.spans(customer);
            String meter = spans.get(spans.size() - 1).meterId();
            CreditState state = pastZero.closed.containsKey(customer) ? pastZero.closed.get(customer).state()
                    : replay.map(engine -> engine.creditState(customer)).orElse(CreditState.ACTIVE);
            long pastZeroWh = pastZero.of(customer, meter);
            rows.add(new Row(customer, meter, state, RelayState.OFF, finalBalance(ledger, customer), currency,
                    debts(ledger, customer, configured), null, pastZeroWh, closedAt.get()));
        }
    }

    /**
     * Whether {@code meterId} is the meter that bills the customer's account now, or billed it last before it
     * closed: an exchanged meter's last status is not the customer's any more.
     */
    private static boolean billsNowOrLast(AccountHistory history, String customerId, String meterId) {
        List<AccountHistory.Span> spans = history.spans(customerId);
        return spans.isEmpty() || spans.get(spans.size() - 1).meterId().equals(meterId);
    }

    /** The balance the ledger's last entry for the customer left. */
    private static long finalBalance(List<LedgerEntry> ledger, String customerId) {
        long balance = 0;
        for (LedgerEntry e : ledger) {
            if (e.customerId().equals(customerId)) {
                balance = e.balanceAfterMinor();
            }
        }
        return balance;
    }

    private static Map<String, Long> energyByInterval(List<Reading> readings) {
        Map<String, Long> energy = new HashMap<>();
        readings.forEach(r -> energy.put(r.meterId() + "@" + r.intervalStart(), r.energyWh()));
        return energy;
    }

    /**
     * Energy past zero from a ledger that posts each interval's charge on its own, as gateways did before charges
     * were posted per day, when the store cannot be replayed: the engine's own rule, a charge below zero counts
     * whole, one that crosses zero by its share below it. A ledger posted per day gives no figure this way.
     */
    static long energyPastZero(List<LedgerEntry> ledger, String customerId, String meterId, Map<String, Long> energy) {
        long total = 0;
        for (LedgerEntry e : ledger) {
            if (e.kind() != EntryKind.ENERGY || !e.customerId().equals(customerId) || e.balanceAfterMinor() >= 0
                    || !e.reference().startsWith(INTERVAL_PREFIX)) {
                continue;
            }
            Long wh = energy.get(meterId + "@" + e.reference().substring(INTERVAL_PREFIX.length()));
            if (wh == null) {
                continue;
            }
            long charged = -e.amountMinor();
            long before = e.balanceAfterMinor() + charged;
            total += before <= 0 || charged == 0 ? wh : Math.multiplyExact(wh, -e.balanceAfterMinor()) / charged;
        }
        return total;
    }

    private static List<DebtLine> debts(List<LedgerEntry> ledger, String customerId, List<Debt> configured) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, Long> principals = new HashMap<>();
        for (Debt debt : configured) {
            if (debt.customerId().equals(customerId)) {
                sums.put(debt.debtId(), new long[2]);
                principals.put(debt.debtId(), debt.principalMinor());
            }
        }
        for (LedgerEntry e : ledger) {
            if (e.kind() == EntryKind.DEBT_RECOVERY && e.customerId().equals(customerId)
                    && e.reference().startsWith(DEBT_PREFIX)) {
                String rest = e.reference().substring(DEBT_PREFIX.length());
                String debtId = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
                long[] sum = sums.computeIfAbsent(debtId, id -> new long[2]);
                sum[0] -= e.amountMinor();
                // A void gives a recovery back (a positive entry): the payment no longer counts as one.
                sum[1] += e.amountMinor() < 0 ? 1 : -1;
            }
        }
        List<DebtLine> lines = new ArrayList<>();
        sums.forEach((id, sum) -> {
            Long principal = principals.get(id);
            lines.add(new DebtLine(id, sum[0], (int) sum[1], principal, principal == null ? null : principal - sum[0]));
        });
        return lines;
    }

    /** The meters whose last maintenance event opened the relay, with when it did. */
    private static Map<String, Instant> locks(List<SiteEvent> events) {
        Map<String, Instant> locks = new HashMap<>();
        for (SiteEvent event : events) {
            if (!"maintenance".equals(event.details().get("reason"))) {
                continue;
            }
            if (event.kind() == EventKind.RELAY_OFF) {
                locks.put(event.source(), event.at());
            } else if (event.kind() == EventKind.RELAY_ON) {
                locks.remove(event.source());
            }
        }
        return locks;
    }
}
