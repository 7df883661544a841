package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.rf.VillageMap;
import io.gridside.sim.scenario.Feeders;
import io.gridside.site.CustomerCategory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The site's wiring: feeders that follow the village's geography, shared by the voltage model and scenarios. */
class FeederPlanTest {

    private static final SiteLayout LAYOUT = SiteGenerator.generate(new SiteSpec(200, 42, 0, Instant.EPOCH));
    private static final FeederPlan GRID = LAYOUT.grid();

    @Test
    void givesOneFeederPerFortyMetersAndTheMillsOneOfTheirOwn() {
        List<CustomerCategory> categories = LAYOUT.customers().stream().map(c -> c.category()).toList();

        assertThat(GRID.feeders()).isEqualTo(5 + 1);
        for (int meter = 0; meter < 200; meter++) {
            boolean mill = categories.get(meter) == CustomerCategory.MILL;
            assertThat(GRID.feederOf(meter) == GRID.feeders() - 1).as("meter %d", meter).isEqualTo(mill);
        }
    }

    @Test
    void wiresEachSharedFeederToOneSectorOfBearingsFromThePowerhouse() {
        VillageMap village = LAYOUT.mesh().village();
        int shared = GRID.feeders() - 1;
        // A sector is an arc of bearings: no other shared feeder's meter lies between two of its meters' bearings.
        for (int feeder = 0; feeder < shared; feeder++) {
            double[] arc = arcOf(village, feeder);
            for (int meter = 0; meter < 200; meter++) {
                int other = GRID.feederOf(meter);
                if (other != feeder && other < shared) {
                    assertThat(inside(bearing(village, meter), arc)).as("meter %d of F%d in F%d's arc", meter,
                            other + 1, feeder + 1).isFalse();
                }
            }
        }
    }

    @Test
    void hangsEveryMeterAlongItsFeederWithTheFarthestAtTheEnd() {
        VillageMap village = LAYOUT.mesh().village();
        for (int feeder = 0; feeder < GRID.feeders(); feeder++) {
            int farthest = -1;
            for (int meter = 0; meter < 200; meter++) {
                if (GRID.feederOf(meter) == feeder && (farthest < 0
                        || village.fromGateway(meter) > village.fromGateway(farthest))) {
                    farthest = meter;
                }
            }
            assertThat(GRID.distance(farthest)).isEqualTo(1.0);
        }
        for (int meter = 0; meter < 200; meter++) {
            assertThat(GRID.distance(meter)).isGreaterThan(0).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void namesTheSameFeedersForScenariosAsTheVoltageModelUses() {
        Feeders names = GRID.names();
        Distribution voltage = Distribution.seeded(42, LAYOUT.loads(), GRID);

        assertThat(names.names()).containsExactly("F1", "F2", "F3", "F4", "F5", "F6");
        for (int meter = 0; meter < 200; meter++) {
            assertThat(names.feederOf(meter)).isEqualTo("F" + (voltage.feederOf(meter) + 1));
            assertThat(voltage.distance(meter)).isEqualTo(GRID.distance(meter));
        }
    }

    /** The arc from the first to the last of a feeder's bearings, going anticlockwise the short way round its gap. */
    private static double[] arcOf(VillageMap village, int feeder) {
        List<Double> bearings = java.util.stream.IntStream.range(0, 200).filter(m -> GRID.feederOf(m) == feeder)
                .mapToObj(m -> bearing(village, m)).sorted().toList();
        int start = 0;
        double widest = bearings.get(0) + 2 * Math.PI - bearings.get(bearings.size() - 1);
        for (int k = 1; k < bearings.size(); k++) {
            if (bearings.get(k) - bearings.get(k - 1) > widest) {
                widest = bearings.get(k) - bearings.get(k - 1);
                start = k;
            }
        }
        return new double[] {bearings.get(start), bearings.get((start + bearings.size() - 1) % bearings.size())};
    }

    private static boolean inside(double bearing, double[] arc) {
        return arc[0] <= arc[1] ? bearing > arc[0] && bearing < arc[1] : bearing > arc[0] || bearing < arc[1];
    }

    private static double bearing(VillageMap village, int meter) {
        return StrictMath.atan2(village.north(meter), village.east(meter));
    }
}
