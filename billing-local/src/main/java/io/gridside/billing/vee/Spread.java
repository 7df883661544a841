package io.gridside.billing.vee;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Splits a whole number of watt-hours over intervals in proportion to weights, exactly.
 *
 * <p>The remainder rule: the estimated register at the end of each interval is the exact proportional register
 * rounded down to the whole Wh, and each interval's energy is the difference of two such registers. So every
 * interval gets its proportional share rounded up or down, the last interval ends on the closing read, and the
 * intervals sum to the total: no watt-hour is lost or made up.
 */
public final class Spread {

    private Spread() {
    }

    /** {@code totalWh} split evenly over {@code intervals}; the earlier intervals get the smaller shares. */
    public static long[] evenly(long totalWh, int intervals) {
        long[] weights = new long[intervals];
        Arrays.fill(weights, 1);
        return byWeights(totalWh, weights);
    }

    /**
     * {@code totalWh} split in proportion to {@code weights}.
     *
     * @throws IllegalArgumentException when the total or a weight is negative, or the weights sum to zero
     */
    public static long[] byWeights(long totalWh, long[] weights) {
        if (totalWh < 0) {
            throw new IllegalArgumentException("totalWh must not be negative, was " + totalWh);
        }
        long weightSum = 0;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must not be negative, one was " + weight);
            }
            weightSum = Math.addExact(weightSum, weight);
        }
        if (weightSum == 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        long[] shares = new long[weights.length];
        long cumulativeWeight = 0;
        long previousRegister = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulativeWeight += weights[i];
            long register = proportion(totalWh, cumulativeWeight, weightSum);
            shares[i] = register - previousRegister;
            previousRegister = register;
        }
        return shares;
    }

    /** {@code total * part / whole} rounded down, in long arithmetic unless the product would overflow it. */
    private static long proportion(long total, long part, long whole) {
        long high = Math.multiplyHigh(total, part);
        long low = total * part;
        if (high == 0 && low >= 0) {
            return low / whole;
        }
        return BigInteger.valueOf(total).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole))
                .longValueExact();
    }
}
