package io.gridside.billing;

import io.gridside.billing.rerate.BilledAccount;
import io.gridside.billing.rerate.LateTariff;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The replay's side of a tariff version pushed late: at the tick the gateway learnt it, the replay posts the
 * corrections the gateway had posted before it (a gap's fill of that tick), moves every open account to the state
 * re-rating its days with the new schedule leaves, and rates with the new schedule from then on, as the gateway did.
 * An account's days are re-rated by the readings billed to it across every meter that billed it.
 */
final class LatePushes {

    /** No version pushed late. */
    static final LatePushes NONE = new LatePushes(List.of(), List.of(), null);

    private final List<Replay.Push> pushes;
    private final Map<String, List<Reading>> byMeter = new HashMap<>();
    /** Which meters billed each account; null when no push needs it. */
    private final AccountHistory history;

    LatePushes(List<Replay.Push> pushes, List<Reading> readings, AccountHistory history) {
        this.pushes = List.copyOf(pushes);
        this.history = history;
        if (!pushes.isEmpty()) {
            readings.forEach(r -> byMeter.computeIfAbsent(r.meterId(), id -> new ArrayList<>()).add(r));
        }
    }

    /**
     * Applies the pushes the gateway took after the tick {@code tick}, and returns the tick's corrections still to
     * post: those the gateway posted after the pushes.
     */
    List<LedgerEntry> applyAt(Instant tick, BillingEngine engine, List<LedgerEntry> corrections) {
        List<LedgerEntry> left = new ArrayList<>(corrections);
        for (Replay.Push push : pushes) {
            if (!push.knownAt().equals(tick)) {
                continue;
            }
            List<LedgerEntry> before = left.stream().filter(c -> c.seq() <= push.afterSeq()).toList();
            before.forEach(c -> engine.adjust(c.customerId(), c.at(), c.amountMinor(), c.reference()));
            left.removeAll(before);
            apply(push, tick, engine);
        }
        return left;
    }

    /**
     * Moves every open account on the pushed version's tariff to its re-rated state, in the order they opened, as
     * the gateway does.
     */
    private void apply(Replay.Push push, Instant tick, BillingEngine engine) {
        LocalDate last = tick.minusNanos(1).atZone(engine.rater().zone()).toLocalDate();
        for (String customerId : engine.customers()) {
            if (engine.closed(customerId) || !engine.pushReaches(customerId, push.rater().schedule().tariffId())) {
                continue;
            }
            Instant openedAt = engine.openedAt(customerId);
            BilledAccount account = new BilledAccount(customerId, openedAt, null, false, last,
                    billed(customerId, engine, tick), Map.of(), Map.of());
            engine.rerated(customerId, tick, LateTariff.state(push.rater(), account));
        }
        engine.rateWith(push.rater());
    }

    /**
     * The readings billed to the account before {@code tick}: across its meters as the history has them, or its
     * one meter's since the opening when the history does not know the customer.
     */
    private List<Reading> billed(String customerId, BillingEngine engine, Instant tick) {
        if (history != null && !history.spans(customerId).isEmpty()) {
            return history.billedTo(customerId, byMeter, tick);
        }
        Instant from = Reading.intervalStartOf(engine.openedAt(customerId));
        return byMeter.getOrDefault(engine.meterOf(customerId), List.of()).stream()
                .filter(r -> !r.intervalStart().isBefore(from) && r.intervalStart().isBefore(tick))
                .sorted(Comparator.comparing(Reading::intervalStart)).toList();
    }
}
