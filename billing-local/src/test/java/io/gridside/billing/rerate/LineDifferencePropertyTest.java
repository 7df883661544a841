package io.gridside.billing.rerate;

import static io.gridside.billing.rerate.RerateFixtures.MARCH_2;
import static io.gridside.billing.rerate.RerateFixtures.NAIROBI;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.Charge;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerDays;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * A ledger posted from a rating, with one charge posted wrongly, differs from the rating in exactly that charge's
 * day and line, by exactly the amount, explained by exactly that charge's reference; posting the correction makes
 * it agree again.
 */
class LineDifferencePropertyTest {

    private static final int DAYS = 3;
    private static final Instant START = MARCH_2.atStartOfDay(NAIROBI).toInstant();

    @Property(tries = 200)
    void oneChargePostedWronglyIsFoundAloneAndItsCorrectionClearsIt(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = DAYS * 96 - 1) Integer> quarters,
            @ForAll @Size(min = 30, max = 30) List<@IntRange(min = 0, max = 4_000) Integer> energies,
            @ForAll @IntRange(min = 0, max = 10_000) int pick,
            @ForAll @LongRange(min = -500, max = 500) long error) {
        Rerating.Window window = RerateFixtures.window(MARCH_2, MARCH_2.plusDays(DAYS - 1));
        SortedMap<CustomerDay, List<Charge>> rated = Rerating.charges(window,
                new Rerating.Inputs(RerateFixtures.rater(), intervals(quarters, energies)));
        List<Charge> all = rated.values().stream().flatMap(List::stream).toList();
        Charge wrong = all.get(pick % all.size());
        long amiss = error == 0 ? 1 : error;
        List<LedgerEntry> ledger = posted(rated, wrong, amiss);
        List<CustomerDay> days = List.copyOf(rated.keySet());

        List<LineDifference> differences = LineDifference.between(DayLines.ofLedger(ledger, NAIROBI),
                DayLines.ofCharges(rated), days);

        CustomerDay wrongDay = dayOf(rated, wrong);
        assertThat(differences).singleElement().satisfies(d -> {
            assertThat(d.customerDay()).isEqualTo(wrongDay);
            assertThat(d.line()).isEqualTo(LineKey.of(wrong));
            assertThat(d.overchargedMinor()).isEqualTo(amiss);
            assertThat(ChargeDetail.explaining(d, LedgerDays.split(ledger, NAIROBI).get(wrongDay),
                    rated.get(wrongDay))).singleElement()
                    .satisfies(detail -> assertThat(detail.reference()).isEqualTo(wrong.reference()));
        });
        List<LedgerEntry> corrected = new ArrayList<>(ledger);
        Adjustment correction = differences.get(0).correction();
        corrected.add(new LedgerEntry(corrected.size() + 1, Instant.parse("2026-04-01T00:00:00Z"), "C-7",
                EntryKind.ADJUSTMENT, correction.amountMinor(), 0, correction.reference()));
        assertThat(LineDifference.between(DayLines.ofLedger(corrected, NAIROBI), DayLines.ofCharges(rated), days))
                .isEmpty();
    }

    /** Each charge as an entry dated in its day (noon UTC), {@code wrong} charged {@code amiss} more. */
    private static List<LedgerEntry> posted(SortedMap<CustomerDay, List<Charge>> rated, Charge wrong, long amiss) {
        List<LedgerEntry> ledger = new ArrayList<>();
        rated.forEach((day, charges) -> {
            Instant at = day.day().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
            for (Charge charge : charges) {
                long amount = charge.amountMinor() + (charge == wrong ? amiss : 0);
                ledger.add(new LedgerEntry(ledger.size() + 1, at, "C-7", charge.kind(), -amount, 0,
                        charge.reference()));
            }
        });
        return ledger;
    }

    private static CustomerDay dayOf(SortedMap<CustomerDay, List<Charge>> rated, Charge charge) {
        return rated.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(c -> c == charge))
                .findFirst().orElseThrow().getKey();
    }

    private static List<RatedInterval> intervals(List<Integer> quarters, List<Integer> energies) {
        List<RatedInterval> intervals = new ArrayList<>();
        quarters.stream().distinct().forEach(quarter -> intervals.add(RatedInterval.actual(new Reading("M-7",
                START.plus(Reading.INTERVAL.multipliedBy(quarter)), energies.get(quarters.indexOf(quarter)),
                100_000))));
        return intervals;
    }
}
