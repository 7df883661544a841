package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.GatewayHealth;
import io.gridside.sim.mesh.QuarterHourTraffic;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated gateway's own health: from its seed and the simulated time, and shaped by its scenario. */
class SimulatedGatewayHealthTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    private static final int METERS = 40;

    private static SimulatedGateway gateway(long seed, int days, Scenario scenario, SimClock clock) {
        return new SimulatedGateway(new SiteSpec(METERS, seed, days, NOW), clock, scenario);
    }

    /** Health every seven minutes for a day and a half. */
    private static List<GatewayHealth> sampled(long seed) {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = gateway(seed, 2, Scenario.NONE, clock);
        List<GatewayHealth> samples = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            samples.add(gateway.health());
            clock.advance(Duration.ofMinutes(7));
        }
        return samples;
    }

    @Test
    void theSameSeedReportsTheSameHealthAtTheSameMoments() {
        assertThat(sampled(7)).isEqualTo(sampled(7)).isNotEqualTo(sampled(8));
    }

    @Test
    void aQuietGatewayHasRunSinceBeforeItsHistoryWithItsBackhaulUp() {
        GatewayHealth health = gateway(7, 2, Scenario.NONE, SimClock.manual(NOW)).health();

        assertThat(health.uptimeSeconds()).isGreaterThan(Duration.ofDays(5).toSeconds());
        assertThat(health.backhaul()).isEqualTo(GatewayHealth.Backhaul.UP);
        assertThat(health.signalDbm()).isBetween(-113, -51);
        assertThat(health.clockOffsetMillis()).isNotNull();
        assertThat(health.memoryUsedKib()).isPositive().isLessThanOrEqualTo(health.memoryTotalKib());
        assertThat(health.clock()).isEqualTo(NOW);
    }

    @Test
    void theQuarterHoursBurstRaisesTheLoadAndItDiesAwayBeforeTheNext() {
        List<GatewayHealth> samples = sampled(7);
        for (GatewayHealth health : samples) {
            long intoQuarter = Math.floorMod(health.clock().getEpochSecond(), 900L);
            if (intoQuarter < 60) {
                assertThat(health.loadPerMille()).as("at %s", health.clock()).isGreaterThan(400);
            } else if (intoQuarter >= 600) {
                assertThat(health.loadPerMille()).as("at %s", health.clock()).isLessThan(250);
            }
        }
    }

    @Test
    void theBackhaulIsDownWithNoSignalWhileTheScenarioHoldsItDown() {
        // Two days of history: the backhaul went down at 20:00 on the first day and comes back at 02:00 today.
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = gateway(42, 2, Scenarios.named("backhaul-loss"), clock);

        GatewayHealth down = gateway.health();
        clock.advance(Duration.ofHours(3));
        GatewayHealth back = gateway.health();

        assertThat(down.backhaul()).isEqualTo(GatewayHealth.Backhaul.DOWN);
        assertThat(down.signalDbm()).isNull();
        assertThat(back.backhaul()).isEqualTo(GatewayHealth.Backhaul.UP);
        assertThat(back.signalDbm()).isNotNull();
    }

    @Test
    void uptimeCountsFromTheScenariosRebootAndTheClockIsUncheckedUntilTheBackhaulReturns() {
        // The reboot ended at 09:25 yesterday, while the backhaul was down; the daily check at 02:00 finds it up.
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = gateway(42, 2, Scenarios.named("backhaul-loss"), clock);

        GatewayHealth rebooted = gateway.health();
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        GatewayHealth checked = gateway.health();

        assertThat(rebooted.uptimeSeconds()).isEqualTo(Duration.ofHours(14).plusMinutes(35).toSeconds());
        assertThat(rebooted.clockOffsetMillis()).isNull();
        assertThat(checked.uptimeSeconds()).isEqualTo(rebooted.uptimeSeconds() + 7_260);
        assertThat(checked.clockOffsetMillis()).isBetween(-32L, 32L);
    }

    @Test
    void askingForHealthChangesNoBill() {
        SimClock.Manual asked = SimClock.manual(NOW);
        SimClock.Manual left = SimClock.manual(NOW);
        SimulatedGateway watched = gateway(42, 2, Scenarios.named("backhaul-loss"), asked);
        SimulatedGateway alone = gateway(42, 2, Scenarios.named("backhaul-loss"), left);

        for (int i = 0; i < 40; i++) {
            watched.health();
            asked.advance(Duration.ofMinutes(5));
            left.advance(Duration.ofMinutes(5));
        }

        assertThat(watched.ledgerAfter(0)).isEqualTo(alone.ledgerAfter(0));
    }

    @Test
    void reportsTheTrafficOfTheLastEightQuarterHoursThatHaveEnded() {
        SimClock.Manual clock = SimClock.manual(NOW.plus(Duration.ofMinutes(3)));
        GatewayHealth health = gateway(7, 1, Scenario.NONE, clock).health();

        List<GatewayHealth.Traffic> traffic = health.traffic();
        assertThat(traffic).hasSize(GatewayHealth.MAX_TRAFFIC);
        assertThat(traffic.get(traffic.size() - 1).opening()).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
        for (int i = 1; i < traffic.size(); i++) {
            assertThat(traffic.get(i).opening()).isEqualTo(traffic.get(i - 1).opening().plus(Duration.ofMinutes(15)));
        }
        assertThat(traffic).allSatisfy(quarter -> {
            assertThat(quarter.sent()).isBetween(METERS * 9 / 10, METERS);
            assertThat(quarter.arrived()).isLessThanOrEqualTo(quarter.sent()).isGreaterThan(METERS * 9 / 10);
            assertThat(quarter.burstPer10s()).isPositive().isLessThan(quarter.arrived());
            assertThat(quarter.medianLatencyMillis()).isPositive();
        });
    }

    @Test
    void aFloodShowsAtTheIntakeAndInTheQuarterHoursItRan() {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = gateway(7, 1, Scenario.NONE, clock);
        GatewayHealth quiet = gateway.health();
        gateway.flood("M00004", 40_000);
        clock.advance(Duration.ofMinutes(40));

        GatewayHealth flooded = gateway.health();

        assertThat(quiet.intakeQueueDepth()).isLessThan(5);
        assertThat(flooded.intakeQueueDepth()).isGreaterThanOrEqualTo(250);
        GatewayHealth.Traffic last = flooded.traffic().get(flooded.traffic().size() - 1);
        assertThat(last.peakIntakeDepth()).isGreaterThanOrEqualTo(256);
        assertThat(last.intakeDropped()).isPositive();
        assertThat(quiet.traffic()).allSatisfy(quarter -> assertThat(quarter.intakeDropped()).isZero());
    }

    @Test
    void keepsTheTrafficOfTheQuarterHourUnderWayBesideTheEightThatEnded() {
        SimClock.Manual clock = SimClock.manual(NOW.plus(Duration.ofMinutes(3)));
        SimulatedGateway first = gateway(7, 1, Scenario.NONE, clock);
        SimulatedGateway second = gateway(7, 1, Scenario.NONE, SimClock.manual(clock.now()));

        List<QuarterHourTraffic> traffic = first.traffic();

        assertThat(traffic).hasSize(GatewayHealth.MAX_TRAFFIC + 1).isEqualTo(second.traffic());
        assertThat(traffic.get(traffic.size() - 1).opening()).isEqualTo(NOW);
        assertThat(first.health().traffic()).hasSize(GatewayHealth.MAX_TRAFFIC);
    }
}
