package io.gridside.console.mesh;

import java.util.Arrays;

/**
 * Which radios the mesh view names: a level of detail, so that text never piles up into an unreadable grey.
 *
 * <p>No label shows while radios are too small on screen to tell apart. Once they are large enough, every labelled
 * radio on screen is named if there are at most {@link #CAP}; past that, only the gateway and the radios chosen or
 * pointed at are, up to the same cap. A dimmed radio is never named.
 */
final class MeshLabels {

    /** At most this many labels at once. */
    static final int CAP = 300;
    /** Labels show once a radio's radius on screen is at least this many pixels. */
    static final double READABLE_RADIUS = 4;

    private MeshLabels() {
    }

    /** The radios to name in a {@code width} by {@code height} view, by index. */
    static int[] pick(MeshScene scene, Viewport viewport, int width, int height) {
        if (MeshRenderer.nodeRadius(viewport) < READABLE_RADIUS) {
            return new int[0];
        }
        String[] text = scene.labels();
        int[] flags = scene.nodeFlags();
        int[] all = new int[CAP];
        int[] marked = new int[CAP];
        int count = 0;
        int markedCount = 0;
        for (int i = 0; i < scene.nodeCount(); i++) {
            if (text[i] == null || (flags[i] & MeshScene.DIMMED) != 0 || !onScreen(scene, viewport, i, width, height)) {
                continue;
            }
            boolean pointed = (flags[i] & (MeshScene.SELECTED | MeshScene.HIGHLIGHTED | MeshScene.ROOT)) != 0;
            if (pointed && markedCount < CAP) {
                marked[markedCount++] = i;
            }
            if (count < CAP) {
                all[count] = i;
            }
            count++;
        }
        return count <= CAP ? Arrays.copyOf(all, count) : Arrays.copyOf(marked, markedCount);
    }

    private static boolean onScreen(MeshScene scene, Viewport viewport, int node, int width, int height) {
        double x = viewport.toScreenX(scene.x()[node]);
        double y = viewport.toScreenY(scene.y()[node]);
        return x >= 0 && y >= 0 && x < width && y < height;
    }
}
