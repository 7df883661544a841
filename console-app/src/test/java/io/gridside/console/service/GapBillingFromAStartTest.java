package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.BillingEngine;
import io.gridside.link.message.RegistersRead;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gap of a meter the replica holds no reading of is billed from the register the dead gateway had billed it to
 * (decision 0103); with no such register it is billed none, as before; a meter with a reading bills from its reading.
 */
class GapBillingFromAStartTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    /** 35 shillings a kWh, no standing charge. */
    private static final Tariff TARIFF = new Tariff("flat-kes", "KES", 3_500, 0, 5_000);
    private static final Instant LIVE = Instant.parse("2026-06-03T06:07:23Z");
    /** The end of the quarter hour go-live fell in, which no gateway bills: where the meter's billing began. */
    private static final Instant FIRST_TICK = Instant.parse("2026-06-03T06:15:00Z");
    private static final Instant READ_AT = Instant.parse("2026-06-03T09:00:00Z");

    @Test
    void billsTheGapFromTheRegisterTheMetersBillingBeganFrom() {
        BillingEngine engine = liveWithNoReading();
        GapBilling gap = new GapBilling(engine, List.of(),
                Map.of("M-1", new RegistersRead.Register("M-1", 50_000, FIRST_TICK)));

        Map<String, Long> energy = gap.bill(List.of("M-1"), Map.of("M-1", register(51_200)), READ_AT, List.of());

        assertThat(energy).containsExactly(Map.entry("M-1", 1_200L));
        assertThat(engine.balance("C-1")).isEqualTo(10_000 - 4_200);
    }

    @Test
    void billsNoGapWhenNoRegisterItsBillingBeganFromIsKnown() {
        BillingEngine engine = liveWithNoReading();
        GapBilling gap = new GapBilling(engine, List.of(), Map.of());

        Map<String, Long> energy = gap.bill(List.of("M-1"), Map.of("M-1", register(51_200)), READ_AT, List.of());

        assertThat(energy).isEmpty();
        assertThat(engine.balance("C-1")).isEqualTo(10_000);
    }

    @Test
    void aStartLaterThanTheRegisterReadBillsNoGap() {
        BillingEngine engine = liveWithNoReading();
        GapBilling gap = new GapBilling(engine, List.of(),
                Map.of("M-1", new RegistersRead.Register("M-1", 50_000, READ_AT)));

        Map<String, Long> energy = gap.bill(List.of("M-1"), Map.of("M-1", register(51_200)), READ_AT, List.of());

        assertThat(energy).isEmpty();
    }

    @Test
    void aMeterWithAReadingBillsFromItsReadingNotFromAStart() {
        BillingEngine engine = new BillingEngine(TARIFF, NAIROBI);
        engine.openAccount("C-1", "M-1", 10_000, LIVE);
        Reading last = new Reading("M-1", FIRST_TICK, 100, 50_100);
        engine.tick(FIRST_TICK.plus(Reading.INTERVAL), List.of(), List.of(last));
        GapBilling gap = new GapBilling(engine, List.of(last),
                Map.of("M-1", new RegistersRead.Register("M-1", 50_000, FIRST_TICK)));

        Map<String, Long> energy = gap.bill(List.of("M-1"), Map.of("M-1", register(51_200)), READ_AT, List.of());

        assertThat(energy).containsExactly(Map.entry("M-1", 1_100L));
    }

    /** An account opened at go-live whose engine ticked the first quarter hour after it, billing no reading. */
    private static BillingEngine liveWithNoReading() {
        BillingEngine engine = new BillingEngine(TARIFF, NAIROBI);
        engine.openAccount("C-1", "M-1", 10_000, LIVE);
        engine.tick(FIRST_TICK, List.of(), List.of());
        return engine;
    }

    private static RegistersRead.Register register(long registerWh) {
        return new RegistersRead.Register("M-1", registerWh, READ_AT);
    }
}
