package io.gridside.billing.rerate;

import io.gridside.billing.AccountHistory;
import io.gridside.billing.Charge;
import io.gridside.billing.GapSpreading;
import io.gridside.billing.RatingState;
import io.gridside.site.EntryKind;
import io.gridside.site.Reading;
import io.gridside.site.ledger.CustomerDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One customer's account as re-rating it from its opening needs it: the readings billed to it in the order they
 * were billed, across every meter that billed it ({@link AccountHistory#billedTo}), with each meter's filled gaps
 * and corrected registers, and when it opened and closed, which bound the days whose standing charges it paid.
 *
 * @param closedAt when the customer moved out, or null for an open account
 * @param movedIn whether the account opened by a move-in after the site's first opening: such an account pays the
 *     standing and minimum charges of its first day only when it opened before that day's first tick (decision 0037)
 * @param last the last site day billed, the day of the gateway's last tick
 * @param billed the readings billed to the account from its opening, each meter's in time order, an exchanged
 *     meter's (its final reading last) before the next meter's
 * @param filled the actuals of each gap filled before, by meter and then by the gap's start
 * @param corrected the registers corrected before, by meter and then by the end of the reading each replaced
 */
public record BilledAccount(String customerId, Instant openedAt, Instant closedAt, boolean movedIn, LocalDate last,
        List<Reading> billed, Map<String, Map<Instant, List<Long>>> filled,
        Map<String, Map<Instant, Long>> corrected) {

    public BilledAccount {
        billed = List.copyOf(billed);
        filled = Map.copyOf(filled);
        corrected = Map.copyOf(corrected);
    }

    /** An account that one meter billed from its opening on and that is still open, as a gap fill sees it. */
    public static BilledAccount of(GapFill.Account account) {
        String meterId = account.meterReadings().isEmpty() ? "" : account.meterReadings().get(0).meterId();
        return new BilledAccount(account.customerId(), account.openedAt(), null, false, account.last(),
                account.meterReadings(), Map.of(meterId, account.filled()), Map.of(meterId, account.corrected()));
    }

    /** The account's days from its opening to the last it was billed for: the gateway's last, or its close's. */
    Rerating.Window window(ZoneId zone) {
        LocalDate opened = day(openedAt, zone);
        LocalDate to = last;
        if (closedAt != null) {
            // The final reading is the quarter hour that holds the move-out, billed on the day it ends in.
            LocalDate closing = day(Reading.intervalStartOf(closedAt).plus(Reading.INTERVAL).minusNanos(1), zone);
            to = closing.isBefore(last) ? closing : last;
        }
        return new Rerating.Window(customerId, opened, to.isBefore(opened) ? opened : to,
                RatingState.openedOn(opened));
    }

    /**
     * The account's intervals as the gateway billed them, each meter's gaps spread on their own.
     *
     * @param asCorrected whether to rate each meter's filled gaps by their actuals and its corrected registers in
     *     place, as the ledger's corrections charged them; otherwise as the engine rated them
     */
    List<RatedInterval> intervals(ZoneId zone, boolean asCorrected) {
        Map<String, List<Reading>> byMeter = new LinkedHashMap<>();
        billed.forEach(r -> byMeter.computeIfAbsent(r.meterId(), id -> new ArrayList<>()).add(r));
        Instant notBefore = Reading.intervalStartOf(openedAt);
        List<RatedInterval> intervals = new ArrayList<>(billed.size());
        // Shortcoming: a final register read after a gap on its meter was billed by the engine as one quarter hour
        // and is spread here as the gap it closes; the push is then refused (the state differs) or a time-of-use
        // line moves a little. Telling final readings apart needs the history's spans here.
        byMeter.forEach((meterId, readings) -> {
            List<Reading> rated = asCorrected
                    ? CorrectedReadings.apply(readings, corrected.getOrDefault(meterId, Map.of())) : readings;
            intervals.addAll(RatedInterval.asBilled(rated, new GapSpreading(zone), notBefore,
                    asCorrected ? filled.getOrDefault(meterId, Map.of()) : Map.of()));
        });
        return intervals;
    }

    /**
     * The charges as the engine posted them to this account: without the standing and minimum charges of a day the
     * account was not open at the first tick of (a move-in's day after that tick, a move-out's day before it, the
     * days after).
     */
    SortedMap<CustomerDay, List<Charge>> asPosted(SortedMap<CustomerDay, List<Charge>> charges, ZoneId zone) {
        LocalDate opened = day(openedAt, zone);
        Instant openedDayFirstTick = opened.atStartOfDay(zone).toInstant().plus(Reading.INTERVAL);
        LocalDate firstCharged = movedIn && !openedAt.isBefore(openedDayFirstTick) ? opened.plusDays(1) : opened;
        LocalDate lastCharged = null;
        if (closedAt != null) {
            Instant lastTick = Reading.intervalStartOf(closedAt);
            lastCharged = lastTick.isAfter(openedAt) ? day(lastTick.minusNanos(1), zone) : opened.minusDays(1);
        }
        SortedMap<CustomerDay, List<Charge>> posted = new TreeMap<>();
        for (Map.Entry<CustomerDay, List<Charge>> day : charges.entrySet()) {
            LocalDate date = day.getKey().day();
            boolean charged = !date.isBefore(firstCharged) && (lastCharged == null || !date.isAfter(lastCharged));
            posted.put(day.getKey(), charged ? day.getValue() : day.getValue().stream()
                    .filter(c -> c.kind() != EntryKind.STANDING_CHARGE && c.kind() != EntryKind.MINIMUM_CHARGE)
                    .toList());
        }
        return posted;
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
