package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.ofKind;
import static io.gridside.billing.Fixtures.reading;
import static io.gridside.billing.Schedules.SINCE_JANUARY;
import static io.gridside.billing.Schedules.band;
import static io.gridside.billing.Schedules.cents;
import static io.gridside.billing.Schedules.engine;
import static io.gridside.billing.Schedules.lifeline;
import static io.gridside.billing.Schedules.open;
import static io.gridside.billing.Schedules.schedule;
import static io.gridside.billing.Schedules.version;
import static io.gridside.billing.Schedules.withLines;
import static io.gridside.billing.Schedules.withMinimum;
import static io.gridside.billing.Schedules.withStanding;
import static io.gridside.billing.Schedules.withTou;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of every kind of tariff line, computed by hand. Prices are in ten-thousandths of a cent per
 * kWh, so E Wh at P cost E * P ten-millionths of a cent; the site is in Nairobi (UTC+3) and 5 March 2024 is a
 * Tuesday.
 */
class TariffRatingTest {

    /** What each reading took from the balance, per engine under test. */
    private final Map<BillingEngine, List<Long>> charges = new IdentityHashMap<>();

    /** Noon on Tuesday 5 March 2024, Nairobi time. */
    private static final LocalDateTime TUESDAY_NOON = LocalDateTime.of(2024, 3, 5, 12, 0);

    /** Peak 18:00-22:00 on weekdays at 40 cents/kWh more, 10 cents otherwise; flat 15 and 5 at weekends. */
    private static final List<TouBand> BANDS = List.of(
            band(DayType.WEEKDAY, "00:00", "18:00", cents(10)),
            band(DayType.WEEKDAY, "18:00", "22:00", cents(40)),
            band(DayType.WEEKDAY, "22:00", "24:00", cents(10)),
            band(DayType.SATURDAY, "00:00", "24:00", cents(15)),
            band(DayType.SUNDAY_OR_HOLIDAY, "00:00", "24:00", cents(5)));

    @Test
    void aPriceFinerThanACentIsChargedExactlyAndOwedInWholeCents() {
        // 2,500.5 cents/kWh is 25,005,000 units. 1 Wh costs 2.5005 cents: owe 2, keep 0.5005;
        // the next 1 Wh brings 3.001 cents: owe 3, keep 0.001. The two charges sum to floor(5.001) = 5.
        BillingEngine engine = opened(schedule(version(SINCE_JANUARY, null, List.of(open(25_005_000)))));

        read(engine, local(12, 15), reading("M-1", local(12, 15), 1));
        read(engine, local(12, 30), reading("M-1", local(12, 30), 1));

        assertThat(energyCharges(engine)).containsExactly(-2L, -3L);
    }

    @Test
    void aLifelineBlockPricesTheFirstEnergyOfEachDayAndTheRestPaysTheNextBlock() {
        // Lifeline up to 1,000 Wh at 1,000 cents/kWh, then 3,000 cents/kWh, reset daily.
        BillingEngine engine = opened(schedule(version(SINCE_JANUARY, Period.DAILY,
                List.of(lifeline(1_000, cents(1_000)), open(cents(3_000))))));

        // 600 Wh in the lifeline block: 0.6 kWh * 1,000 = 600 cents.
        read(engine, local(12, 15), reading("M-1", local(12, 15), 600));
        // 600 Wh more: 400 Wh fill the lifeline (400 cents), 200 Wh at 3,000 cents/kWh (600 cents): 1,000 cents.
        read(engine, local(12, 30), reading("M-1", local(12, 30), 600));
        // Wednesday starts the block again: 600 Wh in the lifeline, 600 cents.
        Instant wednesday = at(LocalDateTime.of(2024, 3, 6, 8, 15));
        read(engine, wednesday, reading("M-1", wednesday, 600));

        assertThat(energyCharges(engine)).containsExactly(-600L, -1_000L, -600L);
    }

    @Test
    void aMonthlyBlockKeepsCountingAcrossDays() {
        // The same blocks reset monthly: Wednesday's 600 Wh are all past the 1,000 Wh lifeline, 1,800 cents.
        BillingEngine engine = opened(schedule(version(SINCE_JANUARY, Period.MONTHLY,
                List.of(lifeline(1_000, cents(1_000)), open(cents(3_000))))));

        read(engine, local(12, 15), reading("M-1", local(12, 15), 1_200));
        Instant wednesday = at(LocalDateTime.of(2024, 3, 6, 8, 15));
        read(engine, wednesday, reading("M-1", wednesday, 600));

        // 1,000 Wh * 1,000 + 200 Wh * 3,000 = 1,600 cents; then 600 * 3,000 / 1,000 = 1,800 cents.
        assertThat(energyCharges(engine)).containsExactly(-1_600L, -1_800L);
    }

    @Test
    void timeOfUseBandsPriceEachIntervalByItsStartAndTheDayType() {
        // One open block priced 0: the bands are the whole price. 100 Wh each:
        // Tue 17:45-18:00 off-peak 10 c/kWh = 1 cent; Tue 18:00-18:15 peak 40 = 4 cents;
        // Sat 9 March 18:00 at 15 = 1.5 cents: post 1, keep 0.5; Sun 10 March 18:00 at 5 = 0.5: with 0.5 kept, 1.
        BillingEngine engine = opened(schedule(withTou(version(SINCE_JANUARY, null, List.of(open(0))), BANDS)));

        read(engine, local(18, 0), reading("M-1", local(18, 0), 100));
        read(engine, local(18, 15), reading("M-1", local(18, 15), 100));
        Instant saturday = at(LocalDateTime.of(2024, 3, 9, 18, 15));
        read(engine, saturday, reading("M-1", saturday, 100));
        Instant sunday = at(LocalDateTime.of(2024, 3, 10, 18, 15));
        read(engine, sunday, reading("M-1", sunday, 100));

        assertThat(energyCharges(engine)).containsExactly(-1L, -4L, -1L, -1L);
    }

    @Test
    void aHolidayOfTheSiteCalendarPricesAsASunday() {
        // Tuesday 5 March declared a holiday: 18:00-18:15 at the Sunday 5 c/kWh, 1,000 Wh = 5 cents, not 40.
        BillingEngine engine = engine(schedule(withTou(version(SINCE_JANUARY, null, List.of(open(0))), BANDS)),
                day -> day.equals(LocalDate.of(2024, 3, 5)));
        engine.openAccount("C-1", "M-1", 100_000, at(TUESDAY_NOON));

        read(engine, local(18, 15), reading("M-1", local(18, 15), 1_000));

        assertThat(energyCharges(engine)).containsExactly(-5L);
    }

    @Test
    void aLifelineBlockIsNotRaisedByThePeakBand() {
        // Lifeline up to 500 Wh at 10 c/kWh, then 20 c/kWh plus the band. At 18:00 (peak, +40), 800 Wh:
        // 500 Wh * 10 = 5 cents (lifeline, no band) + 300 Wh * (20 + 40) = 18 cents: 23 cents.
        List<Block> blocks = List.of(lifeline(500, cents(10)), open(cents(20)));
        BillingEngine engine = opened(schedule(withTou(version(SINCE_JANUARY, Period.DAILY, blocks), BANDS)));

        read(engine, local(18, 15), reading("M-1", local(18, 15), 800));

        assertThat(energyCharges(engine)).containsExactly(-23L);
    }

    @Test
    void taxAndLevyLinesAccrueWithTheEnergyEachWithItsOwnRemainderAndPostAtMidnight() {
        // At 2,000 c/kWh, 333 Wh cost 666 cents exactly.
        // VAT 16% (1,600 basis points): 106.56 cents, owe 106, keep 0.56; levy 50 c/kWh: 16.65, owe 16, keep 0.65.
        // Again: VAT 0.56 + 106.56 = 107.12, owe 107; levy 0.65 + 16.65 = 17.3, owe 17. The balance falls by
        // 666 + 106 + 16 = 788, then 666 + 107 + 17 = 790. Midnight posts each line's floor of its exact day:
        // energy 1,332; VAT floor(213.12) = 213; levy floor(33.3) = 33 (788 + 790 = 1,332 + 213 + 33).
        TariffVersion flat = version(SINCE_JANUARY, null, List.of(open(cents(2_000))));
        BillingEngine engine = opened(schedule(withLines(flat,
                new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, null),
                new ChargeLine("REA", ChargeLine.Kind.LEVY, null, cents(50)))));

        read(engine, local(12, 15), reading("M-1", local(12, 15), 333));
        read(engine, local(12, 30), reading("M-1", local(12, 30), 333));
        Instant midnight = at(LocalDateTime.of(2024, 3, 6, 0, 0));
        engine.tick(midnight, List.of(), List.of());

        assertThat(energyCharges(engine)).containsExactly(-788L, -790L);
        String span = "usage:2024-03-05T09:00:00Z/2024-03-05T09:30:00Z";
        assertThat(engine.ledgerAfter(1)).extracting(LedgerEntry::kind, LedgerEntry::amountMinor,
                LedgerEntry::reference, LedgerEntry::at).containsExactly(
                        tuple(EntryKind.ENERGY, -1_332L, span, midnight),
                        tuple(EntryKind.TAX, -213L, span + " VAT", midnight),
                        tuple(EntryKind.LEVY, -33L, span + " REA", midnight));
        assertThat(engine.balance("C-1")).isEqualTo(100_000 - 1_578).isEqualTo(engine.postedBalance("C-1"));
    }

    @Test
    void aMonthlyStandingChargeFallsOnItsDueDayOnly() {
        // KES 300.00 due on the 6th: nothing on the 5th, 30,000 cents in the first tick of the 6th.
        TariffVersion flat = version(SINCE_JANUARY, null, List.of(open(0)));
        BillingEngine engine = opened(schedule(withStanding(flat,
                new StandingCharge(Period.MONTHLY, 30_000, 6))));

        engine.tick(local(12, 15), List.of(), List.of());
        Instant firstTickOf6March = at(LocalDateTime.of(2024, 3, 6, 0, 15));
        engine.tick(firstTickOf6March, List.of(), List.of());
        engine.tick(at(LocalDateTime.of(2024, 3, 7, 0, 15)), List.of(), List.of());

        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.STANDING_CHARGE))
                .extracting(LedgerEntry::at, LedgerEntry::amountMinor, LedgerEntry::reference)
                .containsExactly(tuple(firstTickOf6March, -30_000L, "month:2024-03"));
    }

    @Test
    void aMonthBelowTheMinimumChargeIsToppedUpToItAtTheStartOfTheNext() {
        // Opened on 1 February: February is a whole month. Minimum KES 500.00 (50,000 cents).
        // February's energy: 1,000 Wh at 2,000 c/kWh = 2,000 cents; shortfall 50,000 - 2,000 = 48,000 cents,
        // posted in the first tick of 1 March. March, the month after, is not yet over.
        TariffVersion flat = withMinimum(version(SINCE_JANUARY, null, List.of(open(cents(2_000)))), 50_000);
        BillingEngine engine = engine(schedule(flat));
        engine.openAccount("C-1", "M-1", 100_000, at(LocalDateTime.of(2024, 2, 1, 0, 0)));

        Instant feb10 = at(LocalDateTime.of(2024, 2, 10, 12, 15));
        read(engine, feb10, reading("M-1", feb10, 1_000));
        Instant firstTickOfMarch = at(LocalDateTime.of(2024, 3, 1, 0, 15));
        engine.tick(firstTickOfMarch, List.of(), List.of());

        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.MINIMUM_CHARGE))
                .extracting(LedgerEntry::at, LedgerEntry::amountMinor, LedgerEntry::reference)
                .containsExactly(tuple(firstTickOfMarch, -48_000L, "minimum:2024-02"));
        assertThat(engine.balance("C-1")).isEqualTo(100_000 - 2_000 - 48_000);
    }

    @Test
    void theMonthAnAccountOpensInOwesNoMinimumCharge() {
        TariffVersion flat = withMinimum(version(SINCE_JANUARY, null, List.of(open(cents(2_000)))), 50_000);
        BillingEngine engine = opened(schedule(flat));

        engine.tick(at(LocalDateTime.of(2024, 4, 1, 0, 15)), List.of(), List.of());

        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.MINIMUM_CHARGE)).isEmpty();
    }

    /** An engine at {@code schedule} with customer C-1 on meter M-1, opened at noon on Tuesday 5 March. */
    private static BillingEngine opened(TariffSchedule schedule) {
        BillingEngine engine = engine(schedule);
        engine.openAccount("C-1", "M-1", 100_000, at(TUESDAY_NOON));
        return engine;
    }

    /** Tuesday 5 March at hh:mm, Nairobi time. */
    static Instant local(int hour, int minute) {
        return at(LocalDateTime.of(2024, 3, 5, hour, minute));
    }

    static Instant at(LocalDateTime local) {
        return local.atZone(NAIROBI).toInstant();
    }

    /** Reads one tick of C-1's meter, and keeps what it took from C-1's balance as the engine's next charge. */
    private void read(BillingEngine engine, Instant end, Reading reading) {
        long before = engine.balance("C-1");
        Fixtures.read(engine, end, reading);
        charges.computeIfAbsent(engine, e -> new ArrayList<>()).add(engine.balance("C-1") - before);
    }

    /** What each reading read so far took from C-1's balance at once: its charges, accrued, not yet posted. */
    private List<Long> energyCharges(BillingEngine engine) {
        return charges.getOrDefault(engine, List.of());
    }
}
