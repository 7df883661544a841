package io.gridside.site.mesh;

import io.gridside.site.TopologySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mesh at one moment as a graph with numbered radios, the gateway first, and every neighbour-table entry as a
 * directed link: what the mesh view draws and what its answers are computed on.
 *
 * <p>A graph may also carry what earlier snapshots knew and this one does not: a link no longer in any neighbour
 * table, a parent a meter has since left, a meter the gateway no longer lists. Those are kept with their last
 * measures and marked stale, with the age of their last observation counted to this graph's moment, so that a
 * meter which went silent still shows where it last sat.
 */
public final class MeshGraph {

    private final Instant at;
    private final List<TopologySnapshot.Node> nodes;
    private final Map<String, Integer> indexes;
    private final boolean[] staleNode;
    private final int[] parents;
    /**
     * The links by column rather than as one object each: a 5,000-meter mesh has about 200,000, and a record per
     * link for the graph's lifetime cost more than its measures. {@link #link} makes the record when asked.
     */
    private final int[] linkFrom;
    private final int[] linkTo;
    private final TopologySnapshot.Link[] measures;
    private final long[] ageSeconds;
    private final boolean[] staleLink;
    private final int[][] linksOfNode;

    private MeshGraph(Instant at, List<TopologySnapshot.Node> nodes, boolean[] staleNode, List<Link> links) {
        this.at = at;
        this.nodes = List.copyOf(nodes);
        this.staleNode = staleNode;
        this.indexes = new HashMap<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) {
            indexes.put(nodes.get(i).id(), i);
        }
        this.parents = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            String parent = nodes.get(i).parentId();
            parents[i] = parent == null ? -1 : indexes.getOrDefault(parent, -1);
        }
        int count = links.size();
        this.linkFrom = new int[count];
        this.linkTo = new int[count];
        this.measures = new TopologySnapshot.Link[count];
        this.ageSeconds = new long[count];
        this.staleLink = new boolean[count];
        for (int l = 0; l < count; l++) {
            Link link = links.get(l);
            linkFrom[l] = link.from();
            linkTo[l] = link.to();
            measures[l] = sharingIds(link.measures(), this.nodes.get(link.from()).id(),
                    this.nodes.get(link.to()).id());
            ageSeconds[l] = link.ageSeconds();
            staleLink[l] = link.stale();
        }
        this.linksOfNode = incidence(nodes.size(), linkFrom, linkTo);
    }

    /**
     * A link of the graph: radio {@code from}'s neighbour-table entry for radio {@code to}, by index.
     *
     * @param measures the entry as its snapshot had it
     * @param ageSeconds how long before the graph's moment the link was last heard, or -1 if it never was
     * @param stale whether only an earlier snapshot than the graph's knows the link
     */
    public record Link(int from, int to, TopologySnapshot.Link measures, long ageSeconds, boolean stale) {

        public Link {
            Objects.requireNonNull(measures, "measures");
        }
    }

    /** The graph of one snapshot, with nothing from the past. */
    public static MeshGraph of(TopologySnapshot now) {
        return of(now, List.of());
    }

    /**
     * The graph of {@code now}, with what the earlier snapshots knew and {@code now} does not added as stale: the
     * latest earlier observation of each link and meter wins. Snapshots later than {@code now} are ignored.
     */
    public static MeshGraph of(TopologySnapshot now, List<TopologySnapshot> past) {
        List<TopologySnapshot> earlier = new ArrayList<>(past.stream()
                .filter(snapshot -> snapshot.at().isBefore(now.at()) && snapshot.gatewayId().equals(now.gatewayId()))
                .toList());
        earlier.sort(Comparator.comparing(TopologySnapshot::at).reversed());

        Map<String, TopologySnapshot.Node> nodes = new LinkedHashMap<>();
        Map<String, Boolean> stale = new HashMap<>();
        nodes.put(now.gatewayId(), gatewayNode(now));
        now.nodes().forEach(node -> nodes.putIfAbsent(node.id(), node));
        nodes.keySet().forEach(id -> stale.put(id, false));
        for (TopologySnapshot snapshot : earlier) {
            for (TopologySnapshot.Node node : snapshot.nodes()) {
                if (nodes.putIfAbsent(node.id(), unrouted(node)) == null) {
                    stale.put(node.id(), true);
                }
            }
        }

        List<TopologySnapshot.Node> ordered = new ArrayList<>(nodes.values());
        boolean[] staleNode = new boolean[ordered.size()];
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            indexes.put(ordered.get(i).id(), i);
            staleNode[i] = stale.get(ordered.get(i).id());
        }
        return new MeshGraph(now.at(), ordered, staleNode, links(now, earlier, indexes));
    }

    /**
     * The graph of a mesh rebuilt from the history by day, which follows only routes, with the neighbour tables of
     * the latest full snapshot before it carried forward: each entry {@code routes} lacks is added as current, aged
     * by the time between the two, except a former route, which {@code past} shows stale if it holds that snapshot;
     * and each meter takes that snapshot's alternate parents
     * other than its parent now. Without them every meter would have one link, its route, and every relay would look
     * like a single point of failure; with them the answers are those of the tables last seen, which is the best the
     * console knows between pulls. A meter without a route now is likely down: no entry to or from it is carried.
     * Tables of the same moment as the routes (the day's first mesh) are carried whole.
     */
    public static MeshGraph ofRoutes(TopologySnapshot routes, TopologySnapshot tables, List<TopologySnapshot> past) {
        if (tables.at().isAfter(routes.at())) {
            return of(routes, past);
        }
        long gap = Duration.between(tables.at(), routes.at()).toSeconds();
        Map<String, TopologySnapshot.Node> seen = new HashMap<>();
        tables.nodes().forEach(node -> seen.put(node.id(), node));
        List<TopologySnapshot.Node> nodes = new ArrayList<>();
        Map<String, Boolean> ids = new HashMap<>();
        for (TopologySnapshot.Node node : routes.nodes()) {
            // A meter that has lost its route since is likely down: nothing is carried to or from it.
            if (node.routed()) {
                ids.put(node.id(), true);
            }
            TopologySnapshot.Node before = seen.get(node.id());
            List<String> alternates = before == null || !node.alternates().isEmpty() || !node.routed()
                    ? node.alternates()
                    : before.alternates().stream().filter(id -> !id.equals(node.parentId())).toList();
            nodes.add(new TopologySnapshot.Node(node.id(), node.latitude(), node.longitude(), node.hops(),
                    node.rank(), node.parentId(), alternates, node.firmware(), node.trafficPerHour()));
        }
        List<TopologySnapshot.Link> links = new ArrayList<>(routes.links());
        Map<String, Boolean> held = new HashMap<>();
        routes.links().forEach(link -> held.put(key(link), true));
        for (TopologySnapshot.Link link : tables.links()) {
            // A former route is left to the past, which marks it stale: a parent the meter has since left.
            if (link.preferred() || held.containsKey(key(link)) || !ids.containsKey(link.from())
                    || !ids.containsKey(link.to())) {
                continue;
            }
            long age = link.lastHeardAgeSeconds() < 0 ? -1 : link.lastHeardAgeSeconds() + gap;
            links.add(new TopologySnapshot.Link(link.from(), link.to(), link.forwardRssiDbm(), link.reverseRssiDbm(),
                    link.forwardPsr(), link.reversePsr(), link.etx(), age, false));
        }
        return of(new TopologySnapshot(routes.at(), routes.gatewayId(), nodes, links), past);
    }

    /** When the graph's snapshot was taken. */
    public Instant at() {
        return at;
    }

    /** How many radios the graph has, the gateway included. */
    public int nodeCount() {
        return nodes.size();
    }

    /** The index of the gateway, the mesh's root: always 0. */
    public int gateway() {
        return 0;
    }

    /** The radio at {@code index}, as its latest snapshot had it (a stale meter is shown without a route). */
    public TopologySnapshot.Node node(int index) {
        return nodes.get(index);
    }

    /** The id of the radio at {@code index}. */
    public String nodeId(int index) {
        return nodes.get(index).id();
    }

    /** The index of the radio with this id, or -1 when the graph does not have it. */
    public int indexOf(String id) {
        return indexes.getOrDefault(id, -1);
    }

    /** Whether only an earlier snapshot knows the radio: the gateway no longer lists it. */
    public boolean staleNode(int index) {
        return staleNode[index];
    }

    /** The index of the radio's preferred parent now, or -1 for the gateway and for a meter without a route. */
    public int parent(int index) {
        return parents[index];
    }

    /** How many links the graph has, stale ones included. */
    public int linkCount() {
        return linkFrom.length;
    }

    /** The link at {@code index}. */
    public Link link(int index) {
        return new Link(linkFrom[index], linkTo[index], measures[index], ageSeconds[index], staleLink[index]);
    }

    /** Every link, stale ones after the current ones: a view that makes each link's record as it is read. */
    public List<Link> links() {
        return new AbstractList<>() {
            @Override
            public Link get(int index) {
                return link(index);
            }

            @Override
            public int size() {
                return linkCount();
            }
        };
    }

    /**
     * Whether the link is one its meter routes over or would fall back to: the link to its preferred parent or to
     * one of its alternate parents. The other neighbour-table entries are heard but carry nothing.
     */
    public boolean onRoute(int link) {
        return measures[link].preferred()
                || nodes.get(linkFrom[link]).alternates().contains(nodes.get(linkTo[link]).id());
    }

    /** The indexes of the links that start or end at the radio, in link order. */
    public int[] linksOf(int node) {
        return linksOfNode[node].clone();
    }

    private static TopologySnapshot.Node gatewayNode(TopologySnapshot now) {
        return now.nodes().stream().filter(node -> node.id().equals(now.gatewayId())).findFirst()
                .orElse(new TopologySnapshot.Node(now.gatewayId(), 0, 0, 0, 0, null, List.of()));
    }

    private static TopologySnapshot.Node unrouted(TopologySnapshot.Node node) {
        if (node.hops() == 0) {
            return node;
        }
        return new TopologySnapshot.Node(node.id(), node.latitude(), node.longitude(), -1, -1, null, List.of());
    }

    private static List<Link> links(TopologySnapshot now, List<TopologySnapshot> earlier,
            Map<String, Integer> indexes) {
        List<Link> links = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (TopologySnapshot.Link link : now.links()) {
            if (seen.putIfAbsent(key(link), true) == null) {
                links.add(new Link(indexes.get(link.from()), indexes.get(link.to()), link, link.lastHeardAgeSeconds(),
                        false));
            }
        }
        for (TopologySnapshot snapshot : earlier) {
            long since = Duration.between(snapshot.at(), now.at()).toSeconds();
            for (TopologySnapshot.Link link : snapshot.links()) {
                if (seen.putIfAbsent(key(link), true) == null) {
                    long age = link.lastHeardAgeSeconds() < 0 ? -1 : link.lastHeardAgeSeconds() + since;
                    links.add(new Link(indexes.get(link.from()), indexes.get(link.to()), link, age, true));
                }
            }
        }
        return Collections.unmodifiableList(links);
    }

    private static String key(TopologySnapshot.Link link) {
        return link.from() + '\u0000' + link.to();
    }

    /**
     * The link's measures with its ends named by the very strings the graph's radios hold: read from the store or
     * rebuilt from the history by day, every link carries its own two copies of its ends' ids, which for 200,000
     * links were most of the strings of the console's heap. The link itself when it holds those strings already.
     */
    private static TopologySnapshot.Link sharingIds(TopologySnapshot.Link link, String from, String to) {
        if (link.from() == from && link.to() == to) {
            return link;
        }
        return new TopologySnapshot.Link(from, to, link.forwardRssiDbm(), link.reverseRssiDbm(), link.forwardPsr(),
                link.reversePsr(), link.etx(), link.lastHeardAgeSeconds(), link.preferred());
    }

    private static int[][] incidence(int nodeCount, int[] from, int[] to) {
        int[] counts = new int[nodeCount];
        for (int l = 0; l < from.length; l++) {
            counts[from[l]]++;
            counts[to[l]]++;
        }
        int[][] incidence = new int[nodeCount][];
        for (int i = 0; i < nodeCount; i++) {
            incidence[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int l = 0; l < from.length; l++) {
            incidence[from[l]][counts[from[l]]++] = l;
            incidence[to[l]][counts[to[l]]++] = l;
        }
        return incidence;
    }
}
