package io.gridside.sim.rf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A repeater that goes quiet and comes back, in a hamlet laid out by hand: two repeaters side by side out from the
 * gateway, one meter beyond them that hears both, and one further out that hears only the repeater it routes
 * through.
 */
class MeshRejoinTest {

    private static final MeshPlan PLAN = MeshPlan.build(4, new VillageMap(
            new LocalFrame(new GeoPoint(-0.68, 34.55)), new double[] {200, 200, 380, 360},
            new double[] {50, -50, 0, 220}, new double[] {50, 50, 10}), List.of("R", "S", "NEAR", "FAR"), "GW");
    private static final int NEAR = 2;
    private static final int FAR = 3;

    @Test
    void aSilentRepeatersChildrenReParentWhereTheyCanAndTheOneWithNoOtherParentGoesDark() {
        MeshNetwork network = TestVillages.started(PLAN);
        assertThat(network.routeParentId(NEAR)).isEqualTo("S");
        assertThat(network.routeParentId(FAR)).isEqualTo("S");

        network.silence("S", TestVillages.quarter(1), TestVillages.quarter(20));
        network.update(TestVillages.quarter(1));
        network.update(TestVillages.quarter(2));

        assertThat(network.routeParentId(NEAR)).isEqualTo("R");
        assertThat(network.routeParentId(FAR)).isNull();
        assertThat(network.parentId(FAR)).as("the parent it lost its route through").isEqualTo("S");
    }

    @Test
    void aRadioBackFromSilenceRejoinsAtTheNextUpdateAndRelaysOnlyFromTheOneAfter() {
        MeshNetwork network = TestVillages.started(PLAN);
        network.silence("S", TestVillages.quarter(1), TestVillages.quarter(3));
        network.update(TestVillages.quarter(1));
        network.update(TestVillages.quarter(2));
        assertThat(network.hops(1)).isNegative();

        network.update(TestVillages.quarter(3));
        assertThat(network.routeParentId(1)).as("S rejoins").isEqualTo("GW");
        assertThat(network.routeParentId(FAR)).as("S does not relay in the round it rejoins").isNull();

        network.update(TestVillages.quarter(4));
        assertThat(network.routeParentId(FAR)).isEqualTo("S");
    }
}
