package io.gridside.sim.rf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeshDeterminismTest {

    @Test
    void sameSeedGivesTheSameTopologyHistory() {
        MeshNetwork first = TestVillages.started(TestVillages.plan(11, 120));
        MeshNetwork second = TestVillages.started(TestVillages.plan(11, 120));
        first.environment().interfere(first.plan().village().meter(3), 100, 12, TestVillages.quarter(10),
                TestVillages.quarter(20));
        second.environment().interfere(second.plan().village().meter(3), 100, 12, TestVillages.quarter(10),
                TestVillages.quarter(20));

        for (int quarter = 1; quarter <= 96; quarter++) {
            first.update(TestVillages.quarter(quarter));
            second.update(TestVillages.quarter(quarter));
            assertThat(second.topology()).isEqualTo(first.topology());
        }
    }

    @Test
    void anotherSeedGivesAnotherMesh() {
        MeshTopology first = TestVillages.started(TestVillages.plan(11, 120)).topology();
        MeshTopology other = TestVillages.started(TestVillages.plan(12, 120)).topology();

        assertThat(other.links()).isNotEqualTo(first.links());
    }

    @Test
    void pastTopologyReplaysExactlyAsItWasLive() {
        MeshPlan plan = TestVillages.plan(11, 120);
        MeshTimeline timeline = new MeshTimeline(plan, TestVillages.START);
        timeline.live().silence(plan.id(5), TestVillages.quarter(30), TestVillages.quarter(300));
        List<MeshTopology> live = new ArrayList<>();
        live.add(timeline.live().topology());

        for (int quarter = 1; quarter <= 3 * 96 + 10; quarter++) {
            timeline.advance(TestVillages.quarter(quarter));
            live.add(timeline.live().topology());
        }

        for (int quarter : new int[] {0, 1, 95, 96, 97, 150, 200, 290, 3 * 96 + 10}) {
            Instant at = TestVillages.quarter(quarter).plus(Duration.ofMinutes(7));
            assertThat(timeline.topologyAt(at)).as("the mesh at quarter %d", quarter).isEqualTo(live.get(quarter));
        }
    }
}
