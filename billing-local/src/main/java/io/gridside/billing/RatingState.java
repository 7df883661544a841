package io.gridside.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What rating remembers of one account between intervals: the energy of the block period so far, the exact energy
 * charge of the month so far, and what each charge line has accrued since it last posted.
 *
 * <p>Together with the tariff schedule, the calendar and the readings, this state is all that rating depends on:
 * two raters given equal states and inputs charge the same, which is what re-rating and replay rely on.
 *
 * <p>Charges accrue exactly, in each line's own fixed-point unit, and are posted only now and then (see
 * {@link BillingEngine}): a posting takes out each line's whole minor units and leaves the rest, below one minor
 * unit, to carry on. So a line's postings always sum to its exact total rounded down, however often it posts, and
 * what the account owes between postings is known to the minor unit ({@link #accruedMinor}).
 */
public final class RatingState {

    /** The first month the minimum monthly charge applies to: the first the account was open for entirely. */
    final YearMonth firstFullMonth;
    LocalDate blockPeriod;
    long periodWh;
    YearMonth energyMonth;
    /** The month's exact energy charge, in charge units. */
    long monthEnergyUnits;
    /** Per charge line, in the order lines first accrued, what it accrued and has not posted, in its exact unit. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** The whole minor units all lines would post now: what the account owes since its last posting. */
    private long accruedMinor;
    /** The start of the first interval and the end of the last one accrued since the last posting; null if none. */
    Instant accruedFrom;
    Instant accruedTo;
    /** When the tariff version that rated the last interval took effect, in site time; null before any. */
    LocalDateTime ratedVersion;

    RatingState(YearMonth firstFullMonth) {
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
        pending.forEach((line, owed) -> {
            Pending owedToo = new Pending(owed.unitsPerMinor);
            owedToo.units = owed.units;
            copy.pending.put(line, owedToo);
        });
        copy.accruedMinor = accruedMinor;
        copy.accruedFrom = accruedFrom;
        copy.accruedTo = accruedTo;
        copy.ratedVersion = ratedVersion;
        return copy;
    }

    /**
     * Whether {@code other} holds the same as this state, field by field and line by line: how a gateway checks that
     * re-rating an account from its opening repeats what its engine billed before it trusts a re-rating's state.
     */
    public boolean sameAs(RatingState other) {
        return Objects.equals(firstFullMonth, other.firstFullMonth) && Objects.equals(blockPeriod, other.blockPeriod)
                && periodWh == other.periodWh && Objects.equals(energyMonth, other.energyMonth)
                && monthEnergyUnits == other.monthEnergyUnits && accruedMinor == other.accruedMinor
                && Objects.equals(accruedFrom, other.accruedFrom) && Objects.equals(accruedTo, other.accruedTo)
                && Objects.equals(ratedVersion, other.ratedVersion) && samePending(other);
    }

    private boolean samePending(RatingState other) {
        Map<String, Long> mine = new LinkedHashMap<>();
        pending.forEach((line, owed) -> mine.put(line, owed.units));
        Map<String, Long> theirs = new LinkedHashMap<>();
        other.pending.forEach((line, owed) -> theirs.put(line, owed.units));
        return mine.equals(theirs);
    }

    /** The state of an account opened on {@code day} of the site's calendar. */
    public static RatingState openedOn(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return new RatingState(day.getDayOfMonth() == 1 ? month : month.plusMonths(1));
    }

    /** Adds {@code exactUnits} to what the line owes, in a unit of which {@code unitsPerMinor} make a minor unit. */
    void accrue(String line, long exactUnits, long unitsPerMinor) {
        Pending owed = pending.computeIfAbsent(line, key -> new Pending(unitsPerMinor));
        if (owed.unitsPerMinor != unitsPerMinor) {
            throw new IllegalStateException("Charge line " + line + " accrues in units of " + owed.unitsPerMinor
                    + " per minor unit, not " + unitsPerMinor + ".");
        }
        long before = owed.units / unitsPerMinor;
        owed.units = Math.addExact(owed.units, exactUnits);
        accruedMinor = Math.addExact(accruedMinor, owed.units / unitsPerMinor - before);
    }

    /** Each line's whole minor units to post now, in the order lines first accrued; the remainders stay. */
    Map<String, Long> takeWholeMinor() {
        Map<String, Long> whole = new LinkedHashMap<>();
        pending.forEach((line, owed) -> {
            long minor = owed.units / owed.unitsPerMinor;
            owed.units -= minor * owed.unitsPerMinor;
            whole.put(line, minor);
        });
        accruedMinor = 0;
        accruedFrom = null;
        accruedTo = null;
        return whole;
    }

    /** When the tariff version that rated the last interval took effect, in site time; null before any. */
    public LocalDateTime ratedVersion() {
        return ratedVersion;
    }

    /** The whole minor units all lines have accrued since they last posted. */
    public long accruedMinor() {
        return accruedMinor;
    }

    /**
     * The start of the first interval accrued since the last posting; null when none has. With {@link #accruedTo}
     * it bounds the readings whose energy {@link #accruedMinor} charges.
     */
    public Instant accruedFrom() {
        return accruedFrom;
    }

    /** The end of the last interval accrued since the last posting; null when none has. */
    public Instant accruedTo() {
        return accruedTo;
    }

    /** The whole minor units the lines whose key {@code lineOfKind} accepts would post now. */
    long accruedMinor(Predicate<String> lineOfKind) {
        long minor = 0;
        for (Map.Entry<String, Pending> line : pending.entrySet()) {
            if (lineOfKind.test(line.getKey())) {
                minor += line.getValue().units / line.getValue().unitsPerMinor;
            }
        }
        return minor;
    }

    /** What the line has accrued and not posted, in its exact unit: below one minor unit right after a posting. */
    public long remainder(String line) {
        Pending owed = pending.get(line);
        return owed == null ? 0 : owed.units;
    }

    /** The lines that have accrued, in the order they first did, with their units per minor unit and owed units. */
    Map<String, long[]> lines() {
        Map<String, long[]> lines = new LinkedHashMap<>();
        pending.forEach((line, owed) -> lines.put(line, new long[] {owed.unitsPerMinor, owed.units}));
        return lines;
    }

    /** Puts back a line as {@link #lines} gave it, when an account is restored from its saved state. */
    void restoreLine(String line, long unitsPerMinor, long units) {
        Pending owed = new Pending(unitsPerMinor);
        owed.units = units;
        pending.put(line, owed);
        accruedMinor = Math.addExact(accruedMinor, units / unitsPerMinor);
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

    /** One line's accrual: exact units owed, and how many of them make a minor unit. */
    private static final class Pending {
        final long unitsPerMinor;
        long units;

        Pending(long unitsPerMinor) {
            this.unitsPerMinor = unitsPerMinor;
        }
    }
}
