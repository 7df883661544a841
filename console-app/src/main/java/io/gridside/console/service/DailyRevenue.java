package io.gridside.console.service;

import io.gridside.site.LedgerEntry;
import io.gridside.site.NotReadyException;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each customer's average daily charge over the last full site days of the stored ledger: what the site earns a
 * day from a customer, which the mesh's single points of failure weigh a cut by.
 *
 * <p>Charges are counted as a statement counts them: energy, standing charge, tax, levy, minimum charge and debt
 * recovery, as positive amounts; top-ups and adjustments are not charges. An entry falls into the site day its
 * time closes, as in a statement, since the gateway posts a day's charges at the midnight that ends it. The days
 * are the {@link #DAYS} full site days before the day of the latest entry considered, or fewer when the ledger
 * begins later (the day it begins on is partial and left out); a day on which a customer was charged nothing
 * counts as 0 for them, so a customer who moved in within those days is averaged low (a known shortcoming: the
 * roster does not say since when a customer holds a meter).
 *
 * @param firstDay the first site day averaged over
 * @param lastDay the last site day averaged over
 * @param averageMinorOfCustomer each charged customer's average charge a day, rounded to the nearest minor unit
 */
public record DailyRevenue(LocalDate firstDay, LocalDate lastDay, Map<String, Long> averageMinorOfCustomer) {

    /** How many full site days are averaged over. */
    public static final int DAYS = 7;

    public DailyRevenue {
        averageMinorOfCustomer = Map.copyOf(averageMinorOfCustomer);
    }

    /** How many days were averaged over. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    }

    /** The averages over the ledger the store holds, up to {@code until}; empty without a full day of ledger. */
    public static Optional<DailyRevenue> of(SiteStore store, Instant until) {
        ZoneId zone = store.site()
                .orElseThrow(() -> new NotReadyException("held.site", "The site database holds no site")).zone();
        return of(store.ledger(), zone, until);
    }

    /**
     * The averages over the entries at or before {@code until}; empty when they do not cover one full site day.
     *
     * @param ledger the site's ledger, in any order
     * @param zone the site's time zone, which its days are counted in
     */
    public static Optional<DailyRevenue> of(List<LedgerEntry> ledger, ZoneId zone, Instant until) {
        List<LedgerEntry> held = ledger.stream().filter(entry -> !entry.at().isAfter(until)).toList();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        Instant first = held.stream().map(LedgerEntry::at).min(Instant::compareTo).orElseThrow();
        Instant last = held.stream().map(LedgerEntry::at).max(Instant::compareTo).orElseThrow();
        // The day the latest entry's local date names is still open, unless the entry sits at the midnight that
        // begins it, and then the day before it is the one just closed: either way, the day before is the last full.
        LocalDate lastDay = last.atZone(zone).toLocalDate().minusDays(1);
        LocalDate firstDay = lastDay.minusDays(DAYS - 1L);
        if (firstDay.isBefore(firstFullDay(first, zone))) {
            firstDay = firstFullDay(first, zone);
        }
        if (firstDay.isAfter(lastDay)) {
            return Optional.empty();
        }
        return Optional.of(new DailyRevenue(firstDay, lastDay, averages(held, zone, firstDay, lastDay)));
    }

    private static Map<String, Long> averages(List<LedgerEntry> held, ZoneId zone, LocalDate firstDay,
            LocalDate lastDay) {
        Map<String, Long> charged = new HashMap<>();
        for (LedgerEntry entry : held) {
            LocalDate day = dayOf(entry.at(), zone);
            if (!day.isBefore(firstDay) && !day.isAfter(lastDay)) {
                long charge = StatementLines.of(entry).chargesMinor();
                if (charge != 0) {
                    charged.merge(entry.customerId(), charge, Math::addExact);
                }
            }
        }
        long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        Map<String, Long> averages = new HashMap<>();
        charged.forEach((customer, total) -> averages.put(customer, Math.floorDiv(2 * total + days, 2 * days)));
        return averages;
    }

    /** The first site day that begins at or after the ledger's first entry: the day of a site's start is partial. */
    private static LocalDate firstFullDay(Instant first, ZoneId zone) {
        LocalDate date = first.atZone(zone).toLocalDate();
        return date.atStartOfDay(zone).toInstant().equals(first) ? date : date.plusDays(1);
    }

    /** The site day an entry at {@code at} falls into: the day its time closes. */
    private static LocalDate dayOf(Instant at, ZoneId zone) {
        return at.minusNanos(1).atZone(zone).toLocalDate();
    }
}
