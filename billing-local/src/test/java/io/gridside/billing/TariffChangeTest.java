package io.gridside.billing;

import static io.gridside.billing.Fixtures.ofKind;
import static io.gridside.billing.Fixtures.read;
import static io.gridside.billing.Fixtures.reading;
import static io.gridside.billing.Schedules.SINCE_JANUARY;
import static io.gridside.billing.Schedules.cents;
import static io.gridside.billing.Schedules.engine;
import static io.gridside.billing.Schedules.open;
import static io.gridside.billing.Schedules.schedule;
import static io.gridside.billing.Schedules.version;
import static io.gridside.billing.Schedules.withStanding;
import static io.gridside.billing.TariffRatingTest.at;
import static io.gridside.billing.TariffRatingTest.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.InvalidTariffException;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A new tariff version takes over at its effective time, in the site's local time, interval by interval. */
class TariffChangeTest {

    /** 2,000 c/kWh and KES 10.00 a day until noon on 5 March, then 3,000 c/kWh and KES 20.00 a day. */
    private static final TariffSchedule NOON_CHANGE = schedule(
            withStanding(version(SINCE_JANUARY, null, List.of(open(cents(2_000)))),
                    new StandingCharge(Period.DAILY, 1_000, null)),
            withStanding(version(LocalDateTime.of(2024, 3, 5, 12, 0), null, List.of(open(cents(3_000)))),
                    new StandingCharge(Period.DAILY, 2_000, null)));

    @Test
    void theIntervalsBeforeTheChangeKeepTheOldPriceAndArePostedBeforeTheNewOneRates() {
        // 100 Wh from 11:30 to 11:45 and from 11:45 to 12:00 at 2,000 c/kWh = 200 + 200 cents, accrued; the
        // 12:00-12:15 interval is the new version's, so the 400 cents post first, then 100 Wh at 3,000 = 300
        // cents accrues. Balance: 100,000 - 1,000 (5 March's standing charge) - 400 - 300 = 98,300.
        BillingEngine engine = engine(NOON_CHANGE);
        engine.openAccount("C-1", "M-1", 100_000, local(11, 30));

        read(engine, local(11, 45), reading("M-1", local(11, 45), 100));
        read(engine, local(12, 0), reading("M-1", local(12, 0), 100));
        read(engine, local(12, 15), reading("M-1", local(12, 15), 100));

        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.ENERGY))
                .extracting(LedgerEntry::reference, LedgerEntry::amountMinor, LedgerEntry::at)
                .containsExactly(tuple("usage:2024-03-05T08:30:00Z/2024-03-05T09:00:00Z", -400L, local(12, 15)));
        assertThat(engine.accruedMinor("C-1")).isEqualTo(300);
        assertThat(engine.balance("C-1")).isEqualTo(98_300);
        assertThat(engine.postedBalance("C-1")).isEqualTo(98_600);
    }

    @Test
    void aDaysStandingChargeIsTheVersionInForceAsTheDayBegins() {
        // 5 March began under the old version (KES 10.00); 6 March begins under the new one (KES 20.00).
        BillingEngine engine = engine(NOON_CHANGE);
        engine.openAccount("C-1", "M-1", 100_000, local(11, 30));

        engine.tick(local(11, 45), List.of(), List.of());
        engine.tick(at(LocalDateTime.of(2024, 3, 6, 0, 15)), List.of(), List.of());

        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.STANDING_CHARGE))
                .extracting(LedgerEntry::reference, LedgerEntry::amountMinor)
                .containsExactly(tuple("day:2024-03-05", -1_000L), tuple("day:2024-03-06", -2_000L));
    }

    @Test
    void ratingDependsOnlyOnTheScheduleTheReadingsAndTheOpeningState() {
        // Two raters of the same schedule, each from a fresh opening state, charge the same readings the same,
        // across the change at noon: nothing else (no clock, no order of construction) enters rating.
        Rater first = new Rater(NOON_CHANGE, Fixtures.NAIROBI, d -> false);
        Rater second = new Rater(NOON_CHANGE, Fixtures.NAIROBI, d -> false);
        RatingState firstState = RatingState.openedOn(LocalDate.of(2024, 3, 5));
        RatingState secondState = RatingState.openedOn(LocalDate.of(2024, 3, 5));

        for (int n = 0; n < 8; n++) {
            Instant end = local(11, 15).plus(Reading.INTERVAL.multipliedBy(n));
            Reading reading = reading("M-1", end, 37 * n + 1);
            first.accrueInterval(firstState, reading);
            second.accrueInterval(secondState, reading);
            assertThat(secondState.accruedMinor()).isEqualTo(firstState.accruedMinor());
            if (n % 3 == 2) {
                assertThat(second.postAccrued(secondState)).isEqualTo(first.postAccrued(firstState));
            }
        }
        assertThat(secondState.remainder("energy")).isEqualTo(firstState.remainder("energy"));
    }

    @Test
    void refusesAScheduleInAnotherCurrencyThanTheSites() {
        Tariff shillings = new Tariff("flat-ugx", "UGX", 0, 0, 0);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BillingEngine(shillings, new Rater(NOON_CHANGE, Fixtures.NAIROBI, d -> false),
                        LedgerStore.inMemory()))
                .withMessageContaining("UGX").withMessageContaining("KES");
    }

    @Test
    void refusesAnInvalidScheduleBeforeRatingWithIt() {
        TariffSchedule backwards = schedule(NOON_CHANGE.versions().get(1), NOON_CHANGE.versions().get(0));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Rater(backwards, Fixtures.NAIROBI, d -> false))
                .isInstanceOf(InvalidTariffException.class)
                .withMessageContaining("versions[1].effectiveFrom");
    }
}
