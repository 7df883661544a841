package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.ofKind;
import static io.gridside.billing.Fixtures.quarters;
import static io.gridside.billing.Fixtures.reading;
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
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Under a lifeline block, a time-of-use peak, a percentage tax and a per-kWh levy, each line's postings always
 * sum to its exact total rounded down, over any readings: rounding never leaks, however long the account runs.
 * The exact totals are computed here independently of the rater, in the same fixed-point units.
 */
class PostingSumPropertyTest {

    private static final long CHARGE_UNITS_PER_CENT = 10_000_000L;
    private static final long PERCENT_UNITS_PER_CENT = CHARGE_UNITS_PER_CENT * 10_000;

    @Property(tries = 200)
    void eachLinesPostingsSumToItsExactTotalRoundedDown(
            @ForAll @LongRange(min = 1, max = 5_000) long lifelineWh,
            @ForAll @LongRange(min = 0, max = 100_000_000) long lifelinePrice,
            @ForAll @LongRange(min = 0, max = 100_000_000) long price,
            @ForAll @LongRange(min = 0, max = 50_000_000) long peakPrice,
            @ForAll @LongRange(min = 0, max = 3_000) long vatBasisPoints,
            @ForAll @LongRange(min = 0, max = 1_000_000) long levyPrice,
            @ForAll @Size(max = 150) List<@LongRange(min = 0, max = 3_000) Long> energies) {
        BillingEngine engine = engine(schedule(withLines(withTou(
                version(SINCE_JANUARY, Period.MONTHLY, List.of(lifeline(lifelineWh, lifelinePrice), open(price))),
                List.of(band(DayType.WEEKDAY, "00:00", "18:00", 0), band(DayType.WEEKDAY, "18:00", "22:00", peakPrice),
                        band(DayType.WEEKDAY, "22:00", "24:00", 0), band(DayType.SATURDAY, "00:00", "24:00", 0),
                        band(DayType.SUNDAY_OR_HOLIDAY, "00:00", "24:00", 0))),
                new ChargeLine("VAT", ChargeLine.Kind.TAX, vatBasisPoints, null),
                new ChargeLine("REA", ChargeLine.Kind.LEVY, null, levyPrice))));
        engine.openAccount("C-1", "M-1", 0, NOON);
        long usedWh = 0;
        long exactEnergy = 0;
        long exactVat = 0;
        long exactLevy = 0;

        for (int n = 0; n < energies.size(); n++) {
            Instant end = quarters(NOON, n + 1);
            long wh = energies.get(n);
            long inLifeline = Math.max(0, Math.min(wh, lifelineWh - usedWh));
            LocalTime start = end.minus(Reading.INTERVAL).atZone(NAIROBI).toLocalTime();
            boolean peak = !start.isBefore(LocalTime.of(18, 0)) && start.isBefore(LocalTime.of(22, 0));
            long energy = inLifeline * lifelinePrice + (wh - inLifeline) * (price + (peak ? peakPrice : 0));
            usedWh += wh;
            exactEnergy += energy;
            exactVat += energy * vatBasisPoints;
            exactLevy += wh * levyPrice;

            engine.tick(end, List.of(), List.of(reading("M-1", end, wh)));

            assertThat(charged(engine, EntryKind.ENERGY)).isEqualTo(exactEnergy / CHARGE_UNITS_PER_CENT);
            assertThat(charged(engine, EntryKind.TAX)).isEqualTo(exactVat / PERCENT_UNITS_PER_CENT);
            assertThat(charged(engine, EntryKind.LEVY)).isEqualTo(exactLevy / CHARGE_UNITS_PER_CENT);
        }
        assertThat(engine.balance("C-1")).isEqualTo(-charged(engine, EntryKind.ENERGY)
                - charged(engine, EntryKind.TAX) - charged(engine, EntryKind.LEVY));
    }

    private static long charged(BillingEngine engine, EntryKind kind) {
        return -ofKind(engine.ledgerAfter(0), kind).stream().mapToLong(LedgerEntry::amountMinor).sum();
    }
}
