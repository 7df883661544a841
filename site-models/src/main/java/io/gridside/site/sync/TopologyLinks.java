package io.gridside.site.sync;

import io.gridside.site.TopologySnapshot;
import io.gridside.site.sync.CompactBytes.In;
import io.gridside.site.sync.CompactBytes.Out;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The links of a compact topology snapshot as columns (see {@link TopologyCompact}): written in version 3's units,
 * read in version 3's or in the finer units of version 2, and version 1's plain columns read.
 */
final class TopologyLinks {

    /**
     * The units a version writes link values in, as how many make one of the value's own.
     *
     * @param rssi   steps per dB
     * @param loss   steps of lost packets per whole (1 less the PSR)
     * @param etx    steps per unit of ETX
     * @param heard  seconds per step of the last-heard age
     */
    record Units(int rssi, int loss, int etx, int heard) {
    }

    /** Version 2: half a dB, a tenth of a per cent, a hundredth of ETX, seconds. */
    static final Units VERSION_2 = new Units(2, 1000, 100, 1);
    /** Version 3: a dB, half a per cent, a tenth of ETX, minutes. */
    static final Units VERSION_3 = new Units(1, 200, 10, 60);

    private TopologyLinks() {
    }

    /** Writes {@code links} in version 3's units; {@code index} gives each radio's place among the nodes. */
    static void write(Out out, List<TopologySnapshot.Link> links, Map<String, Integer> index) {
        Units units = VERSION_3;
        int m = links.size();
        int[] from = new int[m];
        int[] to = new int[m];
        for (int j = 0; j < m; j++) {
            from[j] = index.get(links.get(j).from());
            to[j] = index.get(links.get(j).to());
        }
        int[] mirror = mirrors(from, to, index.size());
        out.varint(m);
        for (int j = 0; j < m; j++) {
            out.varint(from[j]);
        }
        for (int j = 0; j < m; j++) {
            out.varint(to[j]);
        }
        long[][] values = new long[m][];
        boolean[] same = new boolean[m];
        for (int j = 0; j < m; j++) {
            TopologySnapshot.Link link = links.get(j);
            values[j] = new long[] {Math.round(link.forwardRssiDbm() * units.rssi()),
                Math.round(link.reverseRssiDbm() * units.rssi()), Math.round((1 - link.forwardPsr()) * units.loss()),
                Math.round((1 - link.reversePsr()) * units.loss()), Math.round(link.etx() * units.etx())};
            if (mirror[j] >= 0) {
                long[] other = values[mirror[j]];
                same[j] = values[j][0] == other[1] && values[j][1] == other[0] && values[j][2] == other[3]
                        && values[j][3] == other[2] && values[j][4] == other[4];
                out.write(same[j] ? 1 : 0);
            }
        }
        for (int j = 0; j < m; j++) {
            if (!same[j]) {
                boolean afresh = j == 0 || from[j - 1] != from[j] || same[j - 1];
                out.zigzag(values[j][0] - (afresh ? 0 : values[j - 1][0]));
            }
        }
        for (int j = 0; j < m; j++) {
            if (!same[j]) {
                out.zigzag(values[j][1] - values[j][0]);
            }
        }
        for (int c = 2; c < 4; c++) {
            for (int j = 0; j < m; j++) {
                if (!same[j]) {
                    out.zigzag(values[j][c]);
                }
            }
        }
        for (int j = 0; j < m; j++) {
            if (!same[j]) {
                out.zigzag(values[j][4] - expectedEtx(values[j][2], values[j][3], units));
            }
        }
        links.forEach(link -> out.varint(Math.round((double) link.lastHeardAgeSeconds() / units.heard())));
        links.forEach(link -> out.write(link.preferred() ? 1 : 0));
    }

    /** Reads links written as {@link #write} writes them, in {@code units}. */
    static List<TopologySnapshot.Link> read(In in, String[] ids, Units units) {
        int m = in.count();
        int[] from = new int[m];
        int[] to = new int[m];
        for (int j = 0; j < m; j++) {
            from[j] = in.index(ids);
        }
        for (int j = 0; j < m; j++) {
            to[j] = in.index(ids);
        }
        int[] mirror = mirrors(from, to, ids.length);
        boolean[] same = new boolean[m];
        for (int j = 0; j < m; j++) {
            same[j] = mirror[j] >= 0 && in.next() == 1;
        }
        long[][] values = new long[m][5];
        for (int j = 0; j < m; j++) {
            if (!same[j]) {
                boolean afresh = j == 0 || from[j - 1] != from[j] || same[j - 1];
                values[j][0] = in.zigzag() + (afresh ? 0 : values[j - 1][0]);
            }
        }
        for (int c = 1; c < 4; c++) {
            for (int j = 0; j < m; j++) {
                if (!same[j]) {
                    values[j][c] = in.zigzag() + (c == 1 ? values[j][0] : 0);
                }
            }
        }
        for (int j = 0; j < m; j++) {
            if (!same[j]) {
                values[j][4] = in.zigzag() + expectedEtx(values[j][2], values[j][3], units);
            }
        }
        for (int j = 0; j < m; j++) {
            if (same[j]) {
                long[] other = values[mirror[j]];
                values[j] = new long[] {other[1], other[0], other[3], other[2], other[4]};
            }
        }
        long[] heard = new long[m];
        for (int j = 0; j < m; j++) {
            heard[j] = in.varint() * units.heard();
        }
        List<TopologySnapshot.Link> links = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            long[] v = values[j];
            links.add(new TopologySnapshot.Link(ids[from[j]], ids[to[j]], (double) v[0] / units.rssi(),
                    (double) v[1] / units.rssi(), (double) (units.loss() - v[2]) / units.loss(),
                    (double) (units.loss() - v[3]) / units.loss(),
                    (double) v[4] / units.etx(), heard[j], in.next() == 1));
        }
        return links;
    }

    /** Reads version 1's links: every value of every link, forward RSSI absolute, ETX less 1 in hundredths. */
    static List<TopologySnapshot.Link> readVersion1(In in, String[] ids) {
        int m = in.count();
        String[] from = new String[m];
        String[] to = new String[m];
        long[][] columns = new long[6][m];
        for (int j = 0; j < m; j++) {
            from[j] = ids[in.index(ids)];
        }
        for (int j = 0; j < m; j++) {
            to[j] = ids[in.index(ids)];
        }
        for (int c = 0; c < 5; c++) {
            for (int j = 0; j < m; j++) {
                columns[c][j] = in.zigzag();
            }
        }
        for (int j = 0; j < m; j++) {
            columns[5][j] = in.varint();
        }
        List<TopologySnapshot.Link> links = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            long forward = columns[0][j];
            links.add(new TopologySnapshot.Link(from[j], to[j], forward / 2.0, (forward + columns[1][j]) / 2.0,
                    (1000 - columns[2][j]) / 1000.0, (1000 - columns[3][j]) / 1000.0, (columns[4][j] + 100) / 100.0,
                    columns[5][j], in.next() == 1));
        }
        return links;
    }

    /** Per link, the index of an earlier link between the same two radios the other way, or -1. */
    private static int[] mirrors(int[] from, int[] to, int n) {
        Map<Long, Integer> seen = new HashMap<>();
        int[] mirror = new int[from.length];
        for (int j = 0; j < from.length; j++) {
            Integer earlier = seen.get((long) to[j] * n + from[j]);
            mirror[j] = earlier == null ? -1 : earlier;
            seen.putIfAbsent((long) from[j] * n + to[j], j);
        }
        return mirror;
    }

    /** ETX in {@code units} as the two losses (in {@code units}) give it: 1 over the product of the PSRs. */
    private static long expectedEtx(long forwardLoss, long reverseLoss, Units units) {
        long product = (units.loss() - forwardLoss) * (units.loss() - reverseLoss);
        return product <= 0 ? units.etx() : Math.round((double) units.etx() * units.loss() * units.loss() / product);
    }
}
