package io.gridside.billing;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayDecision;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Inputs shared by the billing tests: a site in Nairobi and a flat tariff in Kenyan shillings. */
final class Fixtures {

    /** East Africa Time, UTC+3 all year: local midnight is 21:00 UTC. */
    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    /** Noon in Nairobi on 5 March 2024, on the quarter hour. */
    static final Instant NOON = Instant.parse("2024-03-05T09:00:00Z");

    static final long LOW_CREDIT = 5_000;

    private Fixtures() {
    }

    static Tariff tariff(long energyMinorPerKwh, long standingMinorPerDay) {
        return new Tariff("flat-kes", "KES", energyMinorPerKwh, standingMinorPerDay, LOW_CREDIT);
    }

    static BillingEngine engine(long energyMinorPerKwh, long standingMinorPerDay) {
        return new BillingEngine(tariff(energyMinorPerKwh, standingMinorPerDay), NAIROBI);
    }

    /** The end of the {@code n}th interval after {@code start}. */
    static Instant quarters(Instant start, int n) {
        return start.plus(Reading.INTERVAL.multipliedBy(n));
    }

    /** A reading of the interval that ends at {@code end}; the engine rates energy only, not the register. */
    static Reading reading(String meterId, Instant end, long energyWh) {
        return new Reading(meterId, end.minus(Reading.INTERVAL), energyWh, energyWh);
    }

    static TopUp topUp(String reference, String customerId, long amountMinor, Instant at) {
        return new TopUp(reference, customerId, amountMinor, at);
    }

    /** One tick at {@code end} with readings only. */
    static Tick read(BillingEngine engine, Instant end, Reading... readings) {
        return engine.tick(end, List.of(), List.of(readings));
    }

    static List<LedgerEntry> ofKind(List<LedgerEntry> entries, EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    static List<RelayDecision> decisionsOf(List<Tick> ticks) {
        return ticks.stream().flatMap(t -> t.decisions().stream()).toList();
    }
}
