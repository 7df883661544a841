package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.rerate.Adjustment;
import io.gridside.billing.rerate.GapFill;
import io.gridside.billing.vee.Spread;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Filling a gap with any actuals that sum to its rise adjusts by exactly what moved under the time-of-use tariff
 * of {@link GapBillingTest}, and filling it again with the same actuals posts nothing more.
 */
class GapFillPropertyTest {

    private static final Rater RATER = new Rater(GapBillingTest.touSchedule(), NAIROBI, day -> false);

    @Property(tries = 60)
    void fillingTwiceAdjustsOnceAndByExactlyWhatMoved(
            @ForAll @Size(12) List<@LongRange(min = 0, max = 1_000) Long> weights,
            @ForAll @IntRange(min = 0, max = 11) int heavy) {
        long[] shape = weights.stream().mapToLong(Long::longValue).toArray();
        shape[heavy] += 1;
        List<Long> actuals = Arrays.stream(Spread.byWeights(GapBillingTest.GAP_RISE_WH, shape)).boxed().toList();

        List<Adjustment> first = GapFill.adjustments(RATER, GapBillingTest.account(Map.of()),
                GapBillingTest.GAP_START, actuals);
        List<Adjustment> second = GapFill.adjustments(RATER,
                GapBillingTest.account(Map.of(GapBillingTest.GAP_START, actuals)), GapBillingTest.GAP_START, actuals);

        // The estimate charged 39 cents for the gap; 10 c/kWh off peak and 40 on peak, the actuals charge
        // (off-peak Wh x 10 + peak Wh x 40) / 1000, rounded down with Tuesday's other 66 cents, which are whole.
        long offPeakWh = actuals.subList(0, 6).stream().mapToLong(Long::longValue).sum();
        long peakWh = actuals.subList(6, 12).stream().mapToLong(Long::longValue).sum();
        long actualMinor = (offPeakWh * 10 + peakWh * 40) / 1_000;
        assertThat(first.stream().mapToLong(Adjustment::amountMinor).sum()).isEqualTo(39 - actualMinor);
        assertThat(first).allSatisfy(a -> assertThat(a.reason()).isEqualTo(Adjustment.Reason.ESTIMATE_REPLACED));
        assertThat(second).isEmpty();
    }
}
