package io.gridside.site.sync;

import io.gridside.site.TopologySnapshot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compact encoding of a mesh topology snapshot that goes up in the readings stream (decision 0061): the nodes'
 * routes always, and the nodes' positions and the links, quantised, only in the first snapshot of a UTC day.
 *
 * <pre>
 *   version   1 byte   1
 *   then raw-deflated:
 *   at        varint seconds since the epoch, varint nanoseconds
 *   gateway   string (varint length, UTF-8)
 *   n         varint nodes; then per node: id string
 *   routes    per node: hops + 1, rank + 1, parent's node index + 1 (0: none; n + 1 and its id's string
 *             for a radio not among the nodes), alternates count, their indexes
 *             + 1 (0 followed by the id's string for a radio that is not among the nodes)
 *   firmware  per node: string, empty when unknown
 *   traffic   per node: packets an hour + 1 (0: unknown)
 *   links     1 byte: 0 = no positions and no links follow, 1 = they follow
 *   position  per node: latitude, longitude in millionths of a degree, zig-zag
 *   m         varint links; then as columns: from index and to index of every link; a byte for each link whose
 *             reverse (the same two radios the other way) comes earlier: 1 when its values are that link's swapped
 *             (forward for reverse), so they are left out; then over the links not left out: forward RSSI in half
 *             dB (zig-zag, less the link before's when that one has the same from and was not left out), reverse
 *             less forward RSSI in half dB (zig-zag), forward and reverse loss (1000 less the PSR in tenths of a
 *             per cent), ETX in hundredths less the one the two PSRs give (100 over their product); then over all
 *             links: last-heard age in seconds, preferred (0/1)
 * </pre>
 *
 * <p>Version 1 (still read) had every link's values, forward RSSI absolute and ETX less 1 in hundredths.
 *
 * <p>What the cloud gets: routes exactly; positions to about 0.1 m; RSSI to 0.5 dB, PSR to 0.1 %, ETX to 0.01,
 * of one snapshot a day.
 */
// KNOWN SHORTCOMING: about 1 byte a reading on a month of 200 meters (every snapshot's routes in full, a day's
// links), above the 0.3 aimed at; routes as changes against the snapshot before in the same batch would take about
// half of the routes' bytes off (measured), which needs the batch to carry its snapshots as one chain.
public final class TopologyCompact {

    private static final int VERSION = 2;
    private static final int MAX_INFLATED = 16 * 1024 * 1024;

    private TopologyCompact() {
    }

    /** The snapshot's compact encoding, with its positions and links when {@code withLinks}. */
    public static byte[] encode(TopologySnapshot snapshot, boolean withLinks) {
        Out out = new Out();
        out.varint(snapshot.at().getEpochSecond());
        out.varint(snapshot.at().getNano());
        out.string(snapshot.gatewayId());
        List<TopologySnapshot.Node> nodes = snapshot.nodes();
        Map<String, Integer> index = new HashMap<>();
        out.varint(nodes.size());
        for (TopologySnapshot.Node node : nodes) {
            index.put(node.id(), index.size());
            out.string(node.id());
        }
        for (TopologySnapshot.Node node : nodes) {
            out.varint(node.hops() + 1L);
            out.varint(node.rank() + 1L);
            Integer parent = node.parentId() == null ? null : index.get(node.parentId());
            out.varint(node.parentId() == null ? 0 : parent == null ? nodes.size() + 1L : parent + 1L);
            if (node.parentId() != null && parent == null) {
                out.string(node.parentId());
            }
            out.varint(node.alternates().size());
            for (String alternate : node.alternates()) {
                Integer at = index.get(alternate);
                out.varint(at == null ? 0 : at + 1L);
                if (at == null) {
                    out.string(alternate);
                }
            }
        }
        nodes.forEach(node -> out.string(node.firmware() == null ? "" : node.firmware()));
        nodes.forEach(node -> out.varint(node.trafficPerHour() + 1));
        out.write(withLinks ? 1 : 0);
        if (withLinks) {
            nodes.forEach(node -> out.zigzag(Math.round(node.latitude() * 1e6)));
            nodes.forEach(node -> out.zigzag(Math.round(node.longitude() * 1e6)));
            links(out, snapshot.links(), index);
        }
        byte[] body = out.toByteArray();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream packed = new ByteArrayOutputStream(body.length / 2 + 64);
            packed.write(VERSION);
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                packed.write(buffer, 0, deflater.deflate(buffer));
            }
            return packed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The snapshot {@link #encode} wrote, its values as quantised; without links (and with positions 0, 0) when they
     * were left out.
     *
     * @throws IllegalArgumentException for bytes that are not such an encoding
     */
    public static TopologySnapshot decode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] < 1 || bytes[0] > VERSION) {
            throw new IllegalArgumentException("a compact topology snapshot begins with version 1 to " + VERSION);
        }
        try {
            In in = new In(inflate(bytes));
            Instant at = Instant.ofEpochSecond(in.varint(), in.varint());
            String gatewayId = in.string();
            int n = in.count();
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = in.string();
            }
            int[] hops = new int[n];
            int[] rank = new int[n];
            String[] parent = new String[n];
            List<List<String>> alternates = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                hops[i] = (int) in.varint() - 1;
                rank[i] = (int) in.varint() - 1;
                long parentIndex = in.varint();
                parent[i] = parentIndex == 0 ? null : parentIndex == n + 1L ? in.string()
                        : ids[Math.toIntExact(Math.min(parentIndex, n + 1L) - 1)];
                int count = in.count();
                List<String> alternate = new ArrayList<>(count);
                for (int k = 0; k < count; k++) {
                    String id = in.node(ids);
                    alternate.add(id == null ? in.string() : id);
                }
                alternates.add(alternate);
            }
            String[] firmware = new String[n];
            for (int i = 0; i < n; i++) {
                String text = in.string();
                firmware[i] = text.isEmpty() ? null : text;
            }
            long[] traffic = new long[n];
            for (int i = 0; i < n; i++) {
                traffic[i] = in.varint() - 1;
            }
            boolean withLinks = in.next() == 1;
            double[] latitude = new double[n];
            double[] longitude = new double[n];
            List<TopologySnapshot.Link> links = new ArrayList<>();
            if (withLinks) {
                for (int i = 0; i < n; i++) {
                    latitude[i] = in.zigzag() / 1e6;
                }
                for (int i = 0; i < n; i++) {
                    longitude[i] = in.zigzag() / 1e6;
                }
                links = bytes[0] == 1 ? linksVersion1(in, ids) : links(in, ids);
            }
            List<TopologySnapshot.Node> nodes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                nodes.add(new TopologySnapshot.Node(ids[i], latitude[i], longitude[i], hops[i], rank[i], parent[i],
                        alternates.get(i), firmware[i], traffic[i]));
            }
            if (!in.atEnd()) {
                throw new IllegalArgumentException("bytes follow the last column");
            }
            return new TopologySnapshot(at, gatewayId, nodes, links);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a compact topology snapshot: " + e.getMessage(), e);
        }
    }

    private static List<TopologySnapshot.Link> linksVersion1(In in, String[] ids) {
        int m = in.count();
        String[] from = new String[m];
        String[] to = new String[m];
        long[][] columns = new long[6][m];
        for (int j = 0; j < m; j++) {
            from[j] = ids[Math.toIntExact(in.varint())];
        }
        for (int j = 0; j < m; j++) {
            to[j] = ids[Math.toIntExact(in.varint())];
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

    /** The links as version 2 writes them: see the class's comment. */
    private static void links(Out out, List<TopologySnapshot.Link> links, Map<String, Integer> index) {
        int m = links.size();
        long[][] values = new long[m][];
        int[] mirror = mirrors(links, index);
        out.varint(m);
        links.forEach(link -> out.varint(index.get(link.from())));
        links.forEach(link -> out.varint(index.get(link.to())));
        boolean[] same = new boolean[m];
        for (int j = 0; j < m; j++) {
            TopologySnapshot.Link link = links.get(j);
            values[j] = new long[] {halfDb(link.forwardRssiDbm()), halfDb(link.reverseRssiDbm()),
                1000 - Math.round(link.forwardPsr() * 1000), 1000 - Math.round(link.reversePsr() * 1000),
                Math.round(link.etx() * 100)};
            if (mirror[j] >= 0) {
                long[] other = values[mirror[j]];
                same[j] = values[j][0] == other[1] && values[j][1] == other[0] && values[j][2] == other[3]
                        && values[j][3] == other[2] && values[j][4] == other[4];
                out.write(same[j] ? 1 : 0);
            }
        }
        for (int j = 0; j < m; j++) {
            if (!same[j]) {
                out.zigzag(values[j][0] - (firstOfItsNode(links, j) || same[j - 1] ? 0 : values[j - 1][0]));
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
                out.zigzag(values[j][4] - expectedEtx(values[j][2], values[j][3]));
            }
        }
        links.forEach(link -> out.varint(link.lastHeardAgeSeconds()));
        links.forEach(link -> out.write(link.preferred() ? 1 : 0));
    }

    private static List<TopologySnapshot.Link> links(In in, String[] ids) {
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
                values[j][4] = in.zigzag() + expectedEtx(values[j][2], values[j][3]);
            }
        }
        for (int j = 0; j < m; j++) {
            if (same[j]) {
                long[] other = values[mirror[j]];
                values[j] = new long[] {other[1], other[0], other[3], other[2], other[4]};
            }
        }
        long[] age = new long[m];
        for (int j = 0; j < m; j++) {
            age[j] = in.varint();
        }
        List<TopologySnapshot.Link> links = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            long[] v = values[j];
            links.add(new TopologySnapshot.Link(ids[from[j]], ids[to[j]], v[0] / 2.0, v[1] / 2.0,
                    (1000 - v[2]) / 1000.0, (1000 - v[3]) / 1000.0, v[4] / 100.0, age[j], in.next() == 1));
        }
        return links;
    }

    private static boolean firstOfItsNode(List<TopologySnapshot.Link> links, int j) {
        return j == 0 || !links.get(j - 1).from().equals(links.get(j).from());
    }

    /** Per link, the index of an earlier link between the same two radios the other way, or -1. */
    private static int[] mirrors(List<TopologySnapshot.Link> links, Map<String, Integer> index) {
        int[] from = new int[links.size()];
        int[] to = new int[links.size()];
        for (int j = 0; j < links.size(); j++) {
            from[j] = index.get(links.get(j).from());
            to[j] = index.get(links.get(j).to());
        }
        return mirrors(from, to, index.size());
    }

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

    /** ETX in hundredths as the two PSRs (1000 less tenths of a per cent) give it: 1 over their product. */
    private static long expectedEtx(long forwardLoss, long reverseLoss) {
        long product = (1000 - forwardLoss) * (1000 - reverseLoss);
        return product <= 0 ? 100 : Math.round(100e6 / product);
    }

    private static long halfDb(double dbm) {
        return Math.round(dbm * 2);
    }

    private static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, 1, bytes.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int length = inflater.inflate(buffer);
                if (length == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("the deflated snapshot is cut short");
                }
                out.write(buffer, 0, length);
                if (out.size() > MAX_INFLATED) {
                    throw new IllegalArgumentException("the snapshot inflates past " + MAX_INFLATED + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("the deflated snapshot is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static final class Out extends ByteArrayOutputStream {

        void varint(long value) {
            long v = value;
            while ((v & ~0x7fL) != 0) {
                write((int) (v & 0x7f) | 0x80);
                v >>>= 7;
            }
            write((int) v);
        }

        void zigzag(long value) {
            varint((value << 1) ^ (value >> 63));
        }

        void string(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            writeBytes(utf8);
        }
    }

    private static final class In {

        private final byte[] bytes;
        private int at;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() {
            if (at >= bytes.length) {
                throw new IllegalArgumentException("the snapshot is cut short");
            }
            return bytes[at++] & 0xff;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a varint runs past 64 bits");
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        int count() {
            long count = varint();
            if (count > bytes.length - at) {
                throw new IllegalArgumentException("a count runs past the snapshot's bytes");
            }
            return (int) count;
        }

        String string() {
            int length = count();
            String text = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        String node(String[] ids) {
            long index = varint();
            if (index > ids.length) {
                throw new IllegalArgumentException("a node index runs past the nodes");
            }
            return index == 0 ? null : ids[(int) index - 1];
        }

        int index(String[] ids) {
            long index = varint();
            if (index >= ids.length) {
                throw new IllegalArgumentException("a node index runs past the nodes");
            }
            return (int) index;
        }

        boolean atEnd() {
            return at == bytes.length;
        }
    }
}
