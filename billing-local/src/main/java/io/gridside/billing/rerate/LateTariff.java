package io.gridside.billing.rerate;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.GapSpreading;
import io.gridside.billing.Rater;
import io.gridside.billing.RatingState;
import io.gridside.billing.Tick;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayDecision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /** What one push did to the engine: the adjustments it posted and the relay decisions they made. */
    public record Pushed(List<LedgerEntry> adjustments, List<RelayDecision> decisions) {

        public Pushed {
            adjustments = List.copyOf(adjustments);
            decisions = List.copyOf(decisions);
        }
    }

    /** An account the engine's billing cannot be repeated for from its opening, so it is not re-rated. */
    public static final class NotReratable extends Exception {

        private static final long serialVersionUID = 1L;

        private final String customerId;

        NotReratable(String customerId, String message) {
            super(message);
            this.customerId = customerId;
        }

        public String customerId() {
            return customerId;
        }
    }

    private LateTariff() {
    }

    /**
     * What a push would do, worked out before anything is posted: each account's adjustments and the state it goes
     * on from, in the order the accounts opened.
     */
    public static final class Plan {

        private final Rater now;
        private final Map<String, List<Adjustment>> adjustments;
        private final Map<String, RatingState> states;

        private Plan(Rater now, Map<String, List<Adjustment>> adjustments, Map<String, RatingState> states) {
            this.now = now;
            this.adjustments = adjustments;
            this.states = states;
        }

        /** How many adjustments the push would post. */
        public int adjustmentCount() {
            return adjustments.values().stream().mapToInt(List::size).sum();
        }
    }

    /**
     * Re-rates every account {@code accountOf} gives (null for one to leave, such as one closed before the version
     * took effect) from its opening with the engine's schedule and with that of {@code now}, and checks that the
     * first repeats the engine's own state, without posting anything.
     *
     * @throws NotReratable naming the first account whose re-rating does not repeat the engine
     */
    public static Plan plan(BillingEngine engine, Rater now, Function<String, GapFill.Account> accountOf)
            throws NotReratable {
        Rater was = engine.rater();
        Map<String, List<Adjustment>> adjustments = new LinkedHashMap<>();
        Map<String, RatingState> states = new LinkedHashMap<>();
        for (String customerId : engine.customers()) {
            GapFill.Account account = accountOf.apply(customerId);
            if (account == null) {
                continue;
            }
            RatingState billed = engine.ratingState(customerId);
            was.postAccrued(billed);
            if (engine.closed(customerId) || !state(was, account).sameAs(billed)) {
                throw new NotReratable(customerId, "Re-rating customer " + customerId + " from the opening does not "
                        + "repeat what was billed: its account closed, or more than one meter billed it.");
            }
            adjustments.put(customerId, adjustments(was, now, account));
            states.put(customerId, state(now, account));
        }
        return new Plan(now, adjustments, states);
    }

    /**
     * Carries out {@code plan} after the engine's tick {@code at}, as a gateway does when a version arrives late:
     * for each account in the order they opened, posts what it accrued and moves it to the re-rated state; then
     * rates with the new schedule and posts the adjustments dated {@code at}.
     */
    public static Pushed apply(BillingEngine engine, Plan plan, Instant at) {
        plan.states.forEach((customerId, state) -> engine.rerated(customerId, at, state));
        engine.rateWith(plan.now);
        List<LedgerEntry> posted = new ArrayList<>();
        List<RelayDecision> decisions = new ArrayList<>();
        plan.adjustments.forEach((customerId, list) -> list.forEach(adjustment -> {
            Tick tick = engine.adjust(customerId, at, adjustment.amountMinor(), adjustment.reference());
            tick.entries().stream().filter(e -> e.kind() == EntryKind.ADJUSTMENT).forEach(posted::add);
            decisions.addAll(tick.decisions());
        }));
        return new Pushed(posted, decisions);
    }

    /**
     * {@link #plan} and, only when every account can be re-rated, {@link #apply}.
     *
     * @throws NotReratable naming the first account whose re-rating does not repeat the engine; nothing is posted
     */
    public static Pushed push(BillingEngine engine, Rater now, Instant at,
            Function<String, GapFill.Account> accountOf) throws NotReratable {
        return apply(engine, plan(engine, now, accountOf), at);
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
            Map<Instant, List<Long>> filled) {
        return RatedInterval.asBilled(account.meterReadings(), new GapSpreading(rater.zone()),
                Reading.intervalStartOf(account.openedAt()), filled);
    }
}
