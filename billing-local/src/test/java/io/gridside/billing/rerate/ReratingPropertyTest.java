package io.gridside.billing.rerate;

import static io.gridside.billing.rerate.RerateFixtures.MARCH_2;
import static io.gridside.billing.rerate.RerateFixtures.NAIROBI;
import static io.gridside.billing.rerate.RerateFixtures.STANDING_MINOR;
import static io.gridside.billing.rerate.RerateFixtures.VAT_BASIS_POINTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.Rater;
import io.gridside.site.Reading;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.Prices;
import io.gridside.site.vee.EstimateMethod;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Over any readings and estimates of three days, re-rating is exact and idempotent: the adjustments sum to the
 * difference of what the two ratings post, each of which is its exact total rounded down (computed here apart from
 * the rater), and a ledger with the adjustments posted re-rates to nothing.
 */
class ReratingPropertyTest {

    private static final int DAYS = 3;
    private static final Instant START = MARCH_2.atStartOfDay(NAIROBI).toInstant();

    @Property(tries = 300)
    void adjustmentsSumExactlyToTheDifferenceOfTheExactTotals(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = DAYS * 96 - 1) Integer> quarters,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 3_000) Integer> wasWh,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 3_000) Integer> nowWh) {
        Rerating.Window window = RerateFixtures.window(MARCH_2, MARCH_2.plusDays(DAYS - 1));
        Rater flat = flatRater();
        List<RatedInterval> was = intervals(quarters, wasWh, true);
        List<RatedInterval> now = intervals(quarters, nowWh, false);

        List<Adjustment> adjustments = Rerating.rerate(window, new Rerating.Inputs(flat, was),
                new Rerating.Inputs(flat, now));

        long sum = adjustments.stream().mapToLong(Adjustment::amountMinor).sum();
        assertThat(sum).isEqualTo(postedExactly(was) - postedExactly(now));
    }

    @Property(tries = 300)
    void reratingALedgerWithItsAdjustmentsPostedChangesNothing(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = DAYS * 96 - 1) Integer> quarters,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 3_000) Integer> wasWh,
            @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 3_000) Integer> nowWh) {
        Rerating.Window window = RerateFixtures.window(MARCH_2, MARCH_2.plusDays(DAYS - 1));
        var was = new Rerating.Inputs(RerateFixtures.rater(), intervals(quarters, wasWh, true));
        var now = new Rerating.Inputs(RerateFixtures.rater(), intervals(quarters, nowWh, false));

        List<Adjustment> first = Rerating.rerate(window, was, now);
        DayLines corrected = DayLines.ofLedger(Ledgers.posted(Rerating.rate(window, was), first), NAIROBI);

        assertThat(corrected).isEqualTo(Rerating.rate(window, now));
        assertThat(Rerating.rerate(window, now, now)).isEmpty();
    }

    /**
     * What a flat 25 cents/kWh with VAT 16 % and 10 cents a day posts over the window, from exact totals: energy
     * exact = sum(Wh x 250,000) units, posted = exact / 10^7 rounded down; VAT exact = energy exact x 1,600, posted =
     * that / 10^11 rounded down; standing 10 a day.
     */
    private static long postedExactly(List<RatedInterval> intervals) {
        long energyUnits = 0;
        for (RatedInterval interval : intervals) {
            energyUnits += interval.reading().energyWh() * RerateFixtures.BASE;
        }
        long energy = energyUnits / Prices.CHARGE_UNITS_PER_MINOR;
        long vat = energyUnits * VAT_BASIS_POINTS / (Prices.CHARGE_UNITS_PER_MINOR * Prices.BASIS_POINTS);
        return energy + vat + DAYS * STANDING_MINOR;
    }

    /** The fixtures' tariff without its peak band, so that exact totals need no time of day. */
    private static Rater flatRater() {
        var v = RerateFixtures.version(LocalDateTime.of(2026, 1, 1, 0, 0), RerateFixtures.BASE);
        var flat = new TariffVersion(v.effectiveFrom(), v.currency(), v.blocks(),
                v.blockReset(), List.of(), v.standing(), null, v.charges(), null);
        return RerateFixtures.rater(flat);
    }

    /** One interval per distinct quarter of the window; the old side has every other interval estimated. */
    private static List<RatedInterval> intervals(List<Integer> quarters, List<Integer> energies, boolean estimates) {
        Map<Integer, Integer> byQuarter = new LinkedHashMap<>();
        for (int i = 0; i < quarters.size(); i++) {
            byQuarter.putIfAbsent(quarters.get(i), energies.get(i));
        }
        List<RatedInterval> intervals = new ArrayList<>();
        byQuarter.forEach((quarter, energy) -> {
            Reading reading = new Reading("M-7", START.plus(Reading.INTERVAL.multipliedBy(quarter)), energy, 100_000);
            boolean estimated = estimates && quarter % 2 == 0;
            intervals.add(new RatedInterval(reading, estimated ? EstimateMethod.LINEAR : null));
        });
        return intervals;
    }
}
