package io.gridside.console.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MeshLabelsTest {

    @Test
    void noLabelWhileRadiosAreTooSmallToTellApart() {
        MeshScene scene = grid(10);
        Viewport far = new Viewport();
        far.set(0, 0, 0.5);

        assertEquals(0, MeshLabels.pick(scene, far, 1000, 1000).length);
    }

    @Test
    void everyLabelledRadioOnScreenIsNamedWhenFewAreShown() {
        MeshScene scene = grid(10);
        scene.setNode(3, 0, 0, null);
        scene.setNode(4, 0, MeshScene.DIMMED, "dimmed");
        Viewport near = new Viewport();
        near.set(0, 0, 2);

        int[] named = MeshLabels.pick(scene, near, 100, 1000);

        assertArrayEquals(new int[] {0, 1, 2, 5, 6, 7, 8, 9, 10, 11}, java.util.Arrays.copyOf(named, 10));
        assertEquals(18, named.length, "two columns of ten on screen, the unlabelled and dimmed ones left out");
    }

    @Test
    void pastTheCapOnlyTheGatewayAndTheRadiosPointedAtAreNamed() {
        MeshScene scene = grid(40);
        scene.setNode(0, 0, MeshScene.ROOT, "gateway");
        scene.setNode(45, 0, MeshScene.SELECTED, "chosen");
        scene.setNode(500, 0, MeshScene.HIGHLIGHTED, "found");
        scene.setNode(1599, 0, MeshScene.SELECTED, "chosen but off screen");
        Viewport near = new Viewport();
        near.set(0, 0, 2);

        assertArrayEquals(new int[] {0, 45, 500}, MeshLabels.pick(scene, near, 2000, 2000));
    }

    /** A side by side square of radios 40 world units apart, each labelled. */
    private static MeshScene grid(int side) {
        MeshScene scene = new MeshScene(side * side, 0);
        for (int i = 0; i < side * side; i++) {
            scene.place(i, 40 * (i / side), 40 * (i % side));
            scene.setNode(i, 0xff000000, 0, "radio " + i);
        }
        return scene;
    }
}
