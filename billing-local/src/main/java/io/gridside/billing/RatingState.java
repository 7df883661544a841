package io.gridside.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * What rating remembers of one account between intervals: the energy of the block period so far, the exact energy
 * charge of the month so far, and the unposted remainder of each charge line.
 *
 * <p>Together with the tariff schedule, the calendar and the readings, this state is all that rating depends on:
 * two raters given equal states and inputs charge the same, which is what re-rating and replay rely on.
 */
public final class RatingState {

    /** The first month the minimum monthly charge applies to: the first the account was open for entirely. */
    final YearMonth firstFullMonth;
    LocalDate blockPeriod;
    long periodWh;
    YearMonth energyMonth;
    /** The month's exact energy charge, in charge units. */
    long monthEnergyUnits;
    /** Per charge line, what was charged but not yet posted, in the line's own exact unit; below one minor unit. */
    private final Map<String, Long> remainders = new HashMap<>();

    private RatingState(YearMonth firstFullMonth) {
        this.firstFullMonth = firstFullMonth;
    }

    /**
     * A copy that rating can advance while this state stays as it is: how re-rating starts two ratings of one
     * window from the same opening state.
     */
    public RatingState copy() {
        RatingState copy = new RatingState(firstFullMonth);
        copy.blockPeriod = blockPeriod;
        copy.periodWh = periodWh;
        copy.energyMonth = energyMonth;
        copy.monthEnergyUnits = monthEnergyUnits;
        copy.remainders.putAll(remainders);
        return copy;
    }

    /** The state of an account opened on {@code day} of the site's calendar. */
    public static RatingState openedOn(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return new RatingState(day.getDayOfMonth() == 1 ? month : month.plusMonths(1));
    }

    /**
     * Adds {@code exactUnits} to the line's remainder and takes out the whole minor units: the posting. Postings
     * are therefore rounded down, and the line's postings always sum to its exact total rounded down.
     */
    long post(String line, long exactUnits, long unitsPerMinor) {
        long pending = Math.addExact(remainders.getOrDefault(line, 0L), exactUnits);
        remainders.put(line, pending % unitsPerMinor);
        return pending / unitsPerMinor;
    }

    /** The line's unposted remainder, in its exact unit. */
    public long remainder(String line) {
        return remainders.getOrDefault(line, 0L);
    }

    void enterBlockPeriod(LocalDate periodStart) {
        if (!periodStart.equals(blockPeriod)) {
            blockPeriod = periodStart;
            periodWh = 0;
        }
    }

    void addMonthEnergy(YearMonth month, long units) {
        if (!month.equals(energyMonth)) {
            energyMonth = month;
            monthEnergyUnits = 0;
        }
        monthEnergyUnits = Math.addExact(monthEnergyUnits, units);
    }
}
