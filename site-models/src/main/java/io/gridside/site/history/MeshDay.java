package io.gridside.site.history;

import io.gridside.site.TopologySnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One site day of the mesh's history: the whole mesh at the day's first moment, and after it, for every quarter-hour
 * update of the routing, the routes that changed and new samples of the links in use. That is enough to rebuild
 * every quarter hour's tree and the quality of the links it routes over, offline, at a fraction of a snapshot per
 * quarter hour.
 *
 * <p>Links in use are the preferred ones: each routed meter's link to its parent. A step samples such a link when
 * its meter took a new parent or when its measures changed at the history's resolution (see {@link LinkSample}),
 * so a steady link costs nothing after the day's start. The other neighbour-table entries are held only at the
 * start; the history does not follow them, nor the alternate parents, which a rebuilt mesh leaves out.
 *
 * @param day the site day, in the site's time zone
 * @param gatewayId the gateway, the mesh's root
 * @param start the mesh at the day's first moment the gateway holds, at the history's resolution
 * @param steps the updates after the start, in time order, one per quarter hour, changed or not
 */
public record MeshDay(LocalDate day, String gatewayId, TopologySnapshot start, List<Step> steps) {

    public MeshDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(start, "start");
        steps = List.copyOf(steps);
        Instant last = start.at();
        for (Step step : steps) {
            if (!step.at().isAfter(last)) {
                throw new IllegalArgumentException("steps must follow the start and each other in time, but "
                        + step.at() + " comes after " + last);
            }
            last = step.at();
        }
    }

    /**
     * One quarter-hour update of the routing.
     *
     * @param at when the update ran
     * @param routes the meters whose parent, rank or hops changed, with their new route
     * @param samples the links in use whose meter took a new parent or whose measures changed
     */
    public record Step(Instant at, List<RouteChange> routes, List<LinkSample> samples) {

        public Step {
            Objects.requireNonNull(at, "at");
            routes = List.copyOf(routes);
            samples = List.copyOf(samples);
        }
    }

    /**
     * A meter's new route: its parent, and what the link to that parent adds to the parent's rank. Hops and rank
     * follow from the routes of the meter's ancestors, so a change near the gateway costs one route, not one for
     * each meter beneath it.
     *
     * @param nodeId the meter
     * @param parentId its new parent, or null when it lost its route
     * @param rankIncrease its rank less its parent's, 0 without a route
     */
    public record RouteChange(String nodeId, String parentId, int rankIncrease) {

        public RouteChange {
            Objects.requireNonNull(nodeId, "nodeId");
        }
    }

    /**
     * A link's measures at the history's resolution: signal in whole dBm, packet success in thousandths, ETX in
     * hundredths and the age in seconds. Coarser than a snapshot, so that a link's slow drift does not cost a
     * sample every quarter hour.
     *
     * @param from the meter whose neighbour-table entry this is
     * @param to the neighbour; for a link in use, the meter's parent
     */
    public record LinkSample(String from, String to, int forwardRssiDbm, int reverseRssiDbm, int forwardPsrPerMille,
            int reversePsrPerMille, int etxHundredths, long lastHeardAgeSeconds) {

        public LinkSample {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** The link's measures rounded to the history's resolution. */
        public static LinkSample of(TopologySnapshot.Link link) {
            return new LinkSample(link.from(), link.to(), (int) Math.round(link.forwardRssiDbm()),
                    (int) Math.round(link.reverseRssiDbm()), (int) Math.round(link.forwardPsr() * 1000),
                    (int) Math.round(link.reversePsr() * 1000), (int) Math.round(link.etx() * 100),
                    link.lastHeardAgeSeconds());
        }

        /** The sample as a snapshot's link. */
        public TopologySnapshot.Link toLink(boolean preferred) {
            return new TopologySnapshot.Link(from, to, forwardRssiDbm, reverseRssiDbm, forwardPsrPerMille / 1000.0,
                    reversePsrPerMille / 1000.0, etxHundredths / 100.0, lastHeardAgeSeconds, preferred);
        }
    }

    /** When the history's last update ran, or its start when it has none. */
    public Instant lastAt() {
        return steps.isEmpty() ? start.at() : steps.get(steps.size() - 1).at();
    }

    /**
     * The mesh as the history has it at {@code at}: every radio with the route its last update before then gave
     * it, and the links in use then with their last samples. Alternate parents are left out (the history does not
     * follow them), as are the links not in use.
     *
     * @throws IllegalArgumentException for a time before the history's start
     */
    public TopologySnapshot meshAt(Instant at) {
        if (at.isBefore(start.at())) {
            throw new IllegalArgumentException("The mesh history of " + day + " starts at " + start.at() + "; " + at
                    + " is before it.");
        }
        Map<String, RouteChange> routes = new LinkedHashMap<>();
        routesOf(start).forEach(route -> routes.put(route.nodeId(), route));
        Map<String, LinkSample> inUse = new HashMap<>();
        start.links().stream().filter(TopologySnapshot.Link::preferred)
                .forEach(link -> inUse.put(link.from(), LinkSample.of(link)));
        Instant reached = start.at();
        for (Step step : steps) {
            if (step.at().isAfter(at)) {
                break;
            }
            step.routes().forEach(route -> routes.put(route.nodeId(), route));
            step.samples().forEach(sample -> inUse.put(sample.from(), sample));
            reached = step.at();
        }
        return rebuilt(reached, routes, inUse);
    }

    /** Each radio's route in {@code snapshot}; the roots (the gateway) keep their rank as their increase. */
    static List<RouteChange> routesOf(TopologySnapshot snapshot) {
        Map<String, Integer> ranks = new HashMap<>();
        snapshot.nodes().forEach(node -> ranks.put(node.id(), node.rank()));
        List<RouteChange> routes = new ArrayList<>(snapshot.nodes().size());
        for (TopologySnapshot.Node node : snapshot.nodes()) {
            Integer parentRank = node.parentId() == null ? null : ranks.get(node.parentId());
            int increase = node.hops() == 0 ? node.rank() : parentRank == null ? 0 : node.rank() - parentRank;
            routes.add(new RouteChange(node.id(), node.parentId(), increase));
        }
        return routes;
    }

    private TopologySnapshot rebuilt(Instant at, Map<String, RouteChange> routes, Map<String, LinkSample> inUse) {
        Map<String, int[]> placed = new HashMap<>();
        Map<String, TopologySnapshot.Node> startNodes = new HashMap<>();
        start.nodes().forEach(node -> startNodes.put(node.id(), node));
        List<TopologySnapshot.Node> nodes = new ArrayList<>(routes.size());
        List<TopologySnapshot.Link> links = new ArrayList<>();
        for (RouteChange route : routes.values()) {
            int[] hopsAndRank = hopsAndRank(route.nodeId(), routes, startNodes, placed, 0);
            boolean routed = hopsAndRank[0] > 0;
            TopologySnapshot.Node place = startNodes.get(route.nodeId());
            nodes.add(new TopologySnapshot.Node(route.nodeId(), place.latitude(), place.longitude(), hopsAndRank[0],
                    hopsAndRank[1], routed ? route.parentId() : null, List.of()));
            LinkSample sample = inUse.get(route.nodeId());
            if (routed && sample != null && sample.to().equals(route.parentId())) {
                links.add(sample.toLink(true));
            }
        }
        return new TopologySnapshot(at, gatewayId, nodes, links);
    }

    /** A radio's hops and rank, from its ancestors': the root's are as the start has them. */
    private static int[] hopsAndRank(String id, Map<String, RouteChange> routes,
            Map<String, TopologySnapshot.Node> startNodes, Map<String, int[]> placed, int depth) {
        int[] known = placed.get(id);
        if (known != null) {
            return known;
        }
        RouteChange route = routes.get(id);
        TopologySnapshot.Node startNode = startNodes.get(id);
        int[] result;
        if (startNode.hops() == 0) {
            result = new int[] {0, startNode.rank()};
        } else if (route.parentId() == null || depth > routes.size() || !routes.containsKey(route.parentId())) {
            result = new int[] {-1, -1};
        } else {
            int[] parent = hopsAndRank(route.parentId(), routes, startNodes, placed, depth + 1);
            result = parent[0] < 0 ? new int[] {-1, -1}
                    : new int[] {parent[0] + 1, parent[1] + route.rankIncrease()};
        }
        placed.put(id, result);
        return result;
    }
}
