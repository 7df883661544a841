package io.gridside.billing;

import io.gridside.billing.rerate.GapFill;
import io.gridside.billing.rerate.LateTariff;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The replay's side of a tariff version pushed late: at the tick the gateway learnt it, the replay posts the
 * corrections the gateway had posted before it (a gap's fill of that tick), moves every open account to the state
 * re-rating its days with the new schedule leaves, and rates with the new schedule from then on, as the gateway did.
 */
final class LatePushes {

    private final List<Replay.Push> pushes;
    private final ReadingHistory readings;

    LatePushes(List<Replay.Push> pushes, ReadingHistory readings) {
        this.pushes = List.copyOf(pushes);
        this.readings = readings;
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

    /** Moves every open account to its re-rated state, in the order they opened, as the gateway does. */
    private void apply(Replay.Push push, Instant tick, BillingEngine engine) {
        LocalDate last = tick.minusNanos(1).atZone(engine.rater().zone()).toLocalDate();
        for (String customerId : engine.customers()) {
            if (engine.closed(customerId)) {
                continue;
            }
            Instant openedAt = engine.openedAt(customerId);
            List<Reading> billed = readings.readings(engine.meterOf(customerId), Reading.intervalStartOf(openedAt),
                    tick);
            GapFill.Account account = new GapFill.Account(customerId, openedAt, last, billed, Map.of());
            engine.rerated(customerId, tick, LateTariff.state(push.rater(), account));
        }
        engine.rateWith(push.rater());
    }
}
