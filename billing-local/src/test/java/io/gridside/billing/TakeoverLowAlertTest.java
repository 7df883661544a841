package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CreditState;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteCalendar;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The low-credit alert across a takeover: an account whose alert the dead gateway raised is not warned again by
 * the new one, and one whose alert is handed over armed is warned when the new gateway first bills it; an account
 * whose period does not say opens it as before.
 */
class TakeoverLowAlertTest {

    private static final Instant TAKEOVER = Instant.parse("2026-06-03T09:07:00Z");
    private static final Instant FIRST_TICK = Instant.parse("2026-06-03T09:15:00Z");
    private static final Tariff TARIFF = Fixtures.tariff(3_500, 0);
    /** A balance must climb 20 shillings above the 50-shilling threshold before the alert is armed again. */
    private static final CreditTerms HYSTERESIS = new CreditTerms(new CreditPolicy(2_000, 0, 1, 100, false),
            SiteCalendar.NONE, Set.of(), List.of());

    @Test
    void anAccountWarnedBeforeTheTakeoverIsNotWarnedAgain() {
        // 60 shillings: above the threshold after a small top-up, not far enough to arm the alert again.
        BillingEngine carried = takeover(6_000, period(false));
        BillingEngine afresh = takeover(6_000, null);

        assertThat(alertsOfOneKwh(carried)).isEmpty();
        assertThat(alertsOfOneKwh(afresh)).as("an account opened afresh is armed").hasSize(1);
    }

    @Test
    void anAccountHandedOverArmedBelowTheThresholdIsWarnedWhenFirstBilled() {
        BillingEngine carried = takeover(4_000, period(true));
        BillingEngine afresh = takeover(4_000, null);

        assertThat(alertsOfOneKwh(carried)).singleElement()
                .satisfies(alert -> assertThat(alert.customerId()).isEqualTo("C-1"));
        assertThat(alertsOfOneKwh(afresh)).as("an opening below the threshold raises no alert").isEmpty();
    }

    @Test
    void thePeriodOfAnEngineSaysWhetherItsAlertIsArmed() {
        BillingEngine engine = takeover(6_000, null);
        alertsOfOneKwh(engine);

        assertThat(Takeover.periodOf(engine, "C-1").lowAlertArmed()).isFalse();
    }

    private static List<CreditAlert> alertsOfOneKwh(BillingEngine engine) {
        return engine.tick(FIRST_TICK, List.of(), List.of(new Reading("M-1", FIRST_TICK.minus(Reading.INTERVAL),
                1_000, 51_000))).alerts();
    }

    private static Takeover.PeriodState period(boolean armed) {
        return new Takeover.PeriodState(null, 0, null, 0, YearMonth.of(2026, 7), CreditState.ACTIVE, RelayState.ON, 0,
                0, 0, armed, List.of());
    }

    private static BillingEngine takeover(long balanceMinor, Takeover.PeriodState period) {
        return Takeover.engine(TARIFF, new Rater(TariffSchedule.flat(TARIFF), NAIROBI, day -> false), HYSTERESIS,
                CustomerTariffs.NONE, Takeover.ledgerAfter(10), new LinkedHashMap<>(Map.of("C-1", "M-1")),
                Map.of("C-1", balanceMinor), Map.of(), period == null ? Map.of() : Map.of("C-1", period), TAKEOVER);
    }
}
