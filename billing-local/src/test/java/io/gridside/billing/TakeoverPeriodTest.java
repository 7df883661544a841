package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Schedules.SINCE_JANUARY;
import static io.gridside.billing.Schedules.cents;
import static io.gridside.billing.Schedules.lifeline;
import static io.gridside.billing.Schedules.open;
import static io.gridside.billing.Schedules.schedule;
import static io.gridside.billing.Schedules.version;
import static io.gridside.billing.Schedules.withMinimum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.SiteCalendar;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A household on a daily lifeline block whose gateway is replaced at noon: the engine that takes the site over
 * charges the rest of the day as the engine that never stopped does, once it goes on with the block period, and
 * charges the month's minimum as it would have.
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
    /** A minimum monthly charge of 5,000 shillings, above the month's energy charge of about 3,700. */
    private static final long MINIMUM_MINOR = 500_000;
    /** A household that moved in on 10 May, so June is its first whole month and owes its minimum. */
    private static final Instant MOVED_IN = Instant.parse("2026-05-10T09:00:00Z");
    /** Noon of 20 June in Nairobi, when the gateway is replaced. */
    private static final Instant JUNE_TAKEOVER = Instant.parse("2026-06-20T09:00:00Z");
    /** The first tick of July in Nairobi, at which June's minimum charge is posted. */
    private static final Instant JULY_FIRST_TICK = Instant.parse("2026-06-30T21:15:00Z");
    private static final TariffSchedule DAILY_LIFELINE_WITH_MINIMUM = schedule(withMinimum(version(SINCE_JANUARY,
            Period.DAILY, List.of(lifeline(2_000, cents(500)), open(cents(3_000)))), MINIMUM_MINOR));

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

    @Test
    void chargesTheMinimumOfTheMonthOfTheTakeoverAsTheEngineThatNeverStoppedWhenItGoesOnWithTheMonth() {
        BillingEngine never = billed(MOVED_IN, JUNE_TAKEOVER, DAILY_LIFELINE_WITH_MINIMUM);
        Takeover.PeriodState period = Takeover.periodOf(never, "C-1");
        BillingEngine takenOver = takeover(MOVED_IN, JUNE_TAKEOVER, DAILY_LIFELINE_WITH_MINIMUM, Map.of("C-1", period));
        long seq = never.lastSeq();

        bill(never, JUNE_TAKEOVER, JULY_FIRST_TICK);
        bill(takenOver, JUNE_TAKEOVER, JULY_FIRST_TICK);

        assertThat(period.firstFullMonth()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(minimumCharges(never, seq)).singleElement().satisfies(minimum -> {
            assertThat(minimum).isBetween(-MINIMUM_MINOR + 1, -1L);
            assertThat(minimumCharges(takenOver, seq)).singleElement().satisfies(
                    charged -> assertThat(charged).isCloseTo(minimum, within(1L)));
        });
    }

    @Test
    void exemptsTheMonthOfTheTakeoverFromItsMinimumWhenEachAccountOpensAfresh() {
        BillingEngine never = billed(MOVED_IN, JUNE_TAKEOVER, DAILY_LIFELINE_WITH_MINIMUM);
        BillingEngine afresh = takeover(MOVED_IN, JUNE_TAKEOVER, DAILY_LIFELINE_WITH_MINIMUM, Map.of());
        long seq = never.lastSeq();

        bill(never, JUNE_TAKEOVER, JULY_FIRST_TICK);
        bill(afresh, JUNE_TAKEOVER, JULY_FIRST_TICK);

        assertThat(minimumCharges(never, seq)).hasSize(1);
        assertThat(minimumCharges(afresh, seq)).isEmpty();
    }

    private static List<Long> minimumCharges(BillingEngine engine, long afterSeq) {
        return engine.ledgerAfter(afterSeq).stream().filter(e -> e.kind() == EntryKind.MINIMUM_CHARGE)
                .map(LedgerEntry::amountMinor).toList();
    }

    private BillingEngine billedUntilNoon() {
        return billed(DAY_START.minusSeconds(3600), TAKEOVER, DAILY_LIFELINE);
    }

    private static BillingEngine billed(Instant opened, Instant until, TariffSchedule schedule) {
        BillingEngine engine = new BillingEngine(TARIFF, rater(schedule), LedgerStore.inMemory(), PLAIN);
        engine.openAccount("C-1", "M-1", 10_000_000, opened);
        bill(engine, opened, until);
        return engine;
    }

    private BillingEngine takeover(Map<String, Takeover.PeriodState> periods) {
        return takeover(DAY_START.minusSeconds(3600), TAKEOVER, DAILY_LIFELINE, periods);
    }

    /** An engine that takes over at {@code at} from one that billed the account since {@code opened}. */
    private static BillingEngine takeover(Instant opened, Instant at, TariffSchedule schedule,
            Map<String, Takeover.PeriodState> periods) {
        BillingEngine before = billed(opened, at, schedule);
        return Takeover.engine(TARIFF, rater(schedule), PLAIN, CustomerTariffs.NONE,
                Takeover.ledgerAfter(before.lastSeq()), new LinkedHashMap<>(Map.of("C-1", "M-1")),
                Map.of("C-1", before.balance("C-1")), Map.of(), periods, at);
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
        return rater(DAILY_LIFELINE);
    }

    private static Rater rater(TariffSchedule schedule) {
        return new Rater(schedule, NAIROBI, day -> false);
    }
}
