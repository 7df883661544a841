package io.gridside.billing;

import io.gridside.site.EntryKind;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The meter exchanges, move-outs and move-ins a gateway made between its ticks, as its event log and ledger
 * record them, so that a replay makes each at the same place in the ledger: after the tick that ended at or
 * before it, and before the next.
 *
 * <p>An exchange or a move-out with a final register billed a last reading between ticks; that reading is among
 * the pulled readings, and the replay rates it with the change rather than at the next tick.
 */
final class SiteChangeLog {

    /** One change, made at {@code at}; the replay applies it to its engine. */
    private record Change(Instant at, int order, Consumer<BillingEngine> apply) {
    }

    private final TreeMap<Instant, List<Change>> byTick = new TreeMap<>();
    private final Map<String, String> firstMeter = new HashMap<>();
    private final Set<Reading> finalReadings = new HashSet<>();
    private final Instant firstOpening;

    private SiteChangeLog(Instant firstOpening) {
        this.firstOpening = firstOpening;
    }

    /**
     * The changes the events record, with the meter each customer's account opened on.
     *
     * <p>A change whose final reading is not among the readings fails with {@link IllegalStateException} when
     * the replay makes it, not before: a replay that stops earlier does not need it.
     */
    static SiteChangeLog of(List<Meter> meters, List<LedgerEntry> ledger, List<Reading> readings,
            List<SiteEvent> events) {
        Instant first = ledger.stream().filter(e -> e.kind() == EntryKind.OPENING).map(LedgerEntry::at)
                .findFirst().orElse(null);
        SiteChangeLog changes = new SiteChangeLog(first);
        changes.firstMeter.putAll(AccountHistory.openingMeters(meters, events));
        List<SiteEvent> ordered = events.stream().sorted(Comparator.comparingLong(SiteEvent::id)).toList();
        for (SiteEvent event : ordered) {
            changes.add(event, readings);
        }
        for (LedgerEntry entry : ledger) {
            if (entry.kind() == EntryKind.OPENING && first != null && entry.at().isAfter(first)) {
                changes.put(entry.at(), 2, engine -> engine.moveIn(entry.customerId(),
                        changes.meterAtOpening(entry.customerId()), entry.amountMinor(), entry.at()));
            }
        }
        return changes;
    }

    private void add(SiteEvent event, List<Reading> readings) {
        String customerId = event.detail("customerId");
        if (event.kind() == EventKind.METER_EXCHANGED) {
            Reading last = finalReading(event.source(), event.at(), event.detail("oldFinalRegisterWh"), readings);
            String newMeterId = event.detail("newMeterId");
            put(event.at(), 0, engine -> engine.exchangeMeter(customerId, found(last, event), newMeterId,
                    event.at()));
        } else if (event.kind() == EventKind.CUSTOMER_MOVED_OUT) {
            String register = event.detail("finalRegisterWh");
            Reading last = register == null ? null : finalReading(event.source(), event.at(), register, readings);
            put(event.at(), 1, engine -> engine.moveOut(customerId, register == null ? null : found(last, event),
                    event.at()));
        }
    }

    private void put(Instant at, int order, Consumer<BillingEngine> apply) {
        byTick.computeIfAbsent(Reading.intervalStartOf(at), tick -> new ArrayList<>()).add(new Change(at, order,
                apply));
    }

    private Reading finalReading(String meterId, Instant at, String registerWh, List<Reading> readings) {
        Instant start = Reading.intervalStartOf(at);
        long register = Long.parseLong(registerWh);
        Reading last = readings.stream().filter(r -> r.meterId().equals(meterId) && r.intervalStart().equals(start)
                && r.registerWh() == register).findFirst().orElse(null);
        if (last != null) {
            finalReadings.add(last);
        }
        return last;
    }

    /**
     * The final reading a change billed. A gateway keeps it with the readings of the quarter hour it fell in, once
     * that quarter hour ends; a replay that reaches past it without the reading has been given too few readings.
     */
    private static Reading found(Reading last, SiteEvent event) {
        if (last == null) {
            throw new IllegalStateException("The final reading of meter " + event.source() + " at " + event.at()
                    + " is not among the readings; pull the readings of that quarter hour again.");
        }
        return last;
    }

    /** The meter the customer's account opened on, before any exchange. */
    String meterAtOpening(String customerId) {
        return firstMeter.get(customerId);
    }

    /** Whether an account opening at {@code at} opens with the site rather than by a later move-in. */
    boolean opensWithTheSite(Instant at) {
        return firstOpening == null || !at.isAfter(firstOpening);
    }

    /** Whether the reading was billed by a change, not at a tick. */
    boolean billedByAChange(Reading reading) {
        return finalReadings.contains(reading);
    }

    /**
     * Makes the changes that fall after the tick that ended at {@code tick} and before the next, and posts the
     * gateway's corrections dated then, in the order of their dates. A gateway dates a correction no earlier than
     * the latest entry of its ledger, so a change and a correction of the same date are made change first.
     *
     * <p>Shortcoming: a change made in the same second as a correction posted before it is replayed after it; the
     * events and the ledger do not say which came first within a second.
     */
    void applyAfter(Instant tick, BillingEngine engine, List<LedgerEntry> corrections) {
        List<Change> all = new ArrayList<>(byTick.getOrDefault(tick, List.of()));
        for (LedgerEntry correction : corrections) {
            all.add(new Change(correction.at(), 3, replay -> replay.adjust(correction.customerId(), correction.at(),
                    correction.amountMinor(), correction.reference())));
        }
        apply(all, engine);
    }

    /** Makes the changes that fall before the tick {@code firstTick}. */
    void applyBefore(Instant firstTick, BillingEngine engine) {
        apply(byTick.headMap(firstTick, false).values().stream().flatMap(List::stream).toList(), engine);
    }

    private static void apply(List<Change> changes, BillingEngine engine) {
        changes.stream().sorted(Comparator.comparing(Change::at).thenComparingInt(Change::order))
                .forEach(change -> change.apply().accept(engine));
    }
}
