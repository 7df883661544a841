package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridside.site.CustomerCategory;
import io.gridside.site.Reading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Voltage along a radial feeder: what each load does to each meter, by the conductor they share. */
class DistributionTest {

    private static final long SEED = 3;
    private static final long INTERVAL = 2_000_000;
    /** A 1 kW load carried the whole length of feeder 0 loses 10 % of nominal; feeder 1 is stiffer. */
    private static final double[] DROP_PER_WATT = {1e-4, 1e-5};

    @Test
    void eachLoadDropsTheVoltageByTheConductorItSharesWithTheMeter() {
        int[] feeder = {0, 0, 0, 1, 0};
        double[] distance = {0.9, 0.2, 0.5, 0.7, 0.5};
        double[] mean = {300, 500, 0, 400, 200};
        Distribution network = new Distribution(feeder, distance, DROP_PER_WATT);

        network.carry(mean, mean.clone());

        for (int meter = 0; meter < feeder.length; meter++) {
            double moment = 0;
            for (int load = 0; load < feeder.length; load++) {
                if (feeder[load] == feeder[meter]) {
                    moment += mean[load] * Math.min(distance[meter], distance[load]);
                }
            }
            double expected = Distribution.NOMINAL_VOLTS * (1 - DROP_PER_WATT[feeder[meter]] * moment
                    - 2e-6 * mean[meter]);
            // The powerhouse holds its voltage within half a percent, 1.15 V.
            assertThat(averageVolts(network, meter)).as("meter %d", meter).isCloseTo(expected, within(1.25));
        }
    }

    @Test
    void theFarEndSagsMoreThanTheNearEnd() {
        Distribution network = new Distribution(new int[] {0, 0}, new double[] {0.1, 1.0}, DROP_PER_WATT);

        network.carry(new double[] {400, 400}, new double[] {400, 400});

        assertThat(averageVolts(network, 1)).isLessThan(averageVolts(network, 0) - 5);
    }

    @Test
    void aMotorStartingDipsTheMinimumOfItsNeighboursButNotTheirAverage() {
        Distribution network = new Distribution(new int[] {0, 0}, new double[] {0.3, 0.8}, DROP_PER_WATT);
        network.carry(new double[] {2_000, 50}, new double[] {2_000, 50});
        Reading.Quality steady = network.quality(1, SEED, INTERVAL, 50);

        network.carry(new double[] {2_000, 50}, new double[] {6_000, 50});
        Reading.Quality starting = network.quality(1, SEED, INTERVAL, 50);

        assertThat(starting.averageDecivolts()).isEqualTo(steady.averageDecivolts());
        assertThat(starting.minDecivolts()).isLessThan(steady.minDecivolts() - 100);
    }

    @Test
    void reportsTheMetersOwnPeakInWholeWattsRoundedUp() {
        Distribution network = new Distribution(new int[] {0}, new double[] {0.5}, DROP_PER_WATT);
        network.carry(new double[] {120}, new double[] {340.2});

        assertThat(network.quality(0, SEED, INTERVAL, 340.2).peakWatts()).isEqualTo(341);
    }

    @Test
    void aSeededNetworkPutsMillsOnAFeederOfTheirOwn() {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(120, SEED, 0, Instant.EPOCH));
        Distribution network = Distribution.seeded(SEED, layout.loads(), layout.grid());

        for (int meter = 0; meter < 120; meter++) {
            boolean mill = layout.loads().get(meter).category() == CustomerCategory.MILL;
            assertThat(network.feederOf(meter) == network.feeders() - 1).as("meter %d", meter).isEqualTo(mill);
        }
    }

    private static double averageVolts(Distribution network, int meter) {
        return network.quality(meter, SEED, INTERVAL, 0).averageVolts();
    }
}
