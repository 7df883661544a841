package io.gridside.billing.rerate;

import io.gridside.billing.GapSpreading;
import io.gridside.billing.Rater;
import io.gridside.billing.RatingState;
import io.gridside.site.Reading;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a tariff version that arrives late moves in one customer's charges: the customer's days re-rated from the
 * account's opening with the schedule the gateway billed by and with the schedule that holds the new version, and
 * only the lines that moved, as {@link Adjustment}s with reason {@code tariff-version} (or {@code carried-forward}
 * for a later day a block or remainder carried into). The readings are the same both ways, so only prices move
 * money; a gap's estimate stands as billed, or as its meter's quarter hours when it was filled.
 *
 * <p>The engine then goes on from {@link #state}: the account as the new schedule leaves it, so that the days it
 * bills later are charged as re-rating them from the opening charges them. That state is rated with each gap as
 * its estimate, as the engine billed it, since a console's replay, which knows no fills, must reach the same one.
 */
public final class LateTariff {

    private LateTariff() {
    }

    /**
     * The adjustments that moving the account from the schedule of {@code was} to that of {@code now} calls for, in
     * day and line order; none when no line moved.
     *
     * @throws IllegalArgumentException for a reading that the window's days do not hold
     */
    public static List<Adjustment> adjustments(Rater was, Rater now, GapFill.Account account) {
        List<RatedInterval> intervals = intervals(was, account, account.filled());
        Rerating.Window window = window(was, account);
        return Rerating.rerate(window, new Rerating.Inputs(was, intervals), new Rerating.Inputs(now, intervals));
    }

    /**
     * The account's rating state once its days to {@code account.last()} are rated with {@code rater}, every
     * charge posted, each gap as its estimate.
     *
     * @throws IllegalArgumentException for a reading that the window's days do not hold
     */
    public static RatingState state(Rater rater, GapFill.Account account) {
        return Rerating.stateAfter(window(rater, account),
                new Rerating.Inputs(rater, intervals(rater, account, Map.of())));
    }

    private static Rerating.Window window(Rater rater, GapFill.Account account) {
        LocalDate opened = account.openedAt().atZone(rater.zone()).toLocalDate();
        return new Rerating.Window(account.customerId(), opened, account.last(), RatingState.openedOn(opened));
    }

    private static List<RatedInterval> intervals(Rater rater, GapFill.Account account,
            Map<java.time.Instant, List<Long>> filled) {
        return RatedInterval.asBilled(account.meterReadings(), new GapSpreading(rater.zone()),
                Reading.intervalStartOf(account.openedAt()), filled);
    }
}
