package io.gridside.billing.rerate;

import io.gridside.billing.Charge;
import io.gridside.billing.EnergyPart;
import io.gridside.billing.Rater;
import io.gridside.billing.RatingState;
import io.gridside.site.Reading;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Rating as a pure function, and re-rating as the difference of two ratings of one window.
 *
 * <p>A window is one customer's site days from a first to a last, and the customer's {@link RatingState} as the
 * first began: block energy, the month's charge, each line's remainder. Given the tariff schedule and calendar (a
 * {@link Rater}) and the window's intervals, rating charges each day as the engine does: the day's standing and
 * minimum charges as it begins, then its intervals in time order. Nothing else is read and the opening state is
 * not changed, so the same inputs always give the same lines.
 *
 * <p>When inputs change (a reading replaces an estimate, a tariff version arrives late), {@link #rerate} rates the
 * window both ways and returns, per day and line, only what moved, as {@link Adjustment}s that sum exactly to the
 * difference of the two ratings' totals.
 */
public final class Rerating {

    /**
     * One customer's days from {@code from} to {@code to}, both included, starting from {@code opening}.
     *
     * @param opening the customer's rating state as {@code from} began; rating copies it and leaves it as it is
     */
    public record Window(String customerId, LocalDate from, LocalDate to, RatingState opening) {

        public Window {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(opening, "opening");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("A window ends on or after it starts; " + to + " is before "
                        + from + ".");
            }
        }
    }

    /** What a window is rated with: the schedule and calendar, and the window's intervals, actual or estimated. */
    public record Inputs(Rater rater, List<RatedInterval> intervals) {

        public Inputs {
            Objects.requireNonNull(rater, "rater");
            intervals = List.copyOf(intervals);
        }
    }

    private Rerating() {
    }

    /**
     * The lines each day of the window charges.
     *
     * @throws IllegalArgumentException for an interval that starts outside the window's days
     */
    public static DayLines rate(Window window, Inputs inputs) {
        return DayLines.ofCharges(charges(window, inputs));
    }

    /**
     * The charges each day of the window posts, in the order rating posts them, each with its reference (the
     * interval, day or month it charges for): the detail that {@link #rate} sums into lines.
     *
     * @throws IllegalArgumentException for an interval that starts outside the window's days
     */
    public static SortedMap<CustomerDay, List<Charge>> charges(Window window, Inputs inputs) {
        return charges(window, inputs, null);
    }

    /**
     * As {@link #charges(Window, Inputs)}, and tells {@code split} each part of each interval's energy by block and
     * band, as rating prices it.
     *
     * @param split told every part in rating order; null to tell nothing
     */
    public static SortedMap<CustomerDay, List<Charge>> charges(Window window, Inputs inputs,
            Consumer<EnergyPart> split) {
        SortedMap<CustomerDay, List<Charge>> charges = new TreeMap<>();
        run(window, inputs, split, charges);
        return charges;
    }

    /**
     * The customer's rating state as the window's last day ends, all it charged posted: what an engine that billed
     * the window's intervals with the inputs' schedule holds once it posts what it accrued.
     *
     * @throws IllegalArgumentException for an interval that starts outside the window's days
     */
    public static RatingState stateAfter(Window window, Inputs inputs) {
        return run(window, inputs, null, new TreeMap<>());
    }

    private static RatingState run(Window window, Inputs inputs, Consumer<EnergyPart> split,
            SortedMap<CustomerDay, List<Charge>> charges) {
        Rater rater = inputs.rater();
        RatingState state = window.opening().copy();
        Map<LocalDate, List<Reading>> byDay = intervalsByDay(window, inputs);
        for (LocalDate day = window.from(); !day.isAfter(window.to()); day = day.plusDays(1)) {
            List<Charge> ofDay = new ArrayList<>(rater.dayBegins(state, day));
            for (Reading reading : byDay.getOrDefault(day, List.of())) {
                LocalDateTime version = rater.versionInForce(reading.intervalStart());
                if (state.ratedVersion() != null && !version.equals(state.ratedVersion())) {
                    ofDay.addAll(rater.postAccrued(state));
                }
                rater.accrueInterval(state, reading, split);
            }
            // The engine posts what accrued at the day's end, and a posting made earlier in the day (before a
            // top-up or a relay decision) carries the same remainders, so each line's day sums alike.
            ofDay.addAll(rater.postAccrued(state));
            charges.put(new CustomerDay(window.customerId(), day), ofDay);
        }
        return state;
    }

    /**
     * What moved between rating the window with {@code was} and with {@code now}: per day and line, in day and
     * line order, only the lines whose charge differs, each with why.
     */
    public static List<Adjustment> rerate(Window window, Inputs was, Inputs now) {
        return rerate(window, was, now, UnaryOperator.identity());
    }

    /**
     * As {@link #rerate(Window, Inputs, Inputs)}, with each rating's charges passed through {@code asPosted} first:
     * how an account that the engine charged only some days' standing charges (a move-in's day, the days after a
     * move-out) is compared line by line on the charges it was posted.
     */
    public static List<Adjustment> rerate(Window window, Inputs was, Inputs now,
            UnaryOperator<SortedMap<CustomerDay, List<Charge>>> asPosted) {
        DayLines before = DayLines.ofCharges(asPosted.apply(charges(window, was)));
        DayLines after = DayLines.ofCharges(asPosted.apply(charges(window, now)));
        Map<LocalDate, List<RatedInterval>> wasByDay = byDay(window, was);
        Map<LocalDate, List<RatedInterval>> nowByDay = byDay(window, now);
        List<Adjustment> adjustments = new ArrayList<>();
        for (LocalDate day = window.from(); !day.isAfter(window.to()); day = day.plusDays(1)) {
            CustomerDay customerDay = new CustomerDay(window.customerId(), day);
            TreeSet<LineKey> keys = DayLines.linesOfEither(customerDay, before, after);
            Adjustment.Reason reason = null;
            for (LineKey line : keys) {
                long wasMinor = before.charged(customerDay, line);
                long nowMinor = after.charged(customerDay, line);
                if (wasMinor != nowMinor) {
                    reason = reason != null ? reason : reason(day, wasByDay.getOrDefault(day, List.of()),
                            nowByDay.getOrDefault(day, List.of()), was.rater(), now.rater());
                    adjustments.add(new Adjustment(customerDay, line, reason, wasMinor, nowMinor));
                }
            }
        }
        return adjustments;
    }

    /** Why a day's lines moved: its own readings first, then its tariff, else what an earlier day carried. */
    private static Adjustment.Reason reason(LocalDate day, List<RatedInterval> was, List<RatedInterval> now,
            Rater wasRater, Rater nowRater) {
        List<Reading> wasReadings = was.stream().map(RatedInterval::reading).toList();
        List<Reading> nowReadings = now.stream().map(RatedInterval::reading).toList();
        if (!wasReadings.equals(nowReadings) || !estimateFlags(was).equals(estimateFlags(now))) {
            boolean estimateGone = was.stream().anyMatch(RatedInterval::estimated)
                    && !estimateFlags(was).equals(estimateFlags(now));
            return estimateGone ? Adjustment.Reason.ESTIMATE_REPLACED : Adjustment.Reason.READINGS_CHANGED;
        }
        if (!versionsOn(wasRater.schedule(), day).equals(versionsOn(nowRater.schedule(), day))) {
            return Adjustment.Reason.TARIFF_VERSION;
        }
        return Adjustment.Reason.CARRIED_FORWARD;
    }

    private static List<Boolean> estimateFlags(List<RatedInterval> intervals) {
        return intervals.stream().map(RatedInterval::estimated).toList();
    }

    /** The versions in force at some time of {@code day}: the one as it begins, and any that starts during it. */
    private static List<TariffVersion> versionsOn(TariffSchedule schedule, LocalDate day) {
        LocalDateTime start = day.atStartOfDay();
        LocalDateTime end = day.plusDays(1).atStartOfDay();
        List<TariffVersion> inForce = new ArrayList<>();
        TariffVersion atStart = null;
        for (TariffVersion version : schedule.versions()) {
            if (!version.effectiveFrom().isAfter(start)) {
                atStart = version;
            } else if (version.effectiveFrom().isBefore(end)) {
                inForce.add(version);
            }
        }
        if (atStart != null) {
            inForce.add(0, atStart);
        }
        return inForce;
    }

    private static Map<LocalDate, List<Reading>> intervalsByDay(Window window, Inputs inputs) {
        Map<LocalDate, List<Reading>> result = new TreeMap<>();
        byDay(window, inputs).forEach((day, intervals) ->
                result.put(day, intervals.stream().map(RatedInterval::reading).toList()));
        return result;
    }

    /**
     * The window's intervals by the site day that billed them (the day they start in, or for a gap's estimate the
     * day of the tick that closed the gap), each day's in time order.
     */
    private static Map<LocalDate, List<RatedInterval>> byDay(Window window, Inputs inputs) {
        Map<LocalDate, List<RatedInterval>> result = new TreeMap<>();
        List<RatedInterval> sorted = new ArrayList<>(inputs.intervals());
        sorted.sort(Comparator.comparing(interval -> interval.reading().intervalStart()));
        for (RatedInterval interval : sorted) {
            // A day ends at midnight: the tick then bills the day before, as the engine posts it.
            LocalDate day = interval.billedAt().minusNanos(1).atZone(inputs.rater().zone()).toLocalDate();
            if (day.isBefore(window.from()) || day.isAfter(window.to())) {
                throw new IllegalArgumentException("The interval of meter " + interval.reading().meterId()
                        + " from " + interval.reading().intervalStart() + " falls on " + day + ", outside the window "
                        + window.from() + " to " + window.to() + " of customer " + window.customerId() + ".");
            }
            result.computeIfAbsent(day, key -> new ArrayList<>()).add(interval);
        }
        return result;
    }
}
