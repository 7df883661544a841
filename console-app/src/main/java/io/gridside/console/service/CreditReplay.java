package io.gridside.console.service;

import io.gridside.billing.AccountHistory;
import io.gridside.billing.BillingEngine;
import io.gridside.site.CreditState;
import io.gridside.site.EntryKind;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts whose credit {@code bill credit} cannot read from the pulled ledger, and the console's replay of
 * those alone (decision 0041).
 *
 * <p>Between two postings an account's running balance only falls, as charges accrue; every rise (a top-up, a
 * void's reversal, an adjustment) is posted after what accrued before it, and a posting leaves the running balance
 * where it was. So a balance that is not below zero after any of the account's entries, nor (for an open account)
 * in the status of the last pull, was never below zero between them, and the account's energy past zero is none.
 * The rest need the replay: those that went below zero, those with an adjustment (a tariff pushed late posts its
 * re-rating as adjustments, and this argument does not cover them), and the accounts no status reports: a closed
 * one's credit state only the replay gives, unless its move-out event does, and an open one's running balance is
 * unknown.
 */
final class CreditReplay {

    private CreditReplay() {
    }

    /** A closed account's credit state and energy past zero by its move-out event: final, as it bills no more. */
    record Closed(CreditState state, long energyPastZeroWh) {
    }

    /** The closed accounts whose move-out event gives their final credit, by customer. */
    static Map<String, Closed> closedByEvents(List<SiteEvent> events) {
        Map<String, Closed> closed = new HashMap<>();
        for (SiteEvent event : events) {
            String state = event.detail("creditState");
            String pastZero = event.detail("energyPastZeroWh");
            if (event.kind() == EventKind.CUSTOMER_MOVED_OUT && state != null && pastZero != null) {
                closed.put(event.detail("customerId"),
                        new Closed(CreditState.valueOf(state), Long.parseLong(pastZero)));
            }
        }
        return closed;
    }

    /**
     * The accounts whose energy past zero or credit state only a replay gives: none of those whose move-out event
     * gives them ({@code closed}).
     */
    static Set<String> needed(List<LedgerEntry> ledger, List<MeterStatus> statuses, AccountHistory history,
            Map<String, Closed> closed) {
        Set<String> needed = new HashSet<>();
        for (LedgerEntry e : ledger) {
            if (e.balanceAfterMinor() < 0 || e.kind() == EntryKind.ADJUSTMENT) {
                needed.add(e.customerId());
            }
        }
        Set<String> reported = new HashSet<>();
        for (MeterStatus status : statuses) {
            reported.add(status.customerId());
            if (status.balanceMinor() < 0) {
                needed.add(status.customerId());
            }
        }
        for (String customer : history.customers()) {
            if (!reported.contains(customer)) {
                needed.add(customer);
            }
        }
        needed.removeAll(closed.keySet());
        return needed;
    }

    /**
     * The replay of {@code customers} and of every account that shares a meter with them, over the history of
     * their meters alone; empty when the store cannot replay (see {@link BillingAudit#replayIfWhole(SiteStore)}) or
     * there is no one to replay.
     *
     * <p>Shortcoming: an account that went below zero once is replayed over its whole history, so on a site where
     * many run into debt this still grows with the history; a replay checkpoint kept in the site database would
     * make it grow with what was pulled since.
     */
    static Optional<BillingEngine> of(SiteStore store, Set<String> customers, AccountHistory history,
            List<LedgerEntry> ledger, List<SiteEvent> events) {
        if (customers.isEmpty()) {
            return Optional.empty();
        }
        List<Meter> roster = store.meters();
        Set<String> accounts = new HashSet<>(customers);
        Set<String> meters = sharingMeters(accounts, roster, history);
        List<Reading> readings = new ArrayList<>();
        meters.forEach(meter -> readings.addAll(store.readings(meter, Instant.EPOCH, Instant.MAX)));
        readings.sort(Comparator.comparing(Reading::intervalStart).thenComparing(Reading::meterId));
        return BillingAudit.replayIfWhole(store,
                roster.stream().filter(m -> meters.contains(m.meterId())).toList(),
                ledger.stream().filter(e -> accounts.contains(e.customerId())).toList(), readings,
                events.stream().filter(e -> AccountHistory.SITE_CHANGES.contains(e.kind())
                        && accounts.contains(e.detail("customerId"))).toList());
    }

    /**
     * Every meter that billed one of {@code accounts}, adding to them each account that one of those meters billed,
     * until no meter or account is left out: a meter that moved from one customer to the next is replayed with both.
     */
    private static Set<String> sharingMeters(Set<String> accounts, List<Meter> roster, AccountHistory history) {
        Map<String, Set<String>> billedBy = new HashMap<>();
        Map<String, Set<String>> billing = new HashMap<>();
        roster.forEach(m -> link(billedBy, billing, m.customerId(), m.meterId()));
        history.customers().forEach(c -> history.spans(c).forEach(s -> link(billedBy, billing, c, s.meterId())));
        Set<String> meters = new HashSet<>();
        List<String> open = new ArrayList<>(accounts);
        while (!open.isEmpty()) {
            String customer = open.remove(open.size() - 1);
            for (String meter : billedBy.getOrDefault(customer, Set.of())) {
                if (meters.add(meter)) {
                    billing.getOrDefault(meter, Set.of()).stream().filter(accounts::add).forEach(open::add);
                }
            }
        }
        return meters;
    }

    private static void link(Map<String, Set<String>> billedBy, Map<String, Set<String>> billing, String customer,
            String meter) {
        billedBy.computeIfAbsent(customer, c -> new HashSet<>()).add(meter);
        billing.computeIfAbsent(meter, m -> new HashSet<>()).add(customer);
    }
}
