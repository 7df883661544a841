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
 * The low-credit alert the billing of a gap raises reaches no customer, since no gateway was there to send it: the
 * account goes on with its alert armed, so that the new gateway sends it; one the dead gateway sent stays sent.
 */
class GapBillingLowAlertTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    /** 35 shillings a kWh, no standing charge, a 50-shilling low-credit threshold. */
    private static final Tariff TARIFF = new Tariff("flat-kes", "KES", 3_500, 0, 5_000);
    private static final Instant OPENED = Instant.parse("2026-06-03T06:00:00Z");
    private static final Instant LAST_READING = Instant.parse("2026-06-03T06:15:00Z");
    private static final Instant READ_AT = Instant.parse("2026-06-03T09:00:00Z");

    @Test
    void anAccountTheGapTookBelowTheThresholdGoesOnWithItsAlertArmed() {
        BillingEngine engine = billedUntilTheLastReading(6_000, 10);
        GapBilling gap = new GapBilling(engine, List.of(lastReading(10)));

        gap.bill(List.of("M-1"), Map.of("M-1", new RegistersRead.Register("M-1", 51_010, READ_AT)), READ_AT,
                List.of());

        assertThat(engine.balance("C-1")).as("the gap's kWh took it below the threshold").isLessThan(5_000);
        assertThat(gap.periods(List.of("C-1")).get("C-1").lowAlertArmed()).isTrue();
    }

    @Test
    void anAccountWarnedBeforeTheGapGoesOnWithItsAlertSent() {
        BillingEngine engine = billedUntilTheLastReading(6_000, 1_000);
        GapBilling gap = new GapBilling(engine, List.of(lastReading(1_000)));

        gap.bill(List.of("M-1"), Map.of("M-1", new RegistersRead.Register("M-1", 51_000, READ_AT)), READ_AT,
                List.of());

        assertThat(gap.periods(List.of("C-1")).get("C-1").lowAlertArmed()).isFalse();
    }

    private static BillingEngine billedUntilTheLastReading(long openingMinor, long energyWh) {
        BillingEngine engine = new BillingEngine(TARIFF, NAIROBI);
        engine.openAccount("C-1", "M-1", openingMinor, OPENED);
        engine.tick(LAST_READING, List.of(), List.of(lastReading(energyWh)));
        return engine;
    }

    private static Reading lastReading(long energyWh) {
        return new Reading("M-1", OPENED, energyWh, 50_000 + energyWh);
    }
}
