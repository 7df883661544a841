package io.gridside.console.mesh;

import java.util.Arrays;
import java.util.Map;

/**
 * Where the radios of a scene sit: as a routing tree around the gateway, or as they stand on the ground. Both write
 * the scene's positions in world units and touch nothing else of it.
 */
public final class MeshLayouts {

    /** The world distance between two rings of the radial layout. */
    public static final float RING_GAP = 60;
    /** The least world distance between neighbours on one ring, so that radios on a crowded ring do not overlap. */
    public static final float RING_SPACING = 12;
    private static final double EARTH_RADIUS_M = 6_371_000;

    private MeshLayouts() {
    }

    /**
     * Lays the scene out as its routing tree: {@code root} at the origin, each hop a ring further out, each subtree
     * an angular wedge in proportion to its leaves, so that no two subtrees overlap and a leaf added to one subtree
     * only narrows the others a little. Radios without a route to {@code root} (parent -1 or a parent that leads
     * nowhere) go on a ring of their own, two gaps outside the last, in index order.
     *
     * @param parent each radio's parent by index, -1 for the root and for radios without a route
     */
    public static void radial(MeshScene scene, int[] parent, int root) {
        int n = scene.nodeCount();
        int[][] children = children(parent, n, root);
        int[] order = breadthFirst(children, root, n);
        int[] depth = new int[n];
        Arrays.fill(depth, -1);
        depth[root] = 0;
        int reached = 0;
        while (reached < n && order[reached] >= 0) {
            int node = order[reached++];
            for (int child : children[node]) {
                depth[child] = depth[node] + 1;
            }
        }
        float[] ringRadius = ringRadii(depth, n);
        placeTree(scene, children, order, reached, depth, ringRadius, leaves(children, order, reached, n));
        placeUnrouted(scene, depth, ringRadius[ringRadius.length - 1] + 2 * RING_GAP);
    }

    /**
     * Lays the scene out as the radios stand: an equirectangular projection around the middle of their positions,
     * in metres, east to the right and north up. A radio with no position (NaN, or exactly 0,0, which is what a
     * gateway that never reported one has) is placed at the middle.
     */
    public static void geographic(MeshScene scene, double[] latitude, double[] longitude) {
        int n = scene.nodeCount();
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (known(latitude[i], longitude[i])) {
                minLat = Math.min(minLat, latitude[i]);
                maxLat = Math.max(maxLat, latitude[i]);
                minLon = Math.min(minLon, longitude[i]);
                maxLon = Math.max(maxLon, longitude[i]);
            }
        }
        double centreLat = minLat <= maxLat ? (minLat + maxLat) / 2 : 0;
        double centreLon = minLon <= maxLon ? (minLon + maxLon) / 2 : 0;
        double metresPerDegree = EARTH_RADIUS_M * Math.PI / 180;
        double eastScale = metresPerDegree * Math.cos(Math.toRadians(centreLat));
        for (int i = 0; i < n; i++) {
            if (known(latitude[i], longitude[i])) {
                scene.place(i, (float) ((longitude[i] - centreLon) * eastScale),
                        (float) (-(latitude[i] - centreLat) * metresPerDegree));
            } else {
                scene.place(i, 0, 0);
            }
        }
    }

    /** Puts the radios the technician dragged back where they were left: radio index to {x, y} in world units. */
    public static void applyPinned(MeshScene scene, Map<Integer, float[]> pinned) {
        pinned.forEach((node, position) -> {
            if (node >= 0 && node < scene.nodeCount()) {
                scene.place(node, position[0], position[1]);
            }
        });
    }

    private static boolean known(double latitude, double longitude) {
        return Double.isFinite(latitude) && Double.isFinite(longitude) && (latitude != 0 || longitude != 0);
    }

    private static int[][] children(int[] parent, int n, int root) {
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            if (i != root && parent[i] >= 0 && parent[i] < n && parent[i] != i) {
                counts[parent[i]]++;
            }
        }
        int[][] children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            if (i != root && parent[i] >= 0 && parent[i] < n && parent[i] != i) {
                children[parent[i]][counts[parent[i]]++] = i;
            }
        }
        return children;
    }

    /** The radios reachable from the root, in breadth-first order, padded with -1; a cycle is never entered. */
    private static int[] breadthFirst(int[][] children, int root, int n) {
        int[] order = new int[n];
        Arrays.fill(order, -1);
        boolean[] seen = new boolean[n];
        order[0] = root;
        seen[root] = true;
        int tail = 1;
        for (int head = 0; head < tail; head++) {
            for (int child : children[order[head]]) {
                if (!seen[child]) {
                    seen[child] = true;
                    order[tail++] = child;
                }
            }
        }
        return order;
    }

    /** How many leaves each reached radio's subtree has (a leaf counts itself), children before parents. */
    private static int[] leaves(int[][] children, int[] order, int reached, int n) {
        int[] leaves = new int[n];
        for (int k = reached - 1; k >= 0; k--) {
            int node = order[k];
            int sum = 0;
            for (int child : children[node]) {
                sum += leaves[child];
            }
            leaves[node] = Math.max(1, sum);
        }
        return leaves;
    }

    /** Each ring's radius: a gap past the one inside, or wider where the ring has too many radios for its size. */
    private static float[] ringRadii(int[] depth, int n) {
        int deepest = 0;
        for (int d : depth) {
            deepest = Math.max(deepest, d);
        }
        int[] perRing = new int[deepest + 1];
        for (int d : depth) {
            if (d >= 0) {
                perRing[d]++;
            }
        }
        float[] radius = new float[deepest + 1];
        for (int d = 1; d <= deepest; d++) {
            float crowded = (float) (perRing[d] * RING_SPACING / (2 * Math.PI));
            radius[d] = Math.max(radius[d - 1] + RING_GAP, crowded);
        }
        return radius;
    }

    private static void placeTree(MeshScene scene, int[][] children, int[] order, int reached, int[] depth,
            float[] ringRadius, int[] leaves) {
        double[] start = new double[scene.nodeCount()];
        double[] sweep = new double[scene.nodeCount()];
        int root = order[0];
        sweep[root] = 2 * Math.PI;
        scene.place(root, 0, 0);
        for (int k = 0; k < reached; k++) {
            int node = order[k];
            double at = start[node];
            int total = Math.max(1, sumLeaves(children[node], leaves));
            for (int child : children[node]) {
                start[child] = at;
                sweep[child] = sweep[node] * leaves[child] / total;
                at += sweep[child];
                double angle = start[child] + sweep[child] / 2;
                float r = ringRadius[depth[child]];
                scene.place(child, (float) (r * Math.cos(angle)), (float) (r * Math.sin(angle)));
            }
        }
    }

    private static int sumLeaves(int[] siblings, int[] leaves) {
        int sum = 0;
        for (int sibling : siblings) {
            sum += leaves[sibling];
        }
        return sum;
    }

    private static void placeUnrouted(MeshScene scene, int[] depth, float radius) {
        int count = 0;
        for (int d : depth) {
            if (d < 0) {
                count++;
            }
        }
        float r = Math.max(radius, (float) (count * RING_SPACING / (2 * Math.PI)));
        int k = 0;
        for (int i = 0; i < depth.length; i++) {
            if (depth[i] < 0) {
                double angle = 2 * Math.PI * k++ / count;
                scene.place(i, (float) (r * Math.cos(angle)), (float) (r * Math.sin(angle)));
            }
        }
    }
}
