package io.gridside.console.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MeshLayoutsTest {

    /** 0 the gateway; 1 and 2 its children; 3, 4, 5 under 1; 6 under 2; 7 without a route. */
    private static final int[] PARENTS = {-1, 0, 0, 1, 1, 1, 2, -1};

    @Test
    void theGatewayIsInTheMiddleAndEachHopARingFurtherOut() {
        MeshScene scene = new MeshScene(PARENTS.length, 0);

        MeshLayouts.radial(scene, PARENTS, 0);

        assertEquals(0, distance(scene, 0), 1e-3);
        assertEquals(distance(scene, 1), distance(scene, 2), 1e-3);
        for (int node : new int[] {3, 4, 5, 6}) {
            assertEquals(distance(scene, 1) + MeshLayouts.RING_GAP, distance(scene, node), 1e-3);
        }
        assertTrue(distance(scene, 7) > distance(scene, 3) + MeshLayouts.RING_GAP, "the unrouted ring is apart");
    }

    @Test
    void eachSubtreeHasAWedgeInProportionToItsLeaves() {
        MeshScene scene = new MeshScene(PARENTS.length, 0);

        MeshLayouts.radial(scene, PARENTS, 0);

        double[] under1 = {angle(scene, 3), angle(scene, 4), angle(scene, 5)};
        double spread = Math.max(under1[0], Math.max(under1[1], under1[2]))
                - Math.min(under1[0], Math.min(under1[1], under1[2]));
        assertEquals(2 * Math.PI * 2 / 4, spread, 1e-3, "three of four leaves: three quarters, centres half apart");
        assertEquals(angle(scene, 2), angle(scene, 6), 1e-3, "an only child sits on its parent's ray");
        for (double a : under1) {
            assertTrue(a < angle(scene, 6), "the subtrees do not interleave");
        }
    }

    @Test
    void aLeafAddedToOneSubtreeKeepsTheOtherOnItsSide() {
        int[] more = {-1, 0, 0, 1, 1, 1, 2, -1, 2};
        MeshScene before = new MeshScene(PARENTS.length, 0);
        MeshScene after = new MeshScene(more.length, 0);

        MeshLayouts.radial(before, PARENTS, 0);
        MeshLayouts.radial(after, more, 0);

        for (int node : new int[] {1, 3, 4, 5}) {
            assertTrue(Math.abs(angle(before, node) - angle(after, node)) < Math.PI / 3, "radio " + node);
            assertTrue(angle(after, node) < angle(after, 6), "radio " + node + " stays before the grown subtree");
        }
    }

    @Test
    void aParentCycleIsTreatedAsUnrouted() {
        int[] cycle = {-1, 0, 3, 2};
        MeshScene scene = new MeshScene(cycle.length, 0);

        MeshLayouts.radial(scene, cycle, 0);

        assertEquals(MeshLayouts.RING_GAP, distance(scene, 1), 1e-3);
        assertEquals(distance(scene, 2), distance(scene, 3), 1e-3);
        assertTrue(distance(scene, 2) > MeshLayouts.RING_GAP * 2);
    }

    @Test
    void geographicPutsEastRightAndNorthUpInMetres() {
        MeshScene scene = new MeshScene(3, 0);
        double[] latitude = {0.5, 0.5, 0.501};
        double[] longitude = {30, 30.001, 30};

        MeshLayouts.geographic(scene, latitude, longitude);

        float eastMetres = scene.x()[1] - scene.x()[0];
        float northMetres = scene.y()[0] - scene.y()[2];
        assertEquals(111.2, eastMetres, 0.5);
        assertEquals(111.2, northMetres, 0.5);
        assertEquals(0, scene.y()[1] - scene.y()[0], 1e-3);
    }

    @Test
    void pinnedRadiosGoWhereTheyWereLeft() {
        MeshScene scene = new MeshScene(3, 0);
        MeshLayouts.radial(scene, new int[] {-1, 0, 0}, 0);

        MeshLayouts.applyPinned(scene, Map.of(2, new float[] {7, -9}, 9, new float[] {1, 1}));

        assertEquals(7, scene.x()[2]);
        assertEquals(-9, scene.y()[2]);
    }

    private static double distance(MeshScene scene, int node) {
        return Math.hypot(scene.x()[node], scene.y()[node]);
    }

    private static double angle(MeshScene scene, int node) {
        return Math.atan2(scene.y()[node], scene.x()[node]) < 0
                ? Math.atan2(scene.y()[node], scene.x()[node]) + 2 * Math.PI
                : Math.atan2(scene.y()[node], scene.x()[node]);
    }
}
