package io.gridside.sim;

import io.gridside.site.CustomerCategory;
import io.gridside.site.Reading;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The mini-grid's low-voltage network: a powerhouse whose inverters hold about 230 V, radial feeders out of it,
 * and each meter on one feeder at an electrical distance along it, from 0 at the powerhouse to 1 at the far end.
 * It gives each meter the voltage it sees in a quarter hour from what every meter on its feeder draws.
 *
 * <p>On a radial feeder, a load at distance {@code y} drops the voltage at distance {@code x} in proportion to its
 * power and to the length of conductor the two share, {@code min(x, y)}. So the far end of a loaded feeder sags
 * most, and at the evening peak a heavily loaded feeder's far end browns out (below 207 V, nominal less 10%). A
 * quarter hour's minimum also takes the largest surge on the feeder, such as a mill's motor starting, and its
 * maximum the lulls between loads. Every site has one long, overloaded feeder, as most villages do once they have
 * grown past what the grid was built for.
 *
 * <p>Feeders and distances come from the site's wiring plan ({@link FeederPlan}), the one scenarios cut feeders by;
 * each feeder's conductor is sized from the seed ({@link #seeded}). Sums over a feeder use its meters in order of
 * distance, so a quarter hour costs a pass over the meters, not a pass per pair.
 */
final class Distribution {

    static final double NOMINAL_VOLTS = 230;
    /** The evening load, per home or shop, that feeders are sized for. */
    static final double DESIGN_WATTS_PER_METER = 45;
    /** The drop on a meter's own service cable, as a share of nominal per watt it draws: 0.2 % a kilowatt. */
    private static final double SERVICE_DROP_PER_WATT = 2e-6;
    /** The largest share of nominal a meter's voltage may lose before the inverter trips instead. */
    private static final double MAX_DROP = 0.45;
    private static final long SOURCE_SALT = 401;
    private static final long METER_SALT = 402;
    private static final long FEEDER_SALT = 410;

    private final int[] feederOf;
    private final double[] distance;
    /** Per feeder, the share of nominal lost per watt carried over the feeder's whole length. */
    private final double[] dropPerWatt;
    /** Per feeder, its meters nearest the powerhouse first. */
    private final int[][] byDistance;
    private final double[] meanDrop;
    private final double[] surgeDrop;
    private final double[] lullDrop;

    /**
     * @param feederOf each meter's feeder, from 0
     * @param distance each meter's electrical distance along its feeder, in (0, 1]
     * @param dropPerWatt each feeder's share of nominal voltage lost per watt carried over its whole length
     */
    Distribution(int[] feederOf, double[] distance, double[] dropPerWatt) {
        this.feederOf = feederOf.clone();
        this.distance = distance.clone();
        this.dropPerWatt = dropPerWatt.clone();
        this.byDistance = sortByDistance(this.feederOf, this.distance, dropPerWatt.length);
        this.meanDrop = new double[feederOf.length];
        this.surgeDrop = new double[feederOf.length];
        this.lullDrop = new double[feederOf.length];
    }

    /**
     * The network the site's wiring plan lays out, with each feeder's conductor sized from the seed: feeder 0 for a
     * drop of 12-16 % at its far end under its design load, the others for 3-9 %, and the mills' own feeder, if the
     * site has one, for all their machines running with a drop of 4-8 %.
     */
    static Distribution seeded(long seed, List<LoadProfile> loads, FeederPlan plan) {
        int[] feederOf = plan.feederOfEach();
        double[] distance = plan.distanceOfEach();
        boolean productive = loads.stream().anyMatch(load -> load.category() == CustomerCategory.MILL);
        int shared = plan.feeders() - (productive ? 1 : 0);
        double[] dropPerWatt = new double[plan.feeders()];
        for (int f = 0; f < dropPerWatt.length; f++) {
            double designDrop = f == shared ? Noise.between(0.04, 0.08, seed, f, FEEDER_SALT + 2)
                    : f == 0 ? Noise.between(0.12, 0.16, seed, f, FEEDER_SALT + 2)
                    : Noise.between(0.03, 0.09, seed, f, FEEDER_SALT + 2);
            dropPerWatt[f] = designDrop / Math.max(DESIGN_WATTS_PER_METER, designMoment(f, feederOf, distance, loads));
        }
        return new Distribution(feederOf, distance, dropPerWatt);
    }

    /** The watts carried over the whole length that equal feeder {@code f}'s design load at its far end. */
    private static double designMoment(int f, int[] feederOf, double[] distance, List<LoadProfile> loads) {
        double moment = 0;
        for (int i = 0; i < feederOf.length; i++) {
            if (feederOf[i] == f) {
                moment += designWatts(loads.get(i)) * distance[i];
            }
        }
        return moment;
    }

    /** A home's or shop's share of the evening peak; a productive user's machines, which its feeder was built for. */
    private static double designWatts(LoadProfile load) {
        if (load.category() != CustomerCategory.MILL) {
            return DESIGN_WATTS_PER_METER;
        }
        return load.appliances().stream().mapToDouble(LoadProfile.Fitted::watts).sum();
    }

    private static int[][] sortByDistance(int[] feederOf, double[] distance, int feeders) {
        List<List<Integer>> members = new ArrayList<>();
        for (int f = 0; f < feeders; f++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < feederOf.length; i++) {
            members.get(feederOf[i]).add(i);
        }
        int[][] sorted = new int[feeders][];
        for (int f = 0; f < feeders; f++) {
            sorted[f] = members.get(f).stream().sorted(Comparator.comparingDouble(i -> distance[i]))
                    .mapToInt(Integer::intValue).toArray();
        }
        return sorted;
    }

    int feeders() {
        return byDistance.length;
    }

    int feederOf(int meter) {
        return feederOf[meter];
    }

    double distance(int meter) {
        return distance[meter];
    }

    /** Works out every meter's voltage drops for a quarter hour in which each meter draws these. */
    void carry(double[] meanWatts, double[] peakWatts) {
        for (int f = 0; f < byDistance.length; f++) {
            carry(byDistance[f], dropPerWatt[f], meanWatts, peakWatts);
        }
    }

    private void carry(int[] meters, double k, double[] meanWatts, double[] peakWatts) {
        double beyond = 0;
        int surging = -1;
        for (int meter : meters) {
            beyond += meanWatts[meter];
            if (surging < 0 || excess(meter, meanWatts, peakWatts) > excess(surging, meanWatts, peakWatts)) {
                surging = meter;
            }
        }
        double nearer = 0;
        for (int meter : meters) {
            // Loads nearer the powerhouse share their distance with this meter; loads beyond it share its own.
            beyond -= meanWatts[meter];
            nearer += meanWatts[meter] * distance[meter];
            double x = distance[meter];
            meanDrop[meter] = k * (nearer + x * beyond) + SERVICE_DROP_PER_WATT * meanWatts[meter];
            double largest = excess(surging, meanWatts, peakWatts) * Math.min(x, distance[surging]);
            double own = excess(meter, meanWatts, peakWatts) * x;
            surgeDrop[meter] = k * Math.max(largest, own) + SERVICE_DROP_PER_WATT * (peakWatts[meter]
                    - meanWatts[meter]);
            lullDrop[meter] = 0.6 * meanDrop[meter];
        }
    }

    private static double excess(int meter, double[] meanWatts, double[] peakWatts) {
        return peakWatts[meter] - meanWatts[meter];
    }

    /**
     * The quality meter {@code meter} reports for the quarter hour last {@linkplain #carry carried}: the powerhouse's
     * voltage, regulated within half a percent, less the meter's drops; and its own peak power.
     */
    Reading.Quality quality(int meter, long seed, long interval, double peakWatts) {
        double source = NOMINAL_VOLTS * (1 + 0.005 * (2 * Noise.unit(seed, interval, SOURCE_SALT, 0) - 1));
        double flicker = Noise.unit(seed, meter, interval, METER_SALT);
        double average = source * (1 - Math.min(MAX_DROP, meanDrop[meter]));
        double min = source * (1 - Math.min(MAX_DROP, meanDrop[meter] + surgeDrop[meter] + 0.004 * flicker));
        double max = source * (1 - Math.min(MAX_DROP, lullDrop[meter]) + 0.004 * (1 - flicker));
        return new Reading.Quality(decivolts(min), decivolts(average), decivolts(max), (int) Math.ceil(peakWatts));
    }

    private static int decivolts(double volts) {
        return (int) Math.round(volts * 10);
    }
}
