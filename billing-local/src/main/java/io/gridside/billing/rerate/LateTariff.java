package io.gridside.billing.rerate;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Rater;
import io.gridside.billing.RatingState;
import io.gridside.billing.Tick;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.RelayDecision;
import java.time.Instant;
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
 * money: those billed to the account across every meter that billed it (a meter exchange's final reading before the
 * new meter's), to its move-out if it closed; a gap's estimate stands as billed, or as its meter's quarter hours
 * when it was filled, and a register a supervisor corrected as corrected.
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
     * Re-rates every account on the tariff {@code now} names that {@code accountOf} gives (null for one to leave,
     * such as one closed before the version took effect) from its opening with the schedule the engine rates it
     * with and with that of {@code now}, and checks that the first repeats the engine's own state, without posting
     * anything. A closed account is re-rated to its close and
     * adjusted, and keeps its state: it is charged nothing more.
     *
     * @throws NotReratable naming the first account whose re-rating does not repeat the engine, and why
     */
    public static Plan plan(BillingEngine engine, Rater now, Function<String, BilledAccount> accountOf)
            throws NotReratable {
        Map<String, List<Adjustment>> adjustments = new LinkedHashMap<>();
        Map<String, RatingState> states = new LinkedHashMap<>();
        for (String customerId : engine.customers()) {
            if (!engine.pushReaches(customerId, now.schedule().tariffId())) {
                continue;
            }
            BilledAccount account = accountOf.apply(customerId);
            if (account == null) {
                continue;
            }
            Rater was = engine.raterOf(customerId);
            checkRepeats(engine, was, account);
            adjustments.put(customerId, adjustments(was, now, account));
            if (!engine.closed(customerId)) {
                states.put(customerId, state(now, account));
            }
        }
        return new Plan(now, adjustments, states);
    }

    /** Checks that re-rating the account from its opening with the engine's schedule repeats the engine's state. */
    private static void checkRepeats(BillingEngine engine, Rater was, BilledAccount account) throws NotReratable {
        String customerId = account.customerId();
        RatingState billed = engine.ratingState(customerId);
        was.postAccrued(billed);
        RatingState repeated;
        try {
            repeated = state(was, account);
        } catch (IllegalArgumentException e) {
            throw new NotReratable(customerId, "Customer " + customerId + "'s readings cannot be re-rated from the "
                    + "opening: " + e.getMessage());
        }
        if (!repeated.sameAs(billed)) {
            throw new NotReratable(customerId, "Re-rating customer " + customerId + " from the opening, by the "
                    + account.billed().size() + " readings its meters billed to it, does not repeat what the "
                    + "gateway billed: a reading it billed is missing from its readings, or is not the one kept.");
        }
    }

    /**
     * Carries out {@code plan} after the engine's tick {@code at}, as a gateway does when a version arrives late:
     * for each open account in the order they opened, posts what it accrued and moves it to the re-rated state; then
     * rates with the new schedule and posts the adjustments dated {@code at}. The relay decisions of a closed
     * account's adjustments are left out.
     */
    public static Pushed apply(BillingEngine engine, Plan plan, Instant at) {
        plan.states.forEach((customerId, state) -> engine.rerated(customerId, at, state));
        engine.rateWith(plan.now);
        List<LedgerEntry> posted = new ArrayList<>();
        List<RelayDecision> decisions = new ArrayList<>();
        plan.adjustments.forEach((customerId, list) -> list.forEach(adjustment -> {
            Tick tick = engine.adjust(customerId, at, adjustment.amountMinor(), adjustment.reference());
            tick.entries().stream().filter(e -> e.kind() == EntryKind.ADJUSTMENT).forEach(posted::add);
            // A closed account's meter is no longer its own: the next customer's relay follows their credit alone.
            if (!engine.closed(customerId)) {
                decisions.addAll(tick.decisions());
            }
        }));
        return new Pushed(posted, decisions);
    }

    /**
     * {@link #plan} and, only when every account can be re-rated, {@link #apply}.
     *
     * @throws NotReratable naming the first account whose re-rating does not repeat the engine; nothing is posted
     */
    public static Pushed push(BillingEngine engine, Rater now, Instant at,
            Function<String, BilledAccount> accountOf) throws NotReratable {
        return apply(engine, plan(engine, now, accountOf), at);
    }

    /**
     * The adjustments that moving the account from the schedule of {@code was} to that of {@code now} calls for, in
     * day and line order; none when no line moved. Both ratings take the account's filled gaps and corrected
     * registers as the corrections posted for them charged them, so only prices move money.
     *
     * @throws IllegalArgumentException for a reading that the window's days do not hold
     */
    public static List<Adjustment> adjustments(Rater was, Rater now, BilledAccount account) {
        List<RatedInterval> intervals = account.intervals(was.zone(), true);
        return Rerating.rerate(account.window(was.zone()), new Rerating.Inputs(was, intervals),
                new Rerating.Inputs(now, intervals), charges -> account.asPosted(charges, was.zone()));
    }

    /** As {@link #adjustments(Rater, Rater, BilledAccount)} for an open account one meter billed. */
    public static List<Adjustment> adjustments(Rater was, Rater now, GapFill.Account account) {
        return adjustments(was, now, BilledAccount.of(account));
    }

    /**
     * The account's rating state once its days to {@code account.last()} are rated with {@code rater}, every
     * charge posted, each gap as its estimate and each register as the meter sent it, as the engine billed them.
     *
     * @throws IllegalArgumentException for a reading that the window's days do not hold
     */
    public static RatingState state(Rater rater, BilledAccount account) {
        return Rerating.stateAfter(account.window(rater.zone()),
                new Rerating.Inputs(rater, account.intervals(rater.zone(), false)));
    }

    /** As {@link #state(Rater, BilledAccount)} for an open account one meter billed. */
    public static RatingState state(Rater rater, GapFill.Account account) {
        return state(rater, BilledAccount.of(account));
    }
}
