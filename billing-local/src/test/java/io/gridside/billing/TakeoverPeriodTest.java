package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Schedules.SINCE_JANUARY;
import static io.gridside.billing.Schedules.cents;
import static io.gridside.billing.Schedules.lifeline;
import static io.gridside.billing.Schedules.open;
import static io.gridside.billing.Schedules.schedule;
import static io.gridside.billing.Schedules.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridside.site.Reading;
import io.gridside.site.SiteCalendar;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A household on a daily lifeline block whose gateway is replaced at noon: the engine that takes the site over
 * charges the rest of the day as the engine that never stopped does, once it goes on with the block period.
 */
class TakeoverPeriodTest {

    /** Midnight in Nairobi, the start of the site day. */
    private static final Instant DAY_START = Instant.parse("2026-06-03T21:00:00Z");
    private static final Instant DAY_END = DAY_START.plusSeconds(24 * 3600);
    /** Noon of the site day, when the new gateway's reconciliation is posted. */
    private static final Instant TAKEOVER = DAY_START.plusSeconds(12 * 3600);
    private static final TariffSchedule DAILY_LIFELINE = schedule(version(SINCE_JANUARY, Period.DAILY,
            List.of(lifeline(2_000, cents(500)), open(cents(3_000)))));
    private static final Tariff TARIFF = new Tariff("test-kes", "KES", 0, 0, Fixtures.LOW_CREDIT);
    private static final CreditTerms PLAIN = new CreditTerms(CreditPolicy.PLAIN, SiteCalendar.NONE, Set.of(),
            List.of());
    /** 60 Wh a quarter hour: 2,880 Wh by noon, past the 2,000 Wh block. */
    private static final long QUARTER_WH = 60;

    @Test
    void chargesTheRestOfTheDayAsTheEngineThatNeverStoppedWhenItGoesOnWithTheBlockPeriod() {
        BillingEngine never = billedUntilNoon();
        long atNoon = never.balance("C-1");
        Takeover.PeriodState period = Takeover.periodOf(never, "C-1");
        BillingEngine takenOver = takeover(Map.of("C-1", period));

        bill(never, TAKEOVER, DAY_END);
        bill(takenOver, TAKEOVER, DAY_END);

        assertThat(period.blockPeriodWh()).isEqualTo(48 * QUARTER_WH);
        assertThat(atNoon - takenOver.balance("C-1")).isPositive()
                .isCloseTo(atNoon - never.balance("C-1"), within(1L));
    }

    @Test
    void givesTheCheapBlockASecondTimeWhenEachAccountOpensAfresh() {
        BillingEngine never = billedUntilNoon();
        long atNoon = never.balance("C-1");
        BillingEngine afresh = takeover(Map.of());

        bill(never, TAKEOVER, DAY_END);
        bill(afresh, TAKEOVER, DAY_END);

        // The block's 2 kWh a second time, each 25 shillings below the open price, less a unit of rounding.
        assertThat((atNoon - never.balance("C-1")) - (atNoon - afresh.balance("C-1"))).isGreaterThan(4_900L);
    }

    private BillingEngine billedUntilNoon() {
        BillingEngine engine = new BillingEngine(TARIFF, rater(), LedgerStore.inMemory(), PLAIN);
        engine.openAccount("C-1", "M-1", 1_000_000, DAY_START.minusSeconds(3600));
        bill(engine, DAY_START.minusSeconds(3600), TAKEOVER);
        return engine;
    }

    private BillingEngine takeover(Map<String, Takeover.PeriodState> periods) {
        BillingEngine noon = billedUntilNoon();
        return Takeover.engine(TARIFF, rater(), PLAIN, CustomerTariffs.NONE, Takeover.ledgerAfter(noon.lastSeq()),
                new LinkedHashMap<>(Map.of("C-1", "M-1")), Map.of("C-1", noon.balance("C-1")), Map.of(), periods,
                TAKEOVER);
    }

    /** Bills a reading of {@link #QUARTER_WH} each quarter hour from {@code from} to {@code to}. */
    private static void bill(BillingEngine engine, Instant from, Instant to) {
        for (Instant start = from; start.isBefore(to); start = start.plus(Reading.INTERVAL)) {
            long register = (start.getEpochSecond() / 900 + 1) * QUARTER_WH;
            engine.tick(start.plus(Reading.INTERVAL), List.of(), List.of(new Reading("M-1", start, QUARTER_WH,
                    register)));
        }
    }

    private static Rater rater() {
        return new Rater(DAILY_LIFELINE, NAIROBI, day -> false);
    }
}
