package io.gridside.sim.rf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Radios bucketed into square cells, so that finding the radios near one looks at a few cells instead of the whole
 * site. Immutable once built.
 */
final class SpatialGrid {

    private final double cellMetres;
    private final RadioNodes nodes;
    /** Radio numbers sorted by cell; each cell's radios are one run of it. */
    private final int[] byCell;
    private final Map<Long, int[]> runs = new HashMap<>();

    /** Buckets radios {@code 0} to {@code count - 1} of {@code nodes}. */
    SpatialGrid(RadioNodes nodes, int count, double cellMetres) {
        this.cellMetres = cellMetres;
        this.nodes = nodes;
        long[] keyed = new long[count];
        for (int node = 0; node < count; node++) {
            keyed[node] = cellOf(nodes.east(node), nodes.north(node)) << 32 | node;
        }
        Arrays.sort(keyed);
        byCell = new int[count];
        int start = 0;
        for (int k = 0; k < count; k++) {
            byCell[k] = (int) keyed[k];
            boolean lastOfCell = k + 1 == count || keyed[k + 1] >>> 32 != keyed[k] >>> 32;
            if (lastOfCell) {
                runs.put(keyed[k] >>> 32, new int[] {start, k + 1});
                start = k + 1;
            }
        }
    }

    /** Calls {@code visit} with every radio within {@code radiusMetres} of radio {@code node}, itself excepted. */
    void forEachNear(int node, double radiusMetres, IntConsumer visit) {
        int reach = (int) Math.ceil(radiusMetres / cellMetres);
        long cx = Math.floorDiv((long) Math.floor(nodes.east(node)), (long) cellMetres);
        long cy = Math.floorDiv((long) Math.floor(nodes.north(node)), (long) cellMetres);
        for (long x = cx - reach; x <= cx + reach; x++) {
            for (long y = cy - reach; y <= cy + reach; y++) {
                int[] run = runs.get(key(x, y));
                if (run != null) {
                    visitRun(node, radiusMetres, run, visit);
                }
            }
        }
    }

    private void visitRun(int node, double radiusMetres, int[] run, IntConsumer visit) {
        for (int k = run[0]; k < run[1]; k++) {
            int other = byCell[k];
            if (other != node && nodes.distance(node, other) <= radiusMetres) {
                visit.accept(other);
            }
        }
    }

    private long cellOf(double east, double north) {
        return key(Math.floorDiv((long) Math.floor(east), (long) cellMetres),
                Math.floorDiv((long) Math.floor(north), (long) cellMetres));
    }

    /** A cell's key, in 31 bits so that it fits above a radio's number. */
    private static long key(long x, long y) {
        return ((x & 0x7FFF) << 16 | (y & 0xFFFF)) & 0x7FFF_FFFFL;
    }
}
