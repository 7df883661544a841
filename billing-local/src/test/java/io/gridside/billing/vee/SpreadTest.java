package io.gridside.billing.vee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The split of a gap's energy: whole watt-hours that always sum to the delta, each near its exact share. */
class SpreadTest {

    @Property(tries = 300)
    void sumsExactlyToTheTotalWithNoIntervalNegative(@ForAll @LongRange(min = 0, max = 50_000_000) long totalWh,
            @ForAll @Size(min = 1, max = 3_000) List<@LongRange(min = 0, max = 4_000_000) Long> weights) {
        long[] w = weights.stream().mapToLong(Long::longValue).toArray();
        Assume.that(Arrays.stream(w).sum() > 0);

        long[] shares = Spread.byWeights(totalWh, w);

        assertThat(Arrays.stream(shares).sum()).isEqualTo(totalWh);
        assertThat(Arrays.stream(shares).min().orElseThrow()).isNotNegative();
    }

    @Property(tries = 300)
    void givesEachIntervalItsExactShareRoundedUpOrDown(@ForAll @LongRange(min = 0, max = 1_000_000) long totalWh,
            @ForAll @Size(min = 1, max = 500) List<@LongRange(min = 0, max = 100_000) Long> weights) {
        long[] w = weights.stream().mapToLong(Long::longValue).toArray();
        long sum = Arrays.stream(w).sum();
        Assume.that(sum > 0);

        long[] shares = Spread.byWeights(totalWh, w);

        for (int i = 0; i < w.length; i++) {
            // |share - totalWh * w / sum| < 1, in integers: |share * sum - totalWh * w| < sum.
            assertThat(Math.abs(shares[i] * sum - totalWh * w[i])).isLessThan(sum);
        }
    }

    @Property(tries = 200)
    void spreadsEvenlyWithSharesThatDifferByAtMostOne(@ForAll @LongRange(min = 0, max = 10_000_000) long totalWh,
            @ForAll @IntRange(min = 1, max = 3_000) int intervals) {
        long[] shares = Spread.evenly(totalWh, intervals);

        assertThat(Arrays.stream(shares).sum()).isEqualTo(totalWh);
        assertThat(Arrays.stream(shares).max().orElseThrow() - Arrays.stream(shares).min().orElseThrow())
                .isLessThanOrEqualTo(1);
    }

    @Test
    void roundsEachEstimatedRegisterDownSoTheLastIntervalTakesTheRemainder() {
        // Registers at the ends: 10/3 = 3.33 -> 3, 20/3 = 6.67 -> 6, 10: shares 3, 3, 4.
        assertThat(Spread.evenly(10, 3)).containsExactly(3, 3, 4);
        // Weights 1:2:1 of 7 Wh: registers 1.75 -> 1, 5.25 -> 5, 7: shares 1, 4, 2.
        assertThat(Spread.byWeights(7, new long[] {1, 2, 1})).containsExactly(1, 4, 2);
    }

    @Test
    void staysExactWhereTheProductOfTotalAndWeightsOverflowsALong() {
        long[] shares = Spread.byWeights(Long.MAX_VALUE / 4, new long[] {Long.MAX_VALUE / 8, Long.MAX_VALUE / 8});

        assertThat(shares[0] + shares[1]).isEqualTo(Long.MAX_VALUE / 4);
        assertThat(Math.abs(shares[0] - shares[1])).isLessThanOrEqualTo(1);
    }
}
