package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Schedules.band;
import static io.gridside.billing.Schedules.cents;
import static io.gridside.billing.Schedules.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.billing.rerate.Adjustment;
import io.gridside.billing.rerate.GapFill;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine bills a reading that closes a gap as VEE's spread of the register's rise over the gap, each quarter
 * hour at its own time-of-use price, and a replay of the same readings spreads it alike.
 *
 * <p>The worked example: in Nairobi (UTC+3), weekdays cost 10 cents/kWh, and 40 from 18:00 to 22:00. On Monday 4
 * March 2024 the customer uses 100 Wh a quarter hour, except 300 Wh from 18:00 to 19:30. On Tuesday the meter's
 * readings stop after 16:30 and come back with the reading of 19:15-19:30, whose register rose 1,200 Wh over the
 * 3-hour gap. The profile (Monday, the only weekday before) weighs 16:30-18:00 at 100 and 18:00-19:30 at 300 per
 * quarter hour: 6 x 100 + 6 x 300 = 2,400, so the rise splits 1,200 x 100 / 2,400 = 50 Wh in each off-peak
 * quarter hour and 150 Wh in each peak one. Charged: 300 Wh x 10 c + 900 Wh x 40 c = 3 + 36 = 39 cents, where
 * billing the whole rise at 19:15 (peak) would have charged 1,200 Wh x 40 c = 48 cents.
 *
 * <p>Then the meter's actuals arrive: 100 Wh in each of the 12 quarter hours. Re-rated: 600 Wh x 10 c + 600 Wh x
 * 40 c = 6 + 24 = 30 cents. Tuesday's energy line charged 66 (to 16:30) + 39 = 105 cents and now charges 66 + 30 =
 * 96, so one adjustment gives back 9 cents, for the estimate the actuals replaced; the rise itself never moved.
 */
class GapBillingTest {

    static final String METER_ID = "M-1";
    static final String CUSTOMER_ID = "C-1";
    /** Monday 4 March 2024, 00:00 in Nairobi. */
    static final Instant MONDAY = Instant.parse("2024-03-03T21:00:00Z");
    /** Tuesday 16:30 in Nairobi, where the gap starts. */
    static final Instant GAP_START = Instant.parse("2024-03-05T13:30:00Z");
    /** Tuesday 19:30 in Nairobi, the end of the reading that closes the gap. */
    static final Instant GAP_END = Instant.parse("2024-03-05T16:30:00Z");
    static final long GAP_RISE_WH = 1_200;

    static TariffSchedule touSchedule() {
        return Schedules.schedule(Schedules.withTou(Schedules.version(Schedules.SINCE_JANUARY, Period.DAILY,
                List.of(open(0))), List.of(
                        band(DayType.WEEKDAY, "00:00", "18:00", cents(10)),
                        band(DayType.WEEKDAY, "18:00", "22:00", cents(40)),
                        band(DayType.WEEKDAY, "22:00", "24:00", cents(10)),
                        band(DayType.SATURDAY, "00:00", "24:00", cents(10)),
                        band(DayType.SUNDAY_OR_HOLIDAY, "00:00", "24:00", cents(10)))));
    }

    static Tariff tariff() {
        return new Tariff("test-kes", "KES", 0, 0, Fixtures.LOW_CREDIT);
    }

    /** Monday's use of the quarter hour that ends at {@code end}: 300 Wh from 18:00 to 19:30, else 100 Wh. */
    static long mondayUseWh(Instant end) {
        int minuteOfDay = end.minus(Reading.INTERVAL).atZone(NAIROBI).toLocalTime().toSecondOfDay() / 60;
        return minuteOfDay >= 18 * 60 && minuteOfDay < 19 * 60 + 30 ? 300 : 100;
    }

    /**
     * The readings up to the gap's start, Monday's pattern every day, registers running from zero, and then the
     * reading that closes the gap.
     */
    static List<Reading> readingsWithGap() {
        List<Reading> readings = new ArrayList<>();
        long register = 0;
        for (Instant end = MONDAY.plus(Reading.INTERVAL); !end.isAfter(GAP_START); end = end.plus(Reading.INTERVAL)) {
            long energy = mondayUseWh(end);
            register += energy;
            readings.add(new Reading(METER_ID, end.minus(Reading.INTERVAL), energy, register));
        }
        readings.add(new Reading(METER_ID, GAP_END.minus(Reading.INTERVAL), GAP_RISE_WH, register + GAP_RISE_WH));
        return readings;
    }

    /** An engine that spreads gaps, opened on Monday with 1,000.00 KES, fed {@code readings} tick by tick. */
    static BillingEngine billed(List<Reading> readings, List<Tick> ticks) {
        BillingEngine engine = new BillingEngine(tariff(), new Rater(touSchedule(), NAIROBI, day -> false),
                LedgerStore.inMemory());
        List<Reading> fed = new ArrayList<>();
        engine.spreadingGaps(new ReadingHistory() {
            @Override
            public java.util.Optional<Instant> lastReadingEnd(String meterId, Instant notAfter) {
                return ReadingHistory.of(fed).lastReadingEnd(meterId, notAfter);
            }

            @Override
            public List<Reading> readings(String meterId, Instant from, Instant to) {
                return ReadingHistory.of(fed).readings(meterId, from, to);
            }
        });
        engine.openAccount(CUSTOMER_ID, METER_ID, 100_000, MONDAY);
        for (Reading reading : readings) {
            ticks.add(engine.tick(reading.intervalEnd(), List.of(), List.of(reading)));
            fed.add(reading);
        }
        return engine;
    }

    @Test
    void spreadsAGapAcrossThePeakByTheCustomersProfileAndRatesEachQuarterHourAtItsPrice() {
        List<Tick> ticks = new ArrayList<>();
        List<Reading> readings = readingsWithGap();
        BillingEngine engine = billed(readings.subList(0, readings.size() - 1), ticks);
        // Tuesday to 16:30: 66 quarter hours of 100 Wh at 10 cents/kWh.
        assertThat(engine.accruedMinor(CUSTOMER_ID)).isEqualTo(66);

        Tick closing = engine.tick(GAP_END, List.of(), List.of(readings.get(readings.size() - 1)));

        assertThat(engine.accruedMinor(CUSTOMER_ID)).isEqualTo(66 + 39);
        assertThat(closing.estimates()).singleElement().satisfies(gap -> {
            assertThat(gap.method()).isEqualTo(EstimateMethod.PROFILE);
            assertThat(gap.gapStart()).isEqualTo(GAP_START);
            assertThat(gap.gapEnd()).isEqualTo(GAP_END);
            List<Long> expected = new ArrayList<>(Collections.nCopies(6, 50L));
            expected.addAll(Collections.nCopies(6, 150L));
            assertThat(gap.energiesWh()).isEqualTo(expected);
        });
    }

    @Test
    void aReadingThatFollowsOnIsBilledAsItCameAndClosesNoGap() {
        List<Tick> ticks = new ArrayList<>();
        List<Reading> readings = readingsWithGap();

        billed(readings.subList(0, readings.size() - 1), ticks);

        assertThat(ticks).allSatisfy(tick -> assertThat(tick.estimates()).isEmpty());
    }

    @Test
    void aReplayOfTheReadingsSpreadsTheGapAlikeAndPostsTheSameLedger() {
        List<Reading> readings = new ArrayList<>(readingsWithGap());
        // The site day goes on to its midnight so that the day's energy posts.
        long register = readings.get(readings.size() - 1).registerWh();
        for (Instant end = GAP_END.plus(Reading.INTERVAL); !end.isAfter(Instant.parse("2024-03-05T21:00:00Z"));
                end = end.plus(Reading.INTERVAL)) {
            register += 100;
            readings.add(new Reading(METER_ID, end.minus(Reading.INTERVAL), 100, register));
        }
        BillingEngine gateway = billed(readings, new ArrayList<>());

        BillingEngine replay = Replay.run(tariff(), new Rater(touSchedule(), NAIROBI, day -> false),
                CreditTerms.PLAIN, List.of(new Meter(METER_ID, "S-1", CUSTOMER_ID, "GW-1", -70)),
                gateway.ledgerAfter(0), readings);

        assertThat(replay.ledgerAfter(0)).isEqualTo(gateway.ledgerAfter(0));
        assertThat(gateway.ledgerAfter(0)).anySatisfy(entry -> assertThat(entry.reference())
                .isEqualTo("usage:2024-03-04T21:00:00Z/2024-03-05T21:00:00Z"));
    }

    @Test
    void lateActualsReplaceTheEstimateAndOnlyTheTimeOfUseDifferenceIsAdjusted() {
        List<Adjustment> adjustments = GapFill.adjustments(new Rater(touSchedule(), NAIROBI, day -> false),
                account(Map.of()), GAP_START, Collections.nCopies(12, 100L));

        assertThat(adjustments).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.customerDay().day()).isEqualTo(LocalDate.of(2024, 3, 5));
            assertThat(adjustment.reason()).isEqualTo(Adjustment.Reason.ESTIMATE_REPLACED);
            assertThat(adjustment.line().label()).isEqualTo("energy");
            assertThat(adjustment.wasMinor()).isEqualTo(105);
            assertThat(adjustment.nowMinor()).isEqualTo(96);
            assertThat(adjustment.amountMinor()).isEqualTo(9);
            assertThat(adjustment.reference()).isEqualTo("adjustment:2024-03-05 estimate-replaced energy");
        });
    }

    @Test
    void actualsThatWereFilledAlreadyAdjustNothingMore() {
        List<Long> actuals = Collections.nCopies(12, 100L);

        List<Adjustment> again = GapFill.adjustments(new Rater(touSchedule(), NAIROBI, day -> false),
                account(Map.of(GAP_START, actuals)), GAP_START, actuals);

        assertThat(again).isEmpty();
    }

    @Test
    void actualsThatDoNotSumToTheRiseAreRefused() {
        assertThatThrownBy(() -> GapFill.adjustments(new Rater(touSchedule(), NAIROBI, day -> false),
                account(Map.of()), GAP_START, Collections.nCopies(12, 99L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1200");
    }

    static GapFill.Account account(Map<Instant, List<Long>> filled) {
        return new GapFill.Account(CUSTOMER_ID, MONDAY, LocalDate.of(2024, 3, 5), readingsWithGap(), filled);
    }

    @Test
    void spreadEstimatesAlwaysSumToTheRegistersRise() {
        List<Tick> ticks = new ArrayList<>();
        billed(readingsWithGap(), ticks);

        GapEstimate gap = ticks.get(ticks.size() - 1).estimates().get(0);

        assertThat(gap.energiesWh().stream().mapToLong(Long::longValue).sum()).isEqualTo(GAP_RISE_WH);
    }
}
