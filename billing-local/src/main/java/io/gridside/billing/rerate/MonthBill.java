package io.gridside.billing.rerate;

import io.gridside.billing.Charge;
import io.gridside.billing.EnergyPart;
import io.gridside.billing.Rater;
import io.gridside.billing.RatingState;
import io.gridside.site.EntryKind;
import io.gridside.site.Reading;
import io.gridside.site.ledger.CustomerDay;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One customer's bill for one month of the site's calendar, as rating charges it: each line in whole minor units,
 * and the energy split by tariff version, block and time-of-use band, each part exact.
 *
 * <p>It is {@link Rerating#charges} over the month's days, so the engine's own rating decides every figure: the
 * standing charges due on the month's days, the energy and its tax and levy lines posted at each day's end, and
 * the month's minimum charge, which falls due as the next month begins. A month still under way is billed to the
 * day it has reached, without the minimum charge, which is not yet due.
 *
 * <p>Shortcoming: the month is rated from a clean state, as though the account opened as the month began (no
 * remainder carried in, the minimum charge applying). A customer who moved in during the month, or whose lines
 * carried remainders in, was charged up to a minor unit a line less, or no minimum charge, by the gateway.
 *
 * @param lastDay the last day billed: the month's last, or the day a month still under way has reached
 * @param energy the energy by version, block and band, in rating order of first use
 * @param lines each line charged, in line order; a line that charged nothing is absent
 */
public record MonthBill(String customerId, YearMonth month, LocalDate lastDay, long energyWh, List<EnergyLine> energy,
        SortedMap<LineKey, Long> lines) {

    /**
     * The energy that one block of one version charged, with one band's price added or none.
     *
     * @param band the band's index in the version, or -1 for none
     * @param price ten-thousandths of a minor unit per kWh
     * @param units the exact charge, in charge units
     */
    public record EnergyLine(LocalDateTime version, int block, int band, long energyWh, long price, long units) {
    }

    public MonthBill {
        Objects.requireNonNull(customerId, "customerId");
        energy = List.copyOf(energy);
        lines = Collections.unmodifiableSortedMap(new TreeMap<>(lines));
    }

    /**
     * The bill of {@code customerId} for {@code month}, rated by {@code rater} from the customer's readings; readings
     * that start outside the month are left out.
     */
    public static MonthBill rate(Rater rater, String customerId, YearMonth month, List<Reading> readings) {
        return rate(rater, customerId, month, month.atEndOfMonth(), readings);
    }

    /**
     * The bill of {@code customerId} for {@code month} up to {@code lastDay}, included: the month's last day for
     * a whole month, with its minimum charge; an earlier day for a month under way, without it. Readings that
     * start after {@code lastDay} or outside the month are left out.
     */
    public static MonthBill rate(Rater rater, String customerId, YearMonth month, LocalDate lastDay,
            List<Reading> readings) {
        if (!YearMonth.from(lastDay).equals(month)) {
            throw new IllegalArgumentException("The last day billed, " + lastDay + ", is not in " + month + ".");
        }
        LocalDate first = month.atDay(1);
        boolean whole = lastDay.equals(month.atEndOfMonth());
        LocalDate next = lastDay.plusDays(1);
        List<RatedInterval> intervals = readings.stream()
                .filter(r -> YearMonth.from(r.intervalStart().atZone(rater.zone())).equals(month)
                        && r.intervalStart().atZone(rater.zone()).toLocalDate().isBefore(next))
                .sorted(Comparator.comparing(Reading::intervalStart))
                .map(RatedInterval::actual).toList();
        Rerating.Window window = new Rerating.Window(customerId, first, whole ? next : lastDay,
                RatingState.openedOn(first));

        Map<List<Object>, long[]> parts = new LinkedHashMap<>();
        Map<List<Object>, EnergyPart> firstPart = new LinkedHashMap<>();
        SortedMap<CustomerDay, List<Charge>> charges = Rerating.charges(window,
                new Rerating.Inputs(rater, intervals), part -> add(parts, firstPart, part));

        SortedMap<LineKey, Long> lines = new TreeMap<>();
        charges.forEach((day, ofDay) -> ofDay.stream()
                .filter(charge -> !day.day().equals(next) || charge.kind() == EntryKind.MINIMUM_CHARGE)
                .forEach(charge -> lines.merge(LineKey.of(charge), charge.amountMinor(), Math::addExact)));
        long energyWh = intervals.stream().mapToLong(i -> i.reading().energyWh()).reduce(0, Math::addExact);
        return new MonthBill(customerId, month, lastDay, energyWh, energyLines(parts, firstPart), lines);
    }

    /** What the line charged, 0 when it charged nothing. */
    public long charged(LineKey line) {
        return lines.getOrDefault(line, 0L);
    }

    /** Everything the month charged, over every line. */
    public long totalMinor() {
        return lines.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    }

    private static void add(Map<List<Object>, long[]> parts, Map<List<Object>, EnergyPart> firstPart,
            EnergyPart part) {
        List<Object> key = List.of(part.version(), part.block(), part.band());
        long[] sums = parts.computeIfAbsent(key, k -> new long[2]);
        sums[0] = Math.addExact(sums[0], part.energyWh());
        sums[1] = Math.addExact(sums[1], part.units());
        firstPart.putIfAbsent(key, part);
    }

    private static List<EnergyLine> energyLines(Map<List<Object>, long[]> parts,
            Map<List<Object>, EnergyPart> firstPart) {
        List<EnergyLine> lines = new ArrayList<>();
        parts.forEach((key, sums) -> {
            EnergyPart part = firstPart.get(key);
            lines.add(new EnergyLine(part.version(), part.block(), part.band(), sums[0], part.price(), sums[1]));
        });
        return lines;
    }
}
