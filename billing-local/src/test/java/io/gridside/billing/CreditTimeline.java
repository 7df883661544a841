package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.reading;
import static io.gridside.billing.Fixtures.tariff;
import static io.gridside.billing.Fixtures.topUp;

import io.gridside.site.RelayDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made timeline for one customer, C-1 on meter M-1, at one minor unit per Wh and no standing charge, so
 * that each step's balance can be followed in a test's comments.
 */
final class CreditTimeline {

    final BillingEngine engine;
    final List<Tick> ticks = new ArrayList<>();
    private Instant now;
    private int payments;

    CreditTimeline(CreditTerms terms, long openingMinor, Instant start) {
        engine = new BillingEngine(tariff(1_000, 0), NAIROBI, LedgerStore.inMemory(), terms);
        engine.openAccount("C-1", "M-1", openingMinor, start);
        now = start;
    }

    /** Bills the next quarter hour with a reading of {@code energyWh}. */
    CreditTimeline consume(long energyWh) {
        now = now.plus(io.gridside.site.Reading.INTERVAL);
        ticks.add(engine.tick(now, List.of(), List.of(reading("M-1", now, energyWh))));
        return this;
    }

    /** Bills the next quarter hour with a payment a minute before its end. */
    CreditTimeline pay(long amountMinor) {
        now = now.plus(io.gridside.site.Reading.INTERVAL);
        payments++;
        ticks.add(engine.tick(now, List.of(topUp("MP-" + payments, "C-1", amountMinor, now.minusSeconds(60))),
                List.of()));
        return this;
    }

    /** Bills empty quarter hours until {@code end}, as a gateway does for a meter it cannot hear. */
    CreditTimeline idleUntil(Instant end) {
        while (now.isBefore(end)) {
            now = now.plus(io.gridside.site.Reading.INTERVAL);
            ticks.add(engine.tick(now, List.of(), List.of()));
        }
        return this;
    }

    Instant now() {
        return now;
    }

    long balance() {
        return engine.balance("C-1");
    }

    List<RelayDecision> decisions() {
        return Fixtures.decisionsOf(ticks);
    }

    List<CreditAlert> alerts() {
        return ticks.stream().flatMap(t -> t.alerts().stream()).toList();
    }
}
