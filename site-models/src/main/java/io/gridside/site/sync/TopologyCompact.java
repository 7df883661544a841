package io.gridside.site.sync;

import io.gridside.site.TopologySnapshot;
import io.gridside.site.sync.CompactBytes.In;
import io.gridside.site.sync.CompactBytes.Out;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compact encoding of a mesh topology snapshot that goes up in the readings stream (decisions 0061, 0068): every
 * snapshot's routes (hops, rank, parent) exactly; the first snapshot of a UTC day also the alternates, each radio's
 * firmware and traffic, and the quality of every link a radio routes through or could fall back on (its parent's
 * and its alternates', either way); the first of a UTC week instead every link heard and the radios' positions.
 *
 * <pre>
 *   version   1 byte   3
 *   then raw-deflated:
 *   at        varint seconds since the epoch, varint nanoseconds
 *   gateway   string (varint length, UTF-8)
 *   n         varint nodes; then per node: id string
 *   routes    per node: hops + 1, rank + 1, parent's node index + 1 (0: none; n + 1 and its id's string for a
 *             radio not among the nodes)
 *   detail    1 byte: 0 = routes only, 1 = a day's, 2 = a week's
 *   then for a day's or a week's:
 *   fallback  per node: alternates count, their indexes + 1 (0 followed by the id's string for a radio that is not
 *             among the nodes)
 *   firmware  per node: string, empty when unknown
 *   traffic   per node: packets an hour + 1 (0: unknown)
 *   position  a week's only: per node, latitude, then per node longitude, in millionths of a degree, zig-zag
 *   m         varint links; then as columns: from index and to index of every link; a byte for each link whose
 *             reverse (the same two radios the other way) comes earlier: 1 when its values are that link's swapped
 *             (forward for reverse), so they are left out; then over the links not left out: forward RSSI in dB
 *             (zig-zag, less the link before's when that one has the same from and was not left out), reverse less
 *             forward RSSI in dB (zig-zag), forward and reverse loss (1 less the PSR) in half per cents, ETX in
 *             tenths less the one the two PSRs give (1 over their product); then over all links: last heard, in
 *             whole minutes ago, preferred (0/1)
 * </pre>
 *
 * <p>Versions 1 and 2 (still read) sent every snapshot's alternates, firmware and traffic, and every link of the
 * day's first snapshot to half a dB, a tenth of a per cent and a hundredth of ETX.
 *
 * <p>What the cloud gets: routes exactly, four or so times a day; the fallback routes and the quality of the links
 * they use once a day; the whole neighbourhood once a week; RSSI to 1 dB, PSR to half a per cent, ETX to a tenth,
 * positions to about 0.1 m. A day's RSSI of one link moves by about 4 dB from one day to the next on the simulated
 * site, so the rounding loses little that a single sample holds.
 */
public final class TopologyCompact {

    /** How much of a snapshot an encoding carries. */
    public enum Detail {
        /** Routes only: hops, rank and parent of every radio. */
        ROUTES,
        /** The routes, the fallback routes, firmware and traffic, and the links of the routes and fallbacks. */
        DAY,
        /** A day's and the radios' positions, with every link heard instead of the routes' only. */
        WEEK
    }

    private static final int VERSION = 3;
    private static final int MAX_INFLATED = 16 * 1024 * 1024;

    private TopologyCompact() {
    }

    /** The snapshot's compact encoding, carrying {@code detail} of it. */
    public static byte[] encode(TopologySnapshot snapshot, Detail detail) {
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
        }
        out.write(detail.ordinal());
        if (detail != Detail.ROUTES) {
            for (TopologySnapshot.Node node : nodes) {
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
            if (detail == Detail.WEEK) {
                nodes.forEach(node -> out.zigzag(Math.round(node.latitude() * 1e6)));
                nodes.forEach(node -> out.zigzag(Math.round(node.longitude() * 1e6)));
            }
            TopologyLinks.write(out, detail == Detail.WEEK ? snapshot.links() : routeLinks(snapshot), index);
        }
        return pack(out.toByteArray());
    }

    /** The links between a radio and its parent or one of its alternates, either way, in the snapshot's order. */
    static List<TopologySnapshot.Link> routeLinks(TopologySnapshot snapshot) {
        Set<String> pairs = new HashSet<>();
        for (TopologySnapshot.Node node : snapshot.nodes()) {
            if (node.parentId() != null) {
                pairs.add(pair(node.id(), node.parentId()));
            }
            node.alternates().forEach(alternate -> pairs.add(pair(node.id(), alternate)));
        }
        List<TopologySnapshot.Link> links = new ArrayList<>();
        for (TopologySnapshot.Link link : snapshot.links()) {
            if (pairs.contains(pair(link.from(), link.to()))) {
                links.add(link);
            }
        }
        return links;
    }

    private static String pair(String one, String other) {
        return one.compareTo(other) < 0 ? one + '\n' + other : other + '\n' + one;
    }

    private static byte[] pack(byte[] body) {
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
     * The snapshot {@link #encode} wrote, its values as quantised: without alternates, firmware and traffic when it
     * carried routes only, without links when it carried routes only, with the route links only when it carried a
     * day's; positions 0, 0 when it carried no week's. Versions 1 and 2 are read as they were written.
     *
     * @throws IllegalArgumentException for bytes that are not such an encoding
     */
    public static TopologySnapshot decode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] < 1 || bytes[0] > VERSION) {
            throw new IllegalArgumentException("a compact topology snapshot begins with version 1 to " + VERSION);
        }
        int version = bytes[0];
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
                if (version < 3) {
                    alternates.add(alternates(in, ids));
                }
            }
            Detail detail = Detail.WEEK;
            if (version == 3) {
                int code = in.next();
                if (code >= Detail.values().length) {
                    throw new IllegalArgumentException("detail " + code + " is not one of 0 to 2");
                }
                detail = Detail.values()[code];
                for (int i = 0; i < n; i++) {
                    alternates.add(detail == Detail.ROUTES ? List.of() : alternates(in, ids));
                }
            }
            String[] firmware = new String[n];
            long[] traffic = new long[n];
            Arrays.fill(traffic, TopologySnapshot.Node.TRAFFIC_UNKNOWN);
            if (detail != Detail.ROUTES) {
                for (int i = 0; i < n; i++) {
                    String text = in.string();
                    firmware[i] = text.isEmpty() ? null : text;
                }
                for (int i = 0; i < n; i++) {
                    traffic[i] = in.varint() - 1;
                }
            }
            boolean positions = version < 3 ? in.next() == 1 : detail == Detail.WEEK;
            double[] latitude = new double[n];
            double[] longitude = new double[n];
            if (positions) {
                for (int i = 0; i < n; i++) {
                    latitude[i] = in.zigzag() / 1e6;
                }
                for (int i = 0; i < n; i++) {
                    longitude[i] = in.zigzag() / 1e6;
                }
            }
            List<TopologySnapshot.Link> links = links(in, ids, version, version < 3 ? positions
                    : detail != Detail.ROUTES);
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

    private static List<TopologySnapshot.Link> links(In in, String[] ids, int version, boolean carried) {
        if (!carried) {
            return List.of();
        }
        return version == 1 ? TopologyLinks.readVersion1(in, ids)
                : TopologyLinks.read(in, ids, version == 2 ? TopologyLinks.VERSION_2 : TopologyLinks.VERSION_3);
    }

    private static List<String> alternates(In in, String[] ids) {
        int count = in.count();
        List<String> alternate = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String id = in.node(ids);
            alternate.add(id == null ? in.string() : id);
        }
        return alternate;
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
}
