package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CustomerCategory;
import io.gridside.site.Meter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void sameSeedGivesTheSameSite() {
        SiteLayout first = SiteGenerator.generate(new SiteSpec(60, 7, 1, NOW));
        SiteLayout second = SiteGenerator.generate(new SiteSpec(60, 7, 1, NOW));

        assertThat(second.customers()).isEqualTo(first.customers());
        assertThat(second.meters()).isEqualTo(first.meters());
        assertThat(second.loads()).isEqualTo(first.loads());
        assertThat(second.openingMinor()).isEqualTo(first.openingMinor());
    }

    @Test
    void anotherSeedGivesAnotherSite() {
        SiteLayout first = SiteGenerator.generate(new SiteSpec(60, 7, 1, NOW));
        SiteLayout other = SiteGenerator.generate(new SiteSpec(60, 8, 1, NOW));

        assertThat(other.customers()).isNotEqualTo(first.customers());
        assertThat(other.gatewayId()).isNotEqualTo(first.gatewayId());
    }

    @Test
    void everyMeterRoutesToTheGatewayWithoutLoops() {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(200, 3, 1, NOW));
        Map<String, String> parentOf = new HashMap<>();
        layout.meters().forEach(m -> parentOf.put(m.meterId(), m.parentId()));

        for (Meter meter : layout.meters()) {
            String node = meter.meterId();
            int hops = 0;
            while (!node.equals(layout.gatewayId())) {
                node = parentOf.get(node);
                assertThat(node).as("parent of a node on %s's route", meter.meterId()).isNotNull();
                hops++;
                assertThat(hops).as("hops from %s", meter.meterId()).isLessThanOrEqualTo(16);
            }
            assertThat(meter.rssiDbm()).isBetween(-120, -30);
        }
    }

    @Test
    void meshUsesRepeatersAtVillageScale() {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(200, 3, 1, NOW));

        long direct = layout.meters().stream().filter(m -> m.parentId().equals(layout.gatewayId())).count();

        assertThat(direct).as("meters that hear the gateway directly").isBetween(1L, 199L);
    }

    @Test
    void mostCustomersAreHouseholdsAndAVillageHasAMill() {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(60, 42, 1, NOW));

        long households = layout.customers().stream().filter(c -> c.category() == CustomerCategory.HOUSEHOLD)
                .count();

        assertThat(households).isGreaterThan(40);
        assertThat(layout.customers()).anyMatch(c -> c.category() == CustomerCategory.MILL);
        assertThat(layout.customers()).anyMatch(c -> c.category() == CustomerCategory.SHOP);
    }

    @Test
    void shopsStandInTheMarketAndMillsFartherOutThanHouses() {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(200, 3, 1, NOW));
        var village = layout.mesh().village();
        double marketEast = village.frame().east(village.market());
        double marketNorth = village.frame().north(village.market());
        double farthestHouse = 0;
        double nearestMill = Double.MAX_VALUE;

        for (int i = 0; i < layout.customers().size(); i++) {
            switch (layout.customers().get(i).category()) {
                case SHOP -> assertThat(Math.hypot(village.east(i) - marketEast, village.north(i) - marketNorth))
                        .isLessThanOrEqualTo(village.marketRadiusMetres() + 0.01);
                case MILL -> nearestMill = Math.min(nearestMill, village.fromGateway(i));
                case HOUSEHOLD -> farthestHouse = Math.max(farthestHouse, village.fromGateway(i));
                default -> throw new AssertionError("a category the village does not place");
            }
        }
        assertThat(nearestMill).isGreaterThan(farthestHouse * 0.6);
    }

    @Test
    void aSiteOfOneMeterHasItHearTheGateway() {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(1, 2, 0, NOW));

        assertThat(layout.meters().get(0).parentId()).isEqualTo(layout.gatewayId());
    }

    @Test
    void serialsAndIdsAreUnique() {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(500, 9, 1, NOW));

        assertThat(layout.meters()).extracting(Meter::serial).doesNotHaveDuplicates();
        assertThat(layout.meters()).extracting(Meter::meterId).doesNotHaveDuplicates();
    }
}
