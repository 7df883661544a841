package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.ofKind;
import static io.gridside.billing.Fixtures.quarters;
import static io.gridside.billing.Fixtures.reading;
import static io.gridside.billing.Fixtures.topUp;
import static io.gridside.billing.Schedules.SINCE_JANUARY;
import static io.gridside.billing.Schedules.band;
import static io.gridside.billing.Schedules.engine;
import static io.gridside.billing.Schedules.lifeline;
import static io.gridside.billing.Schedules.open;
import static io.gridside.billing.Schedules.schedule;
import static io.gridside.billing.Schedules.version;
import static io.gridside.billing.Schedules.withLines;
import static io.gridside.billing.Schedules.withTou;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.TopUp;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Under a lifeline block, a time-of-use peak, a percentage tax and a per-kWh levy, the balance always falls by
 * exactly each line's total so far rounded down, and each line's postings, made at top-ups and at local midnight,
 * always sum to its exact total rounded down at the moment they are made: rounding never leaks, however long the
 * account runs and however often it posts. The exact totals are computed here independently of the rater, in the
 * same fixed-point units.
 */
class PostingSumPropertyTest {

    private static final long CHARGE_UNITS_PER_CENT = 10_000_000L;
    private static final long PERCENT_UNITS_PER_CENT = CHARGE_UNITS_PER_CENT * 10_000;
    /** More than 150 readings of 3 kWh at the highest prices and tax can cost. */
    private static final long OPENING = 100_000_000L;

    @Property(tries = 200)
    void eachLinesPostingsSumToItsExactTotalRoundedDown(
            @ForAll @LongRange(min = 1, max = 5_000) long lifelineWh,
            @ForAll @LongRange(min = 0, max = 100_000_000) long lifelinePrice,
            @ForAll @LongRange(min = 0, max = 100_000_000) long price,
            @ForAll @LongRange(min = 0, max = 50_000_000) long peakPrice,
            @ForAll @LongRange(min = 0, max = 3_000) long vatBasisPoints,
            @ForAll @LongRange(min = 0, max = 1_000_000) long levyPrice,
            @ForAll @IntRange(min = 1, max = 40) int topUpEvery,
            @ForAll @Size(max = 150) List<@LongRange(min = 0, max = 3_000) Long> energies) {
        BillingEngine engine = engine(schedule(withLines(withTou(
                version(SINCE_JANUARY, Period.MONTHLY, List.of(lifeline(lifelineWh, lifelinePrice), open(price))),
                List.of(band(DayType.WEEKDAY, "00:00", "18:00", 0), band(DayType.WEEKDAY, "18:00", "22:00", peakPrice),
                        band(DayType.WEEKDAY, "22:00", "24:00", 0), band(DayType.SATURDAY, "00:00", "24:00", 0),
                        band(DayType.SUNDAY_OR_HOLIDAY, "00:00", "24:00", 0))),
                new ChargeLine("VAT", ChargeLine.Kind.TAX, vatBasisPoints, null),
                new ChargeLine("REA", ChargeLine.Kind.LEVY, null, levyPrice))));
        // Enough credit never to disconnect, so only top-ups and midnights post.
        engine.openAccount("C-1", "M-1", OPENING, NOON);
        long usedWh = 0;
        long[] exact = new long[3];
        long paid = OPENING;

        for (int n = 0; n < energies.size(); n++) {
            Instant end = quarters(NOON, n + 1);
            // A top-up posts what accrued before it: the lines' exact totals of the intervals before this one.
            List<TopUp> topUps = n % topUpEvery == topUpEvery - 1
                    ? List.of(topUp("MP-" + n, "C-1", 1, end.minusSeconds(60))) : List.of();
            paid += topUps.size();
            long wh = energies.get(n);
            long inLifeline = Math.max(0, Math.min(wh, lifelineWh - usedWh));
            LocalTime start = end.minus(Reading.INTERVAL).atZone(NAIROBI).toLocalTime();
            boolean peak = !start.isBefore(LocalTime.of(18, 0)) && start.isBefore(LocalTime.of(22, 0));
            long energy = inLifeline * lifelinePrice + (wh - inLifeline) * (price + (peak ? peakPrice : 0));
            long[] before = exact.clone();
            usedWh += wh;
            exact[0] += energy;
            exact[1] += energy * vatBasisPoints;
            exact[2] += wh * levyPrice;

            Tick tick = engine.tick(end, topUps, List.of(reading("M-1", end, wh)));

            assertThat(engine.balance("C-1")).isEqualTo(paid - roundedDown(exact));
            boolean midnight = end.atZone(NAIROBI).toLocalTime().equals(LocalTime.MIDNIGHT);
            if (midnight) {
                assertPostedSums(engine, exact);
            } else if (!topUps.isEmpty()) {
                assertPostedSums(engine, before);
            }
            assertThat(tick.decisions()).isEmpty();
        }
        engine.tick(quarters(NOON, 3 * 96), List.of(), List.of());
        assertPostedSums(engine, exact);
        assertThat(engine.balance("C-1")).isEqualTo(paid - roundedDown(exact))
                .isEqualTo(engine.postedBalance("C-1"));
    }

    private static long roundedDown(long[] exact) {
        return exact[0] / CHARGE_UNITS_PER_CENT + exact[1] / PERCENT_UNITS_PER_CENT + exact[2] / CHARGE_UNITS_PER_CENT;
    }

    private static void assertPostedSums(BillingEngine engine, long[] exact) {
        assertThat(charged(engine, EntryKind.ENERGY)).isEqualTo(exact[0] / CHARGE_UNITS_PER_CENT);
        assertThat(charged(engine, EntryKind.TAX)).isEqualTo(exact[1] / PERCENT_UNITS_PER_CENT);
        assertThat(charged(engine, EntryKind.LEVY)).isEqualTo(exact[2] / CHARGE_UNITS_PER_CENT);
    }

    private static long charged(BillingEngine engine, EntryKind kind) {
        return -ofKind(engine.ledgerAfter(0), kind).stream().mapToLong(LedgerEntry::amountMinor).sum();
    }
}
