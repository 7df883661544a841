package io.gridside.sim;

/**
 * What each meter of the site draws in the quarter hour being simulated: its mean power, which makes the energy;
 * its running power, what its appliances in use draw together once started, which its load limiter compares with
 * its limit; and its peak power, inrush included, which the supply's voltage and the reading's quality show.
 */
final class MeterDemand {

    final double[] meanWatts;
    final double[] runningWatts;
    final double[] peakWatts;
    private final LoadProfile.Sample sample = new LoadProfile.Sample();

    MeterDemand(int meters) {
        this.meanWatts = new double[meters];
        this.runningWatts = new double[meters];
        this.peakWatts = new double[meters];
    }

    /** Meter {@code index} draws its customer's load of interval {@code at}, for the share of it it is supplied. */
    void draw(int index, LoadProfile load, long seed, LocalInterval at, double supplied) {
        load.sample(seed, index, at, sample);
        meanWatts[index] = sample.meanWatts * supplied;
        runningWatts[index] = sample.runningWatts;
        peakWatts[index] = sample.peakWatts;
    }

    /** Meter {@code index} draws nothing: its relay is open or its supply cut. */
    void none(int index) {
        meanWatts[index] = 0;
        runningWatts[index] = 0;
        peakWatts[index] = 0;
    }
}
