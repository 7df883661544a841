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
 * Either way, a quarter hour the meter was without supply all through ({@link PowerOff}) weighs zero: the meter
 * registered nothing then. Should that leave no quarter hour to carry a rise, the times without supply are set aside.
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
        return estimate(opening, closing, actual, List.of());
    }

    /** As {@link #estimate(RawRead, RawRead, List)}, with the meter's times without supply. */
    public GapEstimate estimate(RawRead opening, RawRead closing, List<ActualInterval> actual,
            List<PowerOff> powerOffs) {
        int intervals = Math.toIntExact(Duration.between(opening.at(), closing.at()).dividedBy(INTERVAL));
        long delta = closing.registerWh() - opening.registerWh();
        EstimateMethod method = EstimateMethod.LINEAR;
        long[] weights = null;
        if (INTERVAL.multipliedBy(intervals).compareTo(SHORT_GAP) > 0) {
            weights = profileWeights(opening.at(), intervals, actual);
            method = weights == null ? EstimateMethod.LINEAR_NO_PROFILE : EstimateMethod.PROFILE;
        }
        if (weights == null) {
            weights = new long[intervals];
            Arrays.fill(weights, 1);
        }
        long[] energies = Spread.byWeights(delta, withoutPowerOffs(weights, opening.at(), powerOffs));
        return new GapEstimate(opening.meterId(), opening.at(), opening.registerWh(), closing.registerWh(), method,
                EstimateStatus.ESTIMATED, Arrays.stream(energies).boxed().toList());
    }

    /**
     * {@code weights} with each quarter hour a power-off covers at zero, unless that would leave none; when the
     * quarter hours with supply all weigh nothing (a profile with nothing at those hours), they share the rise evenly,
     * since the register rose while only they had supply.
     */
    private static long[] withoutPowerOffs(long[] weights, Instant gapStart, List<PowerOff> powerOffs) {
        long[] powered = weights.clone();
        boolean[] off = new boolean[weights.length];
        boolean anyPowered = false;
        long sum = 0;
        for (int i = 0; i < powered.length; i++) {
            Instant start = gapStart.plus(INTERVAL.multipliedBy(i));
            Instant end = start.plus(INTERVAL);
            off[i] = powerOffs.stream().anyMatch(powerOff -> powerOff.covers(start, end));
            if (off[i]) {
                powered[i] = 0;
            } else {
                anyPowered = true;
                sum += powered[i];
            }
        }
        if (!anyPowered) {
            return weights;
        }
        if (sum == 0) {
            for (int i = 0; i < powered.length; i++) {
                powered[i] = off[i] ? 0 : 1;
            }
        }
        return powered;
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
