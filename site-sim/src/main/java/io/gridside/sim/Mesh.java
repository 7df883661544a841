package io.gridside.sim;

import io.gridside.site.Meter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A first RF mesh: meters placed in clusters around the gateway, each routed through the parent that gives
 * it the fewest hops with a usable link, strongest signal first.
 *
 * <p>Signal follows log-distance path loss at 868 MHz with per-link log-normal shadowing. The same link is
 * modelled the same way in both directions for now; asymmetric links and rerouting come with the full mesh.
 */
final class Mesh {

    private static final double TX_DBM = 14;
    private static final double LOSS_AT_1M_DB = 31;
    private static final double PATH_LOSS_EXPONENT = 3.0;
    private static final double SHADOWING_SIGMA_DB = 4;
    /** The weakest signal a parent link may have. */
    private static final double USABLE_DBM = -97;

    private Mesh() {
    }

    static List<Meter> build(long seed, int count, String gatewayId) {
        double[][] positions = place(seed, count);
        int[] hops = new int[count];
        int[] parent = new int[count];
        double[] rssi = new double[count];
        java.util.Arrays.fill(hops, Integer.MAX_VALUE);
        for (int i = 0; i < count; i++) {
            rssi[i] = signal(seed, -1, i, distance(0, 0, positions[i][0], positions[i][1]));
            if (rssi[i] >= USABLE_DBM) {
                hops[i] = 1;
                parent[i] = -1;
            }
        }
        routeOutward(seed, positions, hops, parent, rssi);
        List<Meter> meters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String parentId = parent[i] < 0 ? gatewayId : SiteGenerator.meterId(parent[i]);
            meters.add(new Meter(SiteGenerator.meterId(i), serial(seed, i), SiteGenerator.customerId(i), parentId,
                    (int) Math.round(Math.max(-120, Math.min(-30, rssi[i])))));
        }
        return meters;
    }

    /** Adds hop after hop until no meter can improve; a meter nobody reaches keeps its weak direct link. */
    private static void routeOutward(long seed, double[][] positions, int[] hops, int[] parent, double[] rssi) {
        int count = hops.length;
        for (int hop = 1; hop < 16; hop++) {
            boolean changed = false;
            for (int i = 0; i < count; i++) {
                if (hops[i] <= hop) {
                    continue;
                }
                for (int j = 0; j < count; j++) {
                    if (hops[j] != hop) {
                        continue;
                    }
                    double d = distance(positions[i][0], positions[i][1], positions[j][0], positions[j][1]);
                    double s = signal(seed, Math.min(i, j), Math.max(i, j), d);
                    if (s >= USABLE_DBM && (hops[i] > hop + 1 || s > rssi[i])) {
                        hops[i] = hop + 1;
                        parent[i] = j;
                        rssi[i] = s;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    /** Houses in a few clusters along the roads out of the village centre, in metres from the gateway. */
    private static double[][] place(long seed, int count) {
        int clusters = Math.max(1, count / 15);
        double[][] centres = new double[clusters][2];
        for (int c = 0; c < clusters; c++) {
            double angle = Noise.between(0, 2 * Math.PI, seed, c, 61);
            double radius = c == 0 ? 60 : Noise.between(150, 200 + 40.0 * Math.sqrt(clusters), seed, c, 62);
            centres[c][0] = radius * Math.cos(angle);
            centres[c][1] = radius * Math.sin(angle);
        }
        double[][] positions = new double[count][2];
        for (int i = 0; i < count; i++) {
            double[] centre = centres[(int) Long.remainderUnsigned(Noise.hash(seed, i, 63), clusters)];
            positions[i][0] = centre[0] + 45 * Noise.gaussian(seed, i, 64);
            positions[i][1] = centre[1] + 45 * Noise.gaussian(seed, i, 65);
        }
        return positions;
    }

    private static double signal(long seed, int a, int b, double metres) {
        double loss = LOSS_AT_1M_DB + 10 * PATH_LOSS_EXPONENT * Math.log10(Math.max(metres, 1));
        return TX_DBM - loss + SHADOWING_SIGMA_DB * Noise.gaussian(seed, a, b, 71);
    }

    private static double distance(double x1, double y1, double x2, double y2) {
        return Math.hypot(x1 - x2, y1 - y2);
    }

    private static String serial(long seed, int index) {
        return String.format(Locale.ROOT, "SM%04d%05d", Math.floorMod(seed, 10_000), index + 1);
    }
}
