package io.gridside.sim.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.SiteGenerator;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.rf.MeshNetwork;
import io.gridside.sim.rf.MeshPlan;
import io.gridside.sim.rf.MeshTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Readings crossing a simulated mesh of 200 meters to the gateway, on the virtual clock of quarter hours. */
class MeshTrafficTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final int METERS = 200;
    private static final MeshPlan PLAN = SiteGenerator.generate(new SiteSpec(METERS, 31, 1, START)).mesh();

    /** A mesh, the traffic across it and the intake it feeds, run a quarter hour at a time. */
    private static final class Run {

        private final MeshTimeline mesh = new MeshTimeline(PLAN, START);
        private final GatewayIntake intake;
        private final MeshTraffic traffic;
        private final List<QuarterHourTraffic> windows = new ArrayList<>();
        private Instant opening = START;

        Run(GatewayIntake intake, TrafficProfile profile) {
            this.intake = intake;
            this.traffic = new MeshTraffic(mesh.live(), intake, 7, profile);
        }

        Run(GatewayIntake intake) {
            this(intake, TrafficProfile.AMI);
        }

        Run() {
            this(new GatewayIntake());
        }

        /** Every meter with a route sends a reading of the interval just ended; returns what the window counted. */
        QuarterHourTraffic window() {
            if (!windows.isEmpty()) {
                opening = opening.plus(Duration.ofMinutes(15));
                mesh.advance(opening);
            }
            traffic.open(opening);
            Instant intervalStart = opening.minus(Duration.ofMinutes(15));
            for (int meter = 0; meter < METERS; meter++) {
                traffic.send(meter, new Uplink.IntervalRead(PLAN.id(meter), intervalStart, meter, null));
            }
            traffic.close();
            QuarterHourTraffic window = traffic.lastWindow();
            windows.add(window);
            return window;
        }

        List<QuarterHourTraffic> windows(int count) {
            for (int i = 0; i < count; i++) {
                window();
            }
            return List.copyOf(windows);
        }

        MeshNetwork live() {
            return mesh.live();
        }
    }

    @Test
    void arrivalsBunchAfterTheQuarterHourAndSpreadWithTheJitter() {
        QuarterHourTraffic window = new Run().window();

        List<Integer> perTen = window.arrivalsPer10s();
        int firstTwoAndAHalfMinutes = perTen.subList(0, 15).stream().mapToInt(Integer::intValue).sum();
        long busyBuckets = perTen.stream().filter(count -> count > 0).count();

        assertThat(window.sent()).isGreaterThan(METERS * 9 / 10);
        assertThat(window.arrived()).isEqualTo(window.sent() - window.meshDropped() - window.heldInMesh());
        assertThat(firstTwoAndAHalfMinutes).isGreaterThanOrEqualTo(window.arrived() * 95 / 100);
        assertThat(busyBuckets).as("10 s spans with arrivals").isBetween(10L, 16L);
        assertThat(perTen.get(0)).isLessThan(window.arrived() / 4);
        assertThat(window.burstPer10s()).isGreaterThan(3 * window.arrived() / GatewayIntake.BUCKETS)
                .isEqualTo(perTen.stream().mapToInt(Integer::intValue).max().orElseThrow());
        assertThat(window.worstLatencyMillis()).isGreaterThanOrEqualTo(window.medianLatencyMillis())
                .isPositive();
    }

    /** 200 meters sending within 2 s load the mesh near the gateway as a site of thousands does over 2 minutes. */
    @Test
    void aRepeaterNearTheGatewayQueuesDeeperThanAnyLeaf() {
        Run run = new Run(new GatewayIntake(), TrafficProfile.AMI.withJitter(Duration.ofSeconds(2)));
        run.window();

        int[] children = new int[METERS + 1];
        for (int meter = 0; meter < METERS; meter++) {
            int parent = run.live().parent(meter);
            if (parent >= 0) {
                children[parent]++;
            }
        }
        int deepestLeaf = 0;
        int deepestRepeater = 0;
        for (int meter = 0; meter < METERS; meter++) {
            if (children[meter] == 0) {
                deepestLeaf = Math.max(deepestLeaf, run.traffic.peakQueue(meter));
            } else if (run.live().parent(meter) == METERS) {
                deepestRepeater = Math.max(deepestRepeater, run.traffic.peakQueue(meter));
            }
        }

        assertThat(deepestLeaf).as("a leaf holds only its own reading").isEqualTo(1);
        assertThat(deepestRepeater).isGreaterThan(deepestLeaf);
        QuarterHourTraffic window = run.traffic.lastWindow();
        assertThat(window.deepestMeshQueue()).isEqualTo(deepestRepeater);
        assertThat(children[PLAN.indexOf(window.deepestMeshNode())]).isPositive();
    }

    @Test
    void aSlowIntakeBackPressuresTheMesh() {
        QuarterHourTraffic normal = new Run().window();
        Run slow = new Run(new GatewayIntake(Duration.ofSeconds(2), 20));
        QuarterHourTraffic slowed = slow.window();

        assertThat(normal.holds()).isZero();
        assertThat(slowed.holds()).isPositive();
        assertThat(slowed.peakIntakeDepth()).isEqualTo(20);
        assertThat(slowed.deepestMeshQueue()).isGreaterThan(normal.deepestMeshQueue());
        assertThat(slowed.medianLatencyMillis()).isGreaterThan(normal.medianLatencyMillis());
        assertThat(slow.traffic.heldAt(Duration.ofMinutes(3))).as("frames held three minutes in").isPositive();
    }

    @Test
    void aFloodFillsTheIntakeAndHoldsTheMeshBackWhenItsLimitIsReached() {
        GatewayIntake intake = new GatewayIntake(GatewayIntake.SLOT, GatewayIntake.PER_METER_LIMIT);
        intake.flood(PLAN.id(3), 2 * GatewayIntake.SLOTS_PER_INTERVAL);
        Run run = new Run(intake);

        List<QuarterHourTraffic> windows = run.windows(2);

        QuarterHourTraffic flooded = windows.get(1);
        assertThat(flooded.peakIntakeDepth()).isGreaterThanOrEqualTo(GatewayIntake.PER_METER_LIMIT);
        assertThat(flooded.intakeDropped()).isPositive();
        assertThat(flooded.holds()).isPositive();
        assertThat(intake.status(PLAN.id(10)).lateReadings()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameCountersBitForBit() {
        List<QuarterHourTraffic> first = new Run(new GatewayIntake(Duration.ofMillis(250), 40)).windows(4);
        List<QuarterHourTraffic> second = new Run(new GatewayIntake(Duration.ofMillis(250), 40)).windows(4);

        assertThat(second).isEqualTo(first);
        assertThat(first.stream().mapToInt(QuarterHourTraffic::retries).sum()).isPositive();
    }

    @Test
    void everyReadingSentIsServedDroppedOrStillQueued() {
        GatewayIntake intake = new GatewayIntake(Duration.ofMillis(5_000), 1_000);
        Run run = new Run(intake);

        List<QuarterHourTraffic> windows = run.windows(3);

        long sent = windows.stream().mapToLong(QuarterHourTraffic::sent).sum();
        long meshDropped = windows.stream().mapToLong(QuarterHourTraffic::meshDropped).sum();
        QuarterHourTraffic last = windows.get(windows.size() - 1);
        assertThat(last.heldInMesh() + last.waitingAtIntake()).as("still queued").isPositive();
        assertThat(intake.served() + intake.dropped() + meshDropped + last.heldInMesh() + last.waitingAtIntake())
                .isEqualTo(sent);
        assertThat(last.heldInMesh()).isEqualTo(run.traffic.inMesh());
    }

    @Test
    void aMeterWithoutARouteSendsNothing() {
        MeshTimeline mesh = new MeshTimeline(PLAN, START);
        mesh.silence(PLAN.id(5), START, START.plus(Duration.ofHours(1)));
        Instant next = START.plus(Duration.ofMinutes(15));
        mesh.advance(next);
        MeshTraffic traffic = new MeshTraffic(mesh.live(), new GatewayIntake(), 7);
        traffic.open(next);

        boolean sent = traffic.send(5, new Uplink.IntervalRead(PLAN.id(5), START, 1, null));
        traffic.close();

        assertThat(mesh.live().parent(5)).isNegative();
        assertThat(sent).isFalse();
        assertThat(traffic.lastWindow().sent()).isZero();
    }
}
