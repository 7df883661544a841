package io.gridside.billing.vee;

import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.EstimateStatus;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Spreads the energy of a gap between two good reads over the gap's quarter hours. The register delta is the
 * exact energy; only its split is estimated, by {@link Spread}'s remainder rule, so the intervals always sum to it.
 *
 * <ul>
 *   <li>A gap of up to {@link #SHORT_GAP} (8 quarter hours) is spread evenly: {@link EstimateMethod#LINEAR}.</li>
 *   <li>A longer gap follows the customer's own profile ({@link CustomerProfile}) scaled to the delta:
 *       {@link EstimateMethod#PROFILE}; when the profile lacks a quarter hour of the gap, or weighs all of them
 *       zero, it is spread evenly and flagged {@link EstimateMethod#LINEAR_NO_PROFILE}.</li>
 * </ul>
 */
public final class GapEstimator {

    /** The longest gap spread as a straight line. */
    public static final Duration SHORT_GAP = Duration.ofHours(2);

    private static final Duration INTERVAL = GapEstimate.INTERVAL;

    private final ZoneId zone;

    public GapEstimator(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The estimate of the gap between {@code opening} and {@code closing}, two good reads of one meter on quarter
     * hours more than one apart, from the meter's actual intervals (any; those before the gap count).
     */
    public GapEstimate estimate(RawRead opening, RawRead closing, List<ActualInterval> actual) {
        int intervals = Math.toIntExact(Duration.between(opening.at(), closing.at()).dividedBy(INTERVAL));
        long delta = closing.registerWh() - opening.registerWh();
        EstimateMethod method = EstimateMethod.LINEAR;
        long[] energies;
        if (INTERVAL.multipliedBy(intervals).compareTo(SHORT_GAP) <= 0) {
            energies = Spread.evenly(delta, intervals);
        } else {
            long[] weights = profileWeights(opening.at(), intervals, actual);
            method = weights == null ? EstimateMethod.LINEAR_NO_PROFILE : EstimateMethod.PROFILE;
            energies = weights == null ? Spread.evenly(delta, intervals) : Spread.byWeights(delta, weights);
        }
        return new GapEstimate(opening.meterId(), opening.at(), opening.registerWh(), closing.registerWh(), method,
                EstimateStatus.ESTIMATED, Arrays.stream(energies).boxed().toList());
    }

    /** The profile's weight of each quarter hour of the gap, or null when the profile cannot spread it. */
    private long[] profileWeights(Instant gapStart, int intervals, List<ActualInterval> actual) {
        CustomerProfile profile = CustomerProfile.before(gapStart, actual, zone);
        long[] weights = new long[intervals];
        long sum = 0;
        for (int i = 0; i < intervals; i++) {
            OptionalLong weight = profile.weight(gapStart.plus(INTERVAL.multipliedBy(i)));
            if (weight.isEmpty()) {
                return null;
            }
            weights[i] = weight.getAsLong();
            sum += weights[i];
        }
        // A customer who never used energy at these hours gives no shape to spread by.
        return sum == 0 ? null : weights;
    }
}
