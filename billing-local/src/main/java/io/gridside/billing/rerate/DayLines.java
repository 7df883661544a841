package io.gridside.billing.rerate;

import io.gridside.billing.Charge;
import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerDays;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each charge line of each customer day charged, in whole minor units: from rating, or from the ledger with
 * every adjustment counted in the line and day it corrects. A line that charged nothing is absent.
 */
public final class DayLines {

    private final SortedMap<CustomerDay, SortedMap<LineKey, Long>> lines = new TreeMap<>();

    /** The lines the ledger's entries charge: a charge counts its amount, an adjustment takes its own off. */
    public static DayLines ofLedger(List<LedgerEntry> entries, ZoneId zone) {
        DayLines result = new DayLines();
        for (LedgerEntry entry : entries) {
            LineKey.of(entry).ifPresent(line -> result.add(LedgerDays.of(entry, zone), line, -entry.amountMinor()));
        }
        return result;
    }

    /** The lines that rating's charges of each customer day add up to. */
    public static DayLines ofCharges(Map<CustomerDay, List<Charge>> charges) {
        DayLines result = new DayLines();
        charges.forEach((day, ofDay) -> ofDay.forEach(
                charge -> result.add(day, LineKey.of(charge), charge.amountMinor())));
        return result;
    }

    /** The lines of all of {@code parts} together, as one rating of every customer would give them. */
    public static DayLines merge(List<DayLines> parts) {
        DayLines result = new DayLines();
        for (DayLines part : parts) {
            part.lines.forEach((day, ofDay) -> ofDay.forEach((line, charged) -> result.add(day, line, charged)));
        }
        return result;
    }

    void add(CustomerDay day, LineKey line, long chargedMinor) {
        SortedMap<LineKey, Long> ofDay = lines.computeIfAbsent(day, key -> new TreeMap<>());
        long sum = Math.addExact(ofDay.getOrDefault(line, 0L), chargedMinor);
        if (sum == 0) {
            ofDay.remove(line);
        } else {
            ofDay.put(line, sum);
        }
    }

    /** What the line charged on the customer day, 0 when it charged nothing. */
    public long charged(CustomerDay day, LineKey line) {
        return lines.getOrDefault(day, Collections.emptySortedMap()).getOrDefault(line, 0L);
    }

    /** The lines of one customer day, in line order; empty when it charged nothing. */
    public SortedMap<LineKey, Long> of(CustomerDay day) {
        return Collections.unmodifiableSortedMap(lines.getOrDefault(day, Collections.emptySortedMap()));
    }

    /** Every customer day with a line, in customer and day order. */
    public SortedMap<CustomerDay, SortedMap<LineKey, Long>> all() {
        return Collections.unmodifiableSortedMap(lines);
    }

    /** Everything charged, over every line and day. */
    public long totalMinor() {
        long total = 0;
        for (Map<LineKey, Long> ofDay : lines.values()) {
            for (long charged : ofDay.values()) {
                total = Math.addExact(total, charged);
            }
        }
        return total;
    }

    /** The lines of {@code day} that either side charged, in line order. */
    static TreeSet<LineKey> linesOfEither(CustomerDay day, DayLines one, DayLines other) {
        TreeSet<LineKey> keys = new TreeSet<>(one.of(day).keySet());
        keys.addAll(other.of(day).keySet());
        return keys;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DayLines that && lines.equals(that.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
