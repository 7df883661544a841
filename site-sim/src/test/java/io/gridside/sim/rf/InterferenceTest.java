package io.gridside.sim.rf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InterferenceTest {

    private static final MeshPlan PLAN = TestVillages.plan(3, 200);
    private static final double RADIUS = 120;
    private static final double EXTRA_DB = 15;

    @Test
    void raisesTheNoiseFloorInsideItsRadiusAndOnlyWhileItLasts() {
        RadioEnvironment environment = new RadioEnvironment(PLAN.nodes(), PLAN.village().frame());
        GeoPoint centre = PLAN.village().meter(40);
        Instant from = TestVillages.quarter(4);
        environment.interfere(centre, RADIUS, EXTRA_DB, from, from.plus(Duration.ofHours(1)));
        double[] during = new double[PLAN.meters() + 1];
        double[] after = new double[PLAN.meters() + 1];

        environment.noiseFloors(from.getEpochSecond() + 60, during);
        environment.noiseFloors(from.plus(Duration.ofHours(1)).getEpochSecond(), after);

        int inside = 0;
        for (int node = 0; node <= PLAN.meters(); node++) {
            double base = PLAN.nodes().floorDbm(node);
            assertThat(after[node]).isEqualTo(base);
            if (distanceFrom(centre, node) <= RADIUS) {
                assertThat(during[node]).isCloseTo(base + EXTRA_DB, within(1e-9));
                inside++;
            } else {
                assertThat(during[node]).isEqualTo(base);
            }
        }
        assertThat(inside).isBetween(5, 150);
    }

    @Test
    void worsensTheLinksOfRadiosInsideItsRadiusOnly() {
        GeoPoint centre = PLAN.village().meter(40);
        MeshNetwork quiet = TestVillages.started(PLAN);
        MeshNetwork noisy = TestVillages.started(PLAN);
        noisy.environment().interfere(centre, RADIUS, EXTRA_DB, TestVillages.quarter(1), TestVillages.quarter(3));
        quiet.update(TestVillages.quarter(1));
        noisy.update(TestVillages.quarter(1));

        List<MeshTopology.Link> before = quiet.topology().links();
        List<MeshTopology.Link> after = noisy.topology().links();
        Set<String> inside = insideIds(centre);

        int worse = 0;
        for (int k = 0; k < before.size(); k++) {
            MeshTopology.Link a = before.get(k);
            MeshTopology.Link b = after.get(k);
            boolean touched = inside.contains(a.from()) || inside.contains(a.to());
            if (touched) {
                assertThat(b.etx()).isGreaterThanOrEqualTo(a.etx());
                worse += b.etx() > a.etx() * 1.5 ? 1 : 0;
            } else {
                assertThat(b.etx()).isEqualTo(a.etx());
            }
        }
        assertThat(worse).as("links near the interference whose ETX rose by half").isGreaterThan(10);
    }

    private static Set<String> insideIds(GeoPoint centre) {
        return IntStream.rangeClosed(0, PLAN.meters()).filter(n -> distanceFrom(centre, n) <= RADIUS)
                .mapToObj(PLAN::id).collect(Collectors.toSet());
    }

    private static double distanceFrom(GeoPoint centre, int node) {
        LocalFrame frame = PLAN.village().frame();
        return Math.hypot(PLAN.nodes().east(node) - frame.east(centre), PLAN.nodes().north(node) - frame.north(centre));
    }
}
