package io.gridside.billing;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteEvent;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Re-runs a gateway's billing from its inputs: the opening balances and top-ups in its ledger, and the
 * readings. Because the engine is deterministic, the replayed ledger must equal the gateway's entry for entry;
 * {@link Reconciliation} says where it does not. Like the gateway, the replay
 * {@linkplain BillingEngine#spreadingGaps spreads} each gap a reading closes over the gap's quarter hours.
 */
public final class Replay {

    private static final String PAYMENT_PREFIX = "payment:";

    private Replay() {
    }

    /**
     * Replays every tick from the first opening to the last reading.
     *
     * @param gatewayLedger the gateway's ledger from its first entry, as pulled
     * @param readings every reading since the first opening, in any order
     * @return the replaying engine, positioned after the last reading
     */
    public static BillingEngine run(Tariff tariff, ZoneId zone, List<Meter> meters, List<LedgerEntry> gatewayLedger,
            List<Reading> readings) {
        return run(tariff, zone, meters, gatewayLedger, readings, CreditTerms.PLAIN);
    }

    /**
     * Replays every tick under the credit terms the gateway billed with: its debts, protected customers, emergency
     * credit and grace. Terms other than the gateway's give another ledger (debt recoveries) or other states.
     */
    public static BillingEngine run(Tariff tariff, ZoneId zone, List<Meter> meters, List<LedgerEntry> gatewayLedger,
            List<Reading> readings, CreditTerms terms) {
        return run(new BillingEngine(tariff, zone, LedgerStore.inMemory(), terms), meters, gatewayLedger, readings);
    }

    /**
     * Replays every tick rating with the gateway's tariff schedule (through {@code rater}) under its credit terms,
     * as a gateway's billing configuration gives them.
     */
    public static BillingEngine run(Tariff tariff, Rater rater, CreditTerms terms, List<Meter> meters,
            List<LedgerEntry> gatewayLedger, List<Reading> readings) {
        return run(tariff, rater, terms, meters, gatewayLedger, readings, List.of());
    }

    /**
     * Replays every tick as {@link #run(Tariff, Rater, CreditTerms, List, List, List)} does, and makes the meter
     * exchanges and moves the gateway's event log records at the same places in the ledger as the gateway did.
     *
     * @param meters the meters as the roster has them now, each with the customer it bills
     * @param events the gateway's event log over the same history; only exchanges and moves matter here
     */
    public static BillingEngine run(Tariff tariff, Rater rater, CreditTerms terms, List<Meter> meters,
            List<LedgerEntry> gatewayLedger, List<Reading> readings, List<SiteEvent> events) {
        return run(new BillingEngine(tariff, rater, LedgerStore.inMemory(), terms), gatewayLedger, readings,
                SiteChangeLog.of(meters, gatewayLedger, readings, events));
    }

    /**
     * A tariff version the gateway learnt after it began billing: from the tick {@code knownAt} on, the replay rates
     * with {@code rater}, having moved every open account to the state re-rating its days with it leaves, where the
     * gateway's ledger says the gateway did (after entry {@code afterSeq}).
     */
    public record Push(Rater rater, Instant knownAt, long afterSeq) {
    }

    /**
     * Replays every tick as {@link #run(Tariff, Rater, CreditTerms, List, List, List, List)} does, rating with
     * {@code rater} until the first of {@code pushes} and with each push's rater after its tick, as the gateway did.
     *
     * @param pushes the versions pushed late, in the order the gateway took them
     */
    public static BillingEngine run(Tariff tariff, Rater rater, CreditTerms terms, List<Meter> meters,
            List<LedgerEntry> gatewayLedger, List<Reading> readings, List<SiteEvent> events, List<Push> pushes) {
        return run(tariff, rater, CustomerTariffs.NONE, terms, meters, gatewayLedger, readings, events, pushes);
    }

    /**
     * Replays every tick as {@link #run(Tariff, Rater, CreditTerms, List, List, List, List, List)} does, rating the
     * customers {@code customers} names each with their own tariff, as a gateway whose customers are not all on one
     * did; {@code rater} and the pushes rate the rest.
     */
    public static BillingEngine run(Tariff tariff, Rater rater, CustomerTariffs customers, CreditTerms terms,
            List<Meter> meters, List<LedgerEntry> gatewayLedger, List<Reading> readings, List<SiteEvent> events,
            List<Push> pushes) {
        return run(tariff, rater, customers, terms, meters, gatewayLedger, readings, events, pushes, () -> false);
    }

    /**
     * Replays every tick as {@link #run(Tariff, Rater, CustomerTariffs, CreditTerms, List, List, List, List, List)}
     * does, and stops between two ticks once {@code stopAsked} says the person waiting for it has given up: a month
     * of a large site takes long enough that a replay nobody waits for must not run on to its end.
     *
     * @throws CancellationException when {@code stopAsked} said so before the last tick
     */
    public static BillingEngine run(Tariff tariff, Rater rater, CustomerTariffs customers, CreditTerms terms,
            List<Meter> meters, List<LedgerEntry> gatewayLedger, List<Reading> readings, List<SiteEvent> events,
            List<Push> pushes, BooleanSupplier stopAsked) {
        Map<String, Instant> openings = new HashMap<>();
        gatewayLedger.stream().filter(e -> e.kind() == EntryKind.OPENING)
                .forEach(e -> openings.putIfAbsent(e.customerId(), e.at()));
        LatePushes late = new LatePushes(pushes, readings, AccountHistory.of(meters, openings, events));
        BillingEngine engine = new BillingEngine(tariff, rater, LedgerStore.inMemory(), terms)
                .ratingCustomersBy(customers);
        SiteChangeLog changes = SiteChangeLog.of(meters, gatewayLedger, readings, events);
        return run(engine, gatewayLedger, readings, new Ticked(changes, late, stopAsked, false));
    }

    private static BillingEngine run(BillingEngine engine, List<Meter> meters, List<LedgerEntry> gatewayLedger,
            List<Reading> readings) {
        return run(engine, gatewayLedger, readings, SiteChangeLog.of(meters, gatewayLedger, readings, List.of()));
    }

    private static BillingEngine run(BillingEngine engine, List<LedgerEntry> gatewayLedger, List<Reading> readings,
            SiteChangeLog changes) {
        return run(engine, gatewayLedger, readings, new Ticked(changes, LatePushes.NONE, () -> false, false));
    }

    private static BillingEngine run(BillingEngine engine, List<LedgerEntry> gatewayLedger, List<Reading> readings,
            Ticked ticked) {
        SiteChangeLog changes = ticked.changes();
        // The gateway bills a reading that closes a gap as the gap's spread, looking back on the readings before.
        engine.spreadingGaps(ReadingHistory.of(readings));
        Instant start = null;
        Inputs inputs = new Inputs();
        for (LedgerEntry entry : gatewayLedger) {
            if (entry.kind() == EntryKind.OPENING && changes.opensWithTheSite(entry.at())) {
                engine.openAccount(entry.customerId(), changes.meterAtOpening(entry.customerId()),
                        entry.amountMinor(), entry.at());
                start = start == null ? entry.at() : start;
            } else {
                inputs.take(entry);
            }
        }
        if (start != null) {
            Instant postedThrough = gatewayLedger.stream().map(LedgerEntry::at).max(Comparator.naturalOrder())
                    .orElse(null);
            tickThrough(engine, start, postedThrough, readings, inputs, ticked);
        }
        return engine;
    }

    /**
     * Replays the ticks of a gateway that took a site over from a dead one, on {@code engine}, which
     * {@link Takeover#engine} made as the new gateway made its own: from {@code takenOverAt} to the last reading,
     * with the top-ups, voids and adjustments of {@code gatewayLedger} (the new gateway's entries after its
     * reconciliation) and {@code readings} (those the new gateway billed). It spreads gaps as the gateway does, and
     * bills at its first tick a reading that ended before it, as the gateway bills each meter from the register it
     * read for the reconciliation, which may lie a quarter hour before the one the reconciliation was posted in.
     */
    public static BillingEngine runAfterTakeover(BillingEngine engine, Instant takenOverAt, List<Meter> meters,
            List<LedgerEntry> gatewayLedger, List<Reading> readings) {
        engine.spreadingGaps(ReadingHistory.of(readings));
        Inputs inputs = new Inputs();
        gatewayLedger.forEach(inputs::take);
        tickThrough(engine, takenOverAt, null, readings, inputs, new Ticked(
                SiteChangeLog.of(meters, gatewayLedger, readings, List.of()), LatePushes.NONE, () -> false, true));
        return engine;
    }

    /** The gateway's inputs that its ledger records: payments, voids and corrections, each in ledger order. */
    private record Inputs(List<TopUp> topUps, List<LedgerEntry> voids, List<LedgerEntry> adjustments) {

        Inputs() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        /** Keeps {@code entry} when it records an input; other entries are what the replay posts itself. */
        void take(LedgerEntry entry) {
            if (entry.kind() == EntryKind.TOP_UP && entry.reference().startsWith(PAYMENT_PREFIX)) {
                topUps.add(new TopUp(entry.reference().substring(PAYMENT_PREFIX.length()), entry.customerId(),
                        entry.amountMinor(), entry.at()));
            } else if (entry.kind() == EntryKind.TOP_UP && entry.reference().startsWith(LedgerStore.VOID_PREFIX)) {
                voids.add(entry);
            } else if (entry.kind() == EntryKind.ADJUSTMENT) {
                adjustments.add(entry);
            }
        }
    }

    /**
     * What happens between ticks besides their voids: the site's changes and the versions pushed late; whether
     * whoever waits for the replay has given it up; and whether the first tick takes the readings that ended before
     * it, as a gateway that took the site over bills them.
     */
    private record Ticked(SiteChangeLog changes, LatePushes pushes, BooleanSupplier stopAsked,
            boolean earlierAtFirst) {
    }

    /**
     * Ticks from the first opening to the last reading (see {@link #lastTick}); the gateway's adjustments, inputs
     * like its top-ups, are posted after the tick before their date, among the changes made between the two ticks,
     * by date, as the gateway posted them.
     */
    private static void tickThrough(BillingEngine engine, Instant start, Instant postedThrough, List<Reading> readings,
            Inputs inputs, Ticked ticked) {
        List<TopUp> topUps = inputs.topUps();
        List<LedgerEntry> voids = inputs.voids();
        List<LedgerEntry> adjustments = inputs.adjustments();
        SiteChangeLog changes = ticked.changes();
        TreeMap<Instant, List<Reading>> readingsByEnd = new TreeMap<>();
        readings.stream().filter(r -> !changes.billedByAChange(r))
                .forEach(r -> readingsByEnd.computeIfAbsent(r.intervalEnd(), end -> new ArrayList<>()).add(r));
        TreeMap<Instant, List<TopUp>> topUpsByTick = new TreeMap<>();
        topUps.forEach(t -> topUpsByTick.computeIfAbsent(tickOf(t.at()), end -> new ArrayList<>()).add(t));
        TreeMap<Instant, List<LedgerEntry>> voidsByTick = new TreeMap<>();
        voids.forEach(v -> voidsByTick.computeIfAbsent(tickOf(v.at()), end -> new ArrayList<>()).add(v));
        TreeMap<Instant, List<LedgerEntry>> adjustmentsByTick = new TreeMap<>();
        adjustments.forEach(a -> adjustmentsByTick.computeIfAbsent(Reading.intervalStartOf(a.at()),
                at -> new ArrayList<>()).add(a));
        // The gateway ticks on quarter hours: after an opening at 12:07 its first tick is 12:15, not 12:22.
        Instant first = Reading.intervalStartOf(start).plus(Reading.INTERVAL);
        if (ticked.earlierAtFirst()) {
            moveToFirstTick(readingsByEnd, first);
        }
        Instant last = lastTick(readingsByEnd, first, postedThrough);
        if (last == null) {
            return;
        }
        changes.applyBefore(first, engine);
        for (Instant tick = first; !tick.isAfter(last); tick = tick.plus(Reading.INTERVAL)) {
            if (ticked.stopAsked().getAsBoolean()) {
                throw new CancellationException("The billing replay was stopped before the tick of " + tick + ".");
            }
            engine.tick(tick, topUpsByTick.getOrDefault(tick, List.of()), readingsByEnd.getOrDefault(tick, List.of()));
            reverse(engine, voidsByTick.getOrDefault(tick, List.of()));
            List<LedgerEntry> corrections = ticked.pushes().applyAt(tick, engine,
                    adjustmentsByTick.getOrDefault(tick, List.of()));
            if (tick.isBefore(last)) {
                changes.applyAfter(tick, engine, corrections);
            } else {
                // After the last tick only what is dated at it can be compared; the rest waits for the next reading.
                for (LedgerEntry correction : corrections) {
                    if (correction.at().equals(tick)) {
                        engine.adjust(correction.customerId(), correction.at(), correction.amountMinor(),
                                correction.reference());
                    }
                }
            }
        }
    }

    /**
     * The last tick to replay: that of the last reading; or the first tick, when no reading ends at or after it but
     * the gateway's ledger holds an entry dated at or after it, which it posted at that tick or later. A site that
     * opened within a quarter hour leaves that quarter hour unbilled (decision 0070), so the gateway's first tick
     * bills no reading, yet it posts the day's standing charges: a replica pulled before the next quarter hour's
     * reading came in holds those charges and no reading to tick them by. Null when there is nothing to tick.
     *
     * @param postedThrough the date of the gateway's latest ledger entry, or null to tick by the readings alone
     */
    /** Moves the readings that ended before {@code first} to it, ahead of its own, in the order they ended. */
    private static void moveToFirstTick(TreeMap<Instant, List<Reading>> readingsByEnd, Instant first) {
        List<Reading> earlier = new ArrayList<>();
        readingsByEnd.headMap(first).values().forEach(earlier::addAll);
        if (!earlier.isEmpty()) {
            readingsByEnd.headMap(first).clear();
            earlier.addAll(readingsByEnd.getOrDefault(first, List.of()));
            readingsByEnd.put(first, earlier);
        }
    }

    private static Instant lastTick(TreeMap<Instant, List<Reading>> readingsByEnd, Instant first,
            Instant postedThrough) {
        Instant lastReading = readingsByEnd.isEmpty() ? null : readingsByEnd.lastKey();
        if (lastReading != null && !lastReading.isBefore(first)) {
            return lastReading;
        }
        return postedThrough != null && !postedThrough.isBefore(first) ? first : lastReading;
    }

    /** Posts a tick's voids after it, in the order of their dates and references, as the gateway does. */
    private static void reverse(BillingEngine engine, List<LedgerEntry> voids) {
        voids.stream()
                .sorted(Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::reference))
                .forEach(v -> engine.reverse(v.reference().substring(LedgerStore.VOID_PREFIX.length()), v.at()));
    }

    /** The tick that takes a payment made at {@code at}: the first interval end at or after it. */
    static Instant tickOf(Instant at) {
        long seconds = Reading.INTERVAL.toSeconds();
        long epochSecond = at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(Math.floorDiv(epochSecond + seconds - 1, seconds) * seconds);
    }
}
