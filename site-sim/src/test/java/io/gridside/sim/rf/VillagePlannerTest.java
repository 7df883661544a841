package io.gridside.sim.rf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridside.site.CustomerCategory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VillagePlannerTest {

    private static final long SEED = 5;
    private static final List<CustomerCategory> CATEGORIES = TestVillages.categories(SEED, 200);
    private static final VillageMap VILLAGE = VillagePlanner.plan(SEED, CATEGORIES);

    @Test
    void putsEveryShopInTheMarketSquare() {
        LocalFrame frame = VILLAGE.frame();
        double marketEast = frame.east(VILLAGE.market());
        double marketNorth = frame.north(VILLAGE.market());

        for (int i : indicesOf(CustomerCategory.SHOP)) {
            double fromMarket = Math.hypot(VILLAGE.east(i) - marketEast, VILLAGE.north(i) - marketNorth);
            assertThat(fromMarket).as("shop %d from the market's middle", i)
                    .isLessThanOrEqualTo(VILLAGE.marketRadiusMetres() + 0.01);
        }
        assertThat(VILLAGE.marketRadiusMetres()).isBetween(30.0, 150.0);
    }

    @Test
    void putsMillsAtTheVillagesEdge() {
        List<Double> houses = indicesOf(CustomerCategory.HOUSEHOLD).stream().map(VILLAGE::fromGateway).sorted()
                .toList();
        double outerHouses = houses.get((int) (houses.size() * 0.8));

        assertThat(indicesOf(CustomerCategory.MILL)).isNotEmpty().allSatisfy(mill ->
                assertThat(VILLAGE.fromGateway(mill)).as("mill %d from the gateway", mill).isGreaterThan(outerHouses));
    }

    @Test
    void groupsHousesInHamletsSpreadAlongTheRoads() {
        List<Integer> houses = indicesOf(CustomerCategory.HOUSEHOLD);
        List<Double> nearest = new ArrayList<>();
        double extent = 0;
        for (int i : houses) {
            double closest = Double.MAX_VALUE;
            for (int j : houses) {
                if (i != j) {
                    closest = Math.min(closest, Math.hypot(VILLAGE.east(i) - VILLAGE.east(j),
                            VILLAGE.north(i) - VILLAGE.north(j)));
                }
            }
            nearest.add(closest);
            extent = Math.max(extent, VILLAGE.fromGateway(i));
        }
        nearest.sort(Double::compare);

        assertThat(nearest.get(nearest.size() / 2)).as("median metres to the next house").isLessThan(20.0);
        assertThat(extent).as("metres from the gateway to the farthest house").isBetween(300.0, 2000.0);
    }

    @Test
    void placesTheVillageInEastAfricaInLatitudeAndLongitude() {
        for (int i = 0; i < VILLAGE.meters(); i++) {
            GeoPoint point = VILLAGE.meter(i);
            assertThat(point.latitude()).as("latitude of meter %d", i).isBetween(-0.75, -0.61);
            assertThat(point.longitude()).as("longitude of meter %d", i).isBetween(34.49, 34.63);
        }
    }

    @Test
    void localMetresAndLatitudeLongitudeAgree() {
        GeoPoint point = VILLAGE.meter(17);

        assertThat(VILLAGE.frame().east(point)).isCloseTo(VILLAGE.east(17), within(1e-6));
        assertThat(VILLAGE.frame().north(point)).isCloseTo(VILLAGE.north(17), within(1e-6));
    }

    @Test
    void sameSeedGivesTheSameVillageAndAnotherSeedAnother() {
        assertThat(VillagePlanner.plan(SEED, CATEGORIES)).isEqualTo(VILLAGE);
        assertThat(VillagePlanner.plan(SEED + 1, CATEGORIES)).isNotEqualTo(VILLAGE);
    }

    private static List<Integer> indicesOf(CustomerCategory category) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            if (CATEGORIES.get(i) == category) {
                indices.add(i);
            }
        }
        return indices;
    }
}
