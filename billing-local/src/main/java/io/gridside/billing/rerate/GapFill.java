package io.gridside.billing.rerate;

import io.gridside.billing.GapSpreading;
import io.gridside.billing.Rater;
import io.gridside.billing.RatingState;
import io.gridside.site.Reading;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a meter's late actuals for a gap move in its customer's charges: the customer's days re-rated from the
 * account's opening with the gap as billed (its estimate, or actuals sent before) and with the actuals in its
 * place, and only the lines that moved, as {@link Adjustment}s. The gap's rise is the same both ways (the register
 * is the fact), so only the spread moves money: a time-of-use price, a block, a tax on them.
 *
 * <p>Filling a gap a second time with the same actuals moves nothing, so a backfill that arrives twice adjusts once.
 */
public final class GapFill {

    /**
     * One customer's charges as a window: the account, the meter's readings as billed from its opening to the
     * last day, and the gaps already filled.
     *
     * @param meterReadings every reading of the customer's meter billed from the opening through {@code last}
     * @param filled the actuals of each gap filled before, by the gap's start
     * @param corrected the registers corrected before, by the end of the reading each replaced
     */
    public record Account(String customerId, Instant openedAt, LocalDate last, List<Reading> meterReadings,
            Map<Instant, List<Long>> filled, Map<Instant, Long> corrected) {

        public Account {
            meterReadings = List.copyOf(meterReadings);
            filled = Map.copyOf(filled);
            corrected = Map.copyOf(corrected);
        }

        /** An account none of whose reads was corrected. */
        public Account(String customerId, Instant openedAt, LocalDate last, List<Reading> meterReadings,
                Map<Instant, List<Long>> filled) {
            this(customerId, openedAt, last, meterReadings, filled, Map.of());
        }
    }

    private GapFill() {
    }

    /**
     * The adjustments that filling the gap from {@code gapStart} with {@code actualsWh} calls for, in day and
     * line order; none when it was filled so already.
     *
     * @throws IllegalArgumentException when the actuals do not sum to the gap's rise or do not fit its length
     */
    public static List<Adjustment> adjustments(Rater rater, Account account, Instant gapStart, List<Long> actualsWh) {
        GapSpreading spreading = new GapSpreading(rater.zone());
        Instant notBefore = Reading.intervalStartOf(account.openedAt());
        Map<Instant, List<Long>> after = new HashMap<>(account.filled());
        after.put(gapStart, List.copyOf(actualsWh));
        List<Reading> readings = CorrectedReadings.apply(account.meterReadings(), account.corrected());
        List<RatedInterval> was = RatedInterval.asBilled(readings, spreading, notBefore, account.filled());
        List<RatedInterval> now = RatedInterval.asBilled(readings, spreading, notBefore, after);
        return rerate(rater, account, was, now);
    }

    /**
     * The adjustments that correcting the register read at {@code readAt} to {@code registerWh} calls for, in day
     * and line order; none when it was corrected so already. The reading it ends and the one after it must follow
     * on from their neighbours, so that no gap's rise changes.
     *
     * @throws IllegalArgumentException when the correction would make a register run backwards
     */
    public static List<Adjustment> correction(Rater rater, Account account, Instant readAt, long registerWh) {
        GapSpreading spreading = new GapSpreading(rater.zone());
        Instant notBefore = Reading.intervalStartOf(account.openedAt());
        Map<Instant, Long> after = new HashMap<>(account.corrected());
        after.put(readAt, registerWh);
        List<RatedInterval> was = RatedInterval.asBilled(CorrectedReadings.apply(account.meterReadings(),
                account.corrected()), spreading, notBefore, account.filled());
        List<RatedInterval> now = RatedInterval.asBilled(CorrectedReadings.apply(account.meterReadings(), after),
                spreading, notBefore, account.filled());
        return rerate(rater, account, was, now);
    }

    private static List<Adjustment> rerate(Rater rater, Account account, List<RatedInterval> was,
            List<RatedInterval> now) {
        LocalDate opened = account.openedAt().atZone(rater.zone()).toLocalDate();
        Rerating.Window window = new Rerating.Window(account.customerId(), opened, account.last(),
                RatingState.openedOn(opened));
        return Rerating.rerate(window, new Rerating.Inputs(rater, was), new Rerating.Inputs(rater, now));
    }
}
