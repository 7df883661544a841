package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.vee.GapEstimator;
import io.gridside.billing.vee.MeterRating;
import io.gridside.billing.vee.PowerOff;
import io.gridside.billing.vee.Vee;
import io.gridside.site.Reading;
import io.gridside.site.vee.EstimateMethod;
import io.gridside.site.vee.GapEstimate;
import io.gridside.site.vee.RawRead;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.ScenarioParser;
import io.gridside.sim.scenario.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * VEE over what a simulated site's gateway read through a feeder outage: the cut feeder's meters each leave one
 * long gap over the outage, estimated by profile once the customers have history of those hours, with no energy
 * while the meters had no supply; a short gap (readings lost on the mesh) is spread linearly.
 */
class FeederOutageVeeTest {

    private static final Instant NOW = Instant.parse("2026-06-10T00:00:00Z");
    private static final int METERS = 40;

    private static Vee.Result vee(SimulatedGateway gateway, Predicate<Reading> lostOnTheMesh) {
        List<RawRead> reads = gateway.readings(Instant.EPOCH, NOW).stream().filter(lostOnTheMesh.negate())
                .map(RawRead::endOf).toList();
        return new Vee(gateway.site().site().zone(), gateway.clock(), id -> MeterRating.DEFAULT,
                PowerOff.byMeter(gateway.events(Instant.EPOCH, NOW))).run(reads);
    }

    private static Set<String> cutMeters(SimulatedGateway gateway) {
        return gateway.layout().grid().names().members("F1").stream()
                .map(i -> gateway.layout().meters().get(i).meterId()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theFeederOutageOfTheFirstEveningLeavesLongGapsThatNoProfileCoversYet() {
        Scenario scenario = Scenarios.named("feeder-outage");
        SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(METERS, 42, scenario.days(), NOW),
                SimClock.manual(NOW), scenario);
        Instant lost = NOW.minus(scenario.length()).plus(scenario.steps().get(0).at());

        Vee.Result result = vee(gateway, r -> false);

        Set<String> cut = cutMeters(gateway);
        Map<String, List<GapEstimate>> outageGaps = result.estimates().stream()
                .filter(g -> g.gapStart().equals(lost)).collect(Collectors.groupingBy(GapEstimate::meterId));
        assertThat(result.exceptions()).isEmpty();
        assertThat(outageGaps.keySet()).isEqualTo(cut);
        // The evening before had not been read yet when the outage began: no profile of those hours.
        assertThat(outageGaps.values()).allSatisfy(gaps -> assertThat(gaps).singleElement()
                .satisfies(g -> assertThat(g.method()).isEqualTo(EstimateMethod.LINEAR_NO_PROFILE)));
        assertThat(result.estimates()).filteredOn(g -> !g.gapStart().equals(lost))
                .allSatisfy(FeederOutageVeeTest::isShortAndLinear);
    }

    @Test
    void theSameOutageAWeekOnIsSpreadByEachCustomersProfile() {
        Scenario scenario = ScenarioParser.parse("feeder-outage-week", """
                {"name": "feeder-outage-week", "days": 9, "steps": [
                  {"at": "P7DT18H30M", "kind": "feeder-power-loss", "feeder": "F1", "duration": "PT3H"}]}""");
        SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(METERS, 42, scenario.days(), NOW),
                SimClock.manual(NOW), scenario);
        Instant lost = NOW.minus(scenario.length()).plus(scenario.steps().get(0).at());

        String spared = gateway.layout().meters().stream().map(m -> m.meterId())
                .filter(id -> !cutMeters(gateway).contains(id)).findFirst().orElseThrow();
        Instant morning = lost.minus(Duration.ofHours(8));
        // An hour of the spared meter's readings lost on the mesh that morning: four quarter hours, five with the
        // one whose end closes the gap.
        Vee.Result result = vee(gateway, r -> r.meterId().equals(spared) && !r.intervalEnd().isBefore(morning)
                && r.intervalEnd().isBefore(morning.plus(Duration.ofHours(1))));

        assertThat(result.estimates()).filteredOn(g -> g.meterId().equals(spared)).singleElement().satisfies(g -> {
            assertThat(g.gapStart()).isEqualTo(morning.minus(Reading.INTERVAL));
            assertThat(g.intervals()).isEqualTo(5);
        });
        List<GapEstimate> outageGaps = result.estimates().stream().filter(g -> g.gapStart().equals(lost)).toList();
        assertThat(outageGaps).extracting(GapEstimate::meterId).containsExactlyElementsOf(cutMeters(gateway));
        Instant restored = lost.plus(scenario.steps().get(0).duration());
        assertThat(outageGaps).allSatisfy(g -> {
            assertThat(g.method()).isEqualTo(EstimateMethod.PROFILE);
            assertThat(g.intervals()).isGreaterThan(12);
            assertThat(GapEstimate.total(g.energiesWh())).isEqualTo(g.deltaWh());
            // The meter had no supply for the outage's 12 quarter hours: the whole rise falls after the restore.
            assertThat(g.energiesWh().subList(0, 12)).containsOnly(0L);
            assertThat(g.gapStart().plus(Reading.INTERVAL.multipliedBy(12))).isEqualTo(restored);
        });
        assertThat(outageGaps).anySatisfy(g -> assertThat(g.deltaWh()).isPositive());
        assertThat(result.estimates()).filteredOn(g -> !g.gapStart().equals(lost))
                .allSatisfy(FeederOutageVeeTest::isShortAndLinear);
    }

    private static void isShortAndLinear(GapEstimate gap) {
        assertThat(Reading.INTERVAL.multipliedBy(gap.intervals())).isLessThanOrEqualTo(GapEstimator.SHORT_GAP);
        assertThat(gap.method()).isEqualTo(EstimateMethod.LINEAR);
    }
}
