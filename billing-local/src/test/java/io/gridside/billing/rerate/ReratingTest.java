package io.gridside.billing.rerate;

import static io.gridside.billing.rerate.RerateFixtures.BASE;
import static io.gridside.billing.rerate.RerateFixtures.MARCH_2;
import static io.gridside.billing.rerate.RerateFixtures.MARCH_3;
import static io.gridside.billing.rerate.RerateFixtures.actual;
import static io.gridside.billing.rerate.RerateFixtures.estimated;
import static io.gridside.billing.rerate.RerateFixtures.rater;
import static io.gridside.billing.rerate.RerateFixtures.version;
import static io.gridside.billing.rerate.RerateFixtures.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.billing.RatingState;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.GapEstimate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of rating by customer day and of re-rating into adjustments; the site is in RerateFixtures. */
class ReratingTest {

    private static final LineKey VAT = new LineKey(EntryKind.TAX, "VAT");
    private static final CustomerDay DAY_1 = new CustomerDay("C-7", MARCH_2);
    private static final CustomerDay DAY_2 = new CustomerDay("C-7", MARCH_3);

    /** 2 March 10:00, 10:15 and 10:30 local (UTC+3); 10:15 and 10:30 estimated by VEE, 300 Wh each. */
    private static List<RatedInterval> withEstimates() {
        return List.of(actual("2026-03-02T07:00:00Z", 400), estimated("2026-03-02T07:15:00Z", 300),
                estimated("2026-03-02T07:30:00Z", 300), actual("2026-03-03T06:00:00Z", 1_000));
    }

    /** The meter's own reads of the same gap arrive: 100 Wh and 500 Wh, the same 600 Wh of register rise. */
    private static List<RatedInterval> withActuals() {
        return List.of(actual("2026-03-02T07:00:00Z", 400), actual("2026-03-02T07:15:00Z", 100),
                actual("2026-03-02T07:30:00Z", 500), actual("2026-03-03T06:00:00Z", 1_000));
    }

    /**
     * Units are 1/10,000,000 cent. 2 March: 400 Wh x 250,000 = 100,000,000 -> 10 cents; 300 Wh = 75,000,000 -> 7,
     * 5,000,000 left; 300 Wh in the peak at 500,000 = 150,000,000 + 5,000,000 -> 15, 5,000,000 left: energy 32.
     * VAT at 16 %: 1.6e11 / 1e11 -> 1 (0.6e11 left), 1.2e11 + 0.6e11 -> 1 (0.8e11), 2.4e11 + 0.8e11 -> 3
     * (0.2e11): VAT 5. 3 March: 1,000 Wh = 250,000,000 + 5,000,000 -> 25; VAT 4e11 + 0.2e11 -> 4. Standing 10 a day.
     */
    @Test
    void ratesEachDayAsTheEngineDoesWithEstimatesLikeActuals() {
        DayLines lines = Rerating.rate(window(MARCH_2, MARCH_3), new Rerating.Inputs(rater(), withEstimates()));

        assertThat(lines.of(DAY_1)).containsEntry(LineKey.ENERGY, 32L).containsEntry(VAT, 5L)
                .containsEntry(LineKey.STANDING, 10L).hasSize(3);
        assertThat(lines.of(DAY_2)).containsEntry(LineKey.ENERGY, 25L).containsEntry(VAT, 4L)
                .containsEntry(LineKey.STANDING, 10L).hasSize(3);
        assertThat(lines.totalMinor()).isEqualTo(86);
    }

    /**
     * With the actuals, 2 March: 10 + (25,000,000 -> 2, 5,000,000 left) + (250,000,000 + 5,000,000 -> 25) = 37;
     * VAT 1 + (0.4e11 + 0.6e11 -> 1, nothing left) + (4e11 -> 4) = 6. 3 March is charged as before (25 and 4, the
     * remainders as they were), so only 2 March moves: energy 5 and VAT 1 more, both because estimates were
     * replaced. Exact energy went from 57.5 to 62.5 cents, posted 57 and 62: the adjustments make up 5.
     */
    @Test
    void anActualReplacingAnEstimateAdjustsOnlyTheLinesThatMovedAndSaysWhy() {
        Rerating.Window window = window(MARCH_2, MARCH_3);

        List<Adjustment> adjustments = Rerating.rerate(window, new Rerating.Inputs(rater(), withEstimates()),
                new Rerating.Inputs(rater(), withActuals()));

        assertThat(adjustments).containsExactly(
                new Adjustment(DAY_1, LineKey.ENERGY, Adjustment.Reason.ESTIMATE_REPLACED, 32, 37),
                new Adjustment(DAY_1, VAT, Adjustment.Reason.ESTIMATE_REPLACED, 5, 6));
        assertThat(adjustments).extracting(Adjustment::amountMinor).containsExactly(-5L, -1L);
        assertThat(adjustments.get(0).reference()).isEqualTo("adjustment:2026-03-02 estimate-replaced energy");
        assertThat(adjustments.get(1).reference()).isEqualTo("adjustment:2026-03-02 estimate-replaced tax:VAT");
    }

    /**
     * A version from 3 March at 30 cents/kWh arrives late: 1,000 Wh = 300,000,000 + 5,000,000 -> 30 (was 25). VAT
     * after the actuals of 2 March has nothing left over, so 4.8e11 -> 4, as 4e11 was: it does not move. 2 March is
     * under the old version still and does not move either.
     */
    @Test
    void aLateTariffVersionAdjustsTheDaysItIsInForceOn() {
        var old = new Rerating.Inputs(rater(), withActuals());
        var late = new Rerating.Inputs(rater(version(LocalDateTime.of(2026, 1, 1, 0, 0), BASE),
                version(LocalDateTime.of(2026, 3, 3, 0, 0), 300_000)), withActuals());

        List<Adjustment> adjustments = Rerating.rerate(window(MARCH_2, MARCH_3), old, late);

        assertThat(adjustments).containsExactly(
                new Adjustment(DAY_2, LineKey.ENERGY, Adjustment.Reason.TARIFF_VERSION, 25, 30));
    }

    /**
     * 10:00 and 10:15 swap their 400 and 100 Wh, both off-peak: 100 Wh = 25,000,000 -> 2 (5,000,000 left), 400 Wh
     * + 5,000,000 -> 10 (5,000,000 left), 500 Wh in the peak + 5,000,000 -> 25: 37 as before, and VAT 0 + 2 + 4 = 6
     * as before, with the same remainders left, so 3 March does not move either.
     */
    @Test
    void aSpreadChangedWithinADayAtTheSamePriceMovesNothing() {
        List<RatedInterval> swapped = List.of(actual("2026-03-02T07:00:00Z", 100), actual("2026-03-02T07:15:00Z", 400),
                actual("2026-03-02T07:30:00Z", 500), actual("2026-03-03T06:00:00Z", 1_000));

        assertThat(Rerating.rerate(window(MARCH_2, MARCH_3), new Rerating.Inputs(rater(), withActuals()),
                new Rerating.Inputs(rater(), swapped))).isEmpty();
    }

    /**
     * Was: 2 March 400 Wh = 100,000,000 -> 10 (nothing left); 3 March 07:00 local 10 Wh = 2,500,000 -> 0. Now 2 March
     * has 399 Wh = 99,750,000 -> 9, 9,750,000 left, which 3 March's unchanged 10 Wh carries over a cent:
     * 12,250,000 -> 1. VAT stays 1 and 0 (1.596e11 -> 1; 0.04e11 + 0.596e11 -> 0).
     */
    @Test
    void aDayWhoseOwnInputsAreUnchangedButMovesSaysItWasCarriedForward() {
        List<RatedInterval> was = List.of(actual("2026-03-02T07:00:00Z", 400), actual("2026-03-03T04:00:00Z", 10));
        List<RatedInterval> now = List.of(actual("2026-03-02T07:00:00Z", 399), actual("2026-03-03T04:00:00Z", 10));

        List<Adjustment> adjustments = Rerating.rerate(window(MARCH_2, MARCH_3), new Rerating.Inputs(rater(), was),
                new Rerating.Inputs(rater(), now));

        assertThat(adjustments).containsExactly(
                new Adjustment(DAY_1, LineKey.ENERGY, Adjustment.Reason.READINGS_CHANGED, 10, 9),
                new Adjustment(DAY_2, LineKey.ENERGY, Adjustment.Reason.CARRIED_FORWARD, 0, 1));
    }

    @Test
    void ratingLeavesTheOpeningStateAsItWasSoTheSameInputsRateAlike() {
        RatingState opening = RatingState.openedOn(MARCH_2);
        Rerating.Window window = new Rerating.Window("C-7", MARCH_2, MARCH_3, opening);
        Rerating.Inputs inputs = new Rerating.Inputs(rater(), withEstimates());

        DayLines first = Rerating.rate(window, inputs);

        assertThat(opening.remainder("energy")).isZero();
        assertThat(Rerating.rate(window, inputs)).isEqualTo(first);
    }

    @Test
    void aLedgerWithTheAdjustmentsPostedChargesWhatTheNewRatingDoes() {
        Rerating.Window window = window(MARCH_2, MARCH_3);
        var was = new Rerating.Inputs(rater(), withEstimates());
        var now = new Rerating.Inputs(rater(), withActuals());
        List<LedgerEntry> ledger = Ledgers.posted(Rerating.rate(window, was), Rerating.rerate(window, was, now));

        assertThat(DayLines.ofLedger(ledger, RerateFixtures.NAIROBI)).isEqualTo(Rerating.rate(window, now));
    }

    /**
     * The gateway charged 2 March's 10:15 interval as 300 Wh (7 cents) where the meter's own read says 100 Wh (2),
     * and the 10:30 one 15 against 25. Charges post per customer-day, so the day's energy is one posting whose
     * reference spans the intervals it accrued, 10:00 to 10:45 local: 10 + 7 + 15 = 32 against 10 + 2 + 25 = 37.
     * The energy line's detail names that posting alone.
     */
    @Test
    void aDifferenceIsExplainedByTheIntervalsChargedOtherwise() {
        Rerating.Window window = window(MARCH_2, MARCH_3);
        var was = new Rerating.Inputs(rater(), withEstimates());
        var now = new Rerating.Inputs(rater(), withActuals());
        List<LedgerEntry> gateway = new java.util.ArrayList<>();
        long seq = 1;
        for (var charge : Rerating.charges(window, was).get(DAY_1)) {
            gateway.add(new LedgerEntry(seq++, Instant.parse("2026-03-02T08:00:00Z"), "C-7", charge.kind(),
                    -charge.amountMinor(), 0, charge.reference()));
        }
        LineDifference energy = LineDifference.between(DayLines.ofLedger(gateway, RerateFixtures.NAIROBI),
                Rerating.rate(window, now), List.of(DAY_1)).get(0);

        List<ChargeDetail> details = ChargeDetail.explaining(energy, gateway, Rerating.charges(window, now).get(DAY_1));

        assertThat(energy.line()).isEqualTo(LineKey.ENERGY);
        assertThat(details).containsExactly(
                new ChargeDetail("usage:2026-03-02T07:00:00Z/2026-03-02T07:45:00Z", 32, 37));
    }

    @Test
    void aGapEstimateBecomesIntervalsFlaggedWithItsMethodWhoseRegistersRiseToTheClosingRead() {
        GapEstimate gap = new GapEstimate("M-7", Instant.parse("2026-03-02T07:15:00Z"), 5_000, 5_600,
                EstimateMethod.PROFILE, EstimateStatus.ESTIMATED, List.of(100L, 500L));

        List<RatedInterval> intervals = RatedInterval.of(gap);

        assertThat(intervals).extracting(RatedInterval::estimate).containsOnly(EstimateMethod.PROFILE);
        assertThat(intervals).extracting(i -> i.reading().registerWh()).containsExactly(5_100L, 5_600L);
        assertThat(intervals.get(1).reading().intervalStart()).isEqualTo(Instant.parse("2026-03-02T07:30:00Z"));
    }

    @Test
    void anIntervalOutsideTheWindowIsRefusedNamingItsDay() {
        var inputs = new Rerating.Inputs(rater(), withEstimates());

        assertThatThrownBy(() -> Rerating.rate(window(MARCH_2, MARCH_2), inputs))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("falls on 2026-03-03");
    }
}
