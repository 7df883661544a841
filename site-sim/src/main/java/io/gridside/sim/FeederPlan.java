package io.gridside.sim;

import io.gridside.sim.rf.VillageMap;
import io.gridside.sim.scenario.Feeders;
import io.gridside.site.CustomerCategory;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How the site's low-voltage network is wired on the ground: which feeder out of the powerhouse supplies each meter,
 * and how far along it the meter hangs. The voltage model ({@link Distribution}) and the scenarios ({@link Feeders})
 * both read it, so a scenario that cuts feeder F2 cuts exactly the meters whose voltage F2 carries.
 *
 * <p>Feeders radiate from the powerhouse, which stands beside the gateway at the village's origin, and follow the
 * roads out. So homes and shops are split by their bearing from the powerhouse into sectors of about equal numbers
 * of meters, one feeder per 40 meters (one to six), starting at the widest empty bearing so that no sector straddles
 * a cluster. Mills, out at the roads' ends, hang on a feeder of their own, the last. A meter's electrical distance is
 * its conductor length, a fifth longer than the straight line as the lines follow the roads, over that of its
 * feeder's furthest meter.
 */
public final class FeederPlan {

    static final int METERS_PER_FEEDER = 40;
    static final int MOST_SHARED_FEEDERS = 6;
    /** The nearest a meter hangs to the powerhouse, as a share of its feeder's length: its service drop. */
    private static final double NEAREST = 0.05;
    private static final double ROUTE_FACTOR = 1.2;

    private final int[] feederOf;
    private final double[] distance;
    private final int feeders;

    private FeederPlan(int[] feederOf, double[] distance, int feeders) {
        this.feederOf = feederOf;
        this.distance = distance;
        this.feeders = feeders;
    }

    /** Wires the village's meters, each of the category at its index. */
    public static FeederPlan lay(VillageMap village, List<CustomerCategory> categories) {
        int count = categories.size();
        int shared = (int) Math.max(1, Math.min(MOST_SHARED_FEEDERS, Math.round(count / (double) METERS_PER_FEEDER)));
        boolean mills = categories.contains(CustomerCategory.MILL);
        int[] feederOf = new int[count];
        int[] homes = IntStream.range(0, count).filter(i -> categories.get(i) != CustomerCategory.MILL).toArray();
        int[] byBearing = bySector(village, homes);
        for (int k = 0; k < byBearing.length; k++) {
            feederOf[byBearing[k]] = (int) ((long) k * shared / byBearing.length);
        }
        for (int i = 0; i < count; i++) {
            if (categories.get(i) == CustomerCategory.MILL) {
                feederOf[i] = shared;
            }
        }
        int feeders = shared + (mills ? 1 : 0);
        return new FeederPlan(feederOf, distances(village, feederOf, feeders), feeders);
    }

    /** The meters in order of bearing from the powerhouse, starting just past the widest gap between bearings. */
    private static int[] bySector(VillageMap village, int[] meters) {
        double[] bearing = new double[village.meters()];
        for (int i : meters) {
            bearing[i] = StrictMath.atan2(village.north(i), village.east(i));
        }
        int[] sorted = Arrays.stream(meters).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> bearing[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        if (sorted.length < 2) {
            return sorted;
        }
        int start = 0;
        double widest = bearing[sorted[0]] + 2 * Math.PI - bearing[sorted[sorted.length - 1]];
        for (int k = 1; k < sorted.length; k++) {
            double gap = bearing[sorted[k]] - bearing[sorted[k - 1]];
            if (gap > widest) {
                widest = gap;
                start = k;
            }
        }
        int[] rotated = new int[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            rotated[k] = sorted[(start + k) % sorted.length];
        }
        return rotated;
    }

    private static double[] distances(VillageMap village, int[] feederOf, int feeders) {
        double[] longest = new double[feeders];
        double[] length = new double[feederOf.length];
        for (int i = 0; i < feederOf.length; i++) {
            length[i] = ROUTE_FACTOR * village.fromGateway(i);
            longest[feederOf[i]] = Math.max(longest[feederOf[i]], length[i]);
        }
        double[] distance = new double[feederOf.length];
        for (int i = 0; i < feederOf.length; i++) {
            double whole = longest[feederOf[i]];
            distance[i] = whole > 0 ? Math.max(NEAREST, length[i] / whole) : 1;
        }
        return distance;
    }

    /** How many feeders the site has. */
    public int feeders() {
        return feeders;
    }

    /** The feeder, from 0, that supplies the meter at {@code meter}: the scenarios' F1 is feeder 0. */
    public int feederOf(int meter) {
        return feederOf[meter];
    }

    /** The meter's electrical distance along its feeder, in (0, 1]: 1 at the far end. */
    public double distance(int meter) {
        return distance[meter];
    }

    int[] feederOfEach() {
        return feederOf.clone();
    }

    double[] distanceOfEach() {
        return distance.clone();
    }

    /** The same wiring as scenarios name it, F1 to Fn. */
    public Feeders names() {
        return Feeders.of(feederOf, feeders);
    }
}
