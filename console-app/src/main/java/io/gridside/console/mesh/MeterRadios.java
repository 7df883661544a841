package io.gridside.console.mesh;

import io.gridside.site.TopologySnapshot;
import io.gridside.site.history.MeshDay;
import io.gridside.site.mesh.LinkGrade;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one meter's radio out of the mesh graph and the stored mesh history: plain computation, no JavaFX, so a
 * view model runs it in the background and hands the result to the panel.
 */
public final class MeterRadios {

    private MeterRadios() {
    }

    /**
     * The meter's radio in {@code graph}, with its parents and signal from {@code days} (any order; none gives a
     * radio without history) up to the graph's moment: a mesh shown as it was never shows what came after.
     *
     * @throws IllegalArgumentException when the graph has no radio {@code meterId}
     */
    public static MeterRadio of(MeshGraph graph, String meterId, List<MeshDay> days, LinkQuality quality) {
        int node = graph.indexOf(meterId);
        if (node < 0) {
            throw new IllegalArgumentException("The mesh at " + graph.at() + " has no radio " + meterId + ".");
        }
        List<MeshDay> ordered = days.stream().filter(Objects::nonNull)
                .filter(day -> !day.start().at().isAfter(graph.at()))
                .map(day -> until(day, graph.at()))
                .sorted(Comparator.comparing(MeshDay::day)).toList();
        List<MeterRadio.Hop> route = new ArrayList<>();
        boolean routed = route(graph, node, quality, route);
        return new MeterRadio(meterId, node, null, graph.node(node).hops(), graph.staleNode(node),
                neighbours(graph, node, quality), route, routed, ordered.stream().map(MeshDay::day).toList(),
                parents(ordered, meterId), signal(ordered, meterId));
    }

    private static List<MeterRadio.Neighbour> neighbours(MeshGraph graph, int node, LinkQuality quality) {
        Map<Integer, List<Integer>> byNeighbour = new LinkedHashMap<>();
        for (int l : graph.linksOf(node)) {
            MeshGraph.Link link = graph.link(l);
            int other = link.from() == node ? link.to() : link.from();
            byNeighbour.computeIfAbsent(other, key -> new ArrayList<>()).add(l);
        }
        List<MeterRadio.Neighbour> neighbours = new ArrayList<>();
        byNeighbour.forEach((other, links) -> neighbours.add(neighbour(graph, node, other, links, quality)));
        neighbours.sort(Comparator.comparing(MeterRadio.Neighbour::stale)
                .thenComparing(Comparator.comparingDouble(MeterRadio.Neighbour::rssiInDbm).reversed()));
        return neighbours;
    }

    private static MeterRadio.Neighbour neighbour(MeshGraph graph, int node, int other, List<Integer> links,
            LinkQuality quality) {
        boolean own = links.stream().anyMatch(l -> graph.link(l).from() == node);
        boolean theirs = links.stream().anyMatch(l -> graph.link(l).from() == other);
        MeterRadio.Source source = own && theirs ? MeterRadio.Source.BOTH
                : own ? MeterRadio.Source.OWN : MeterRadio.Source.THEIRS;
        int chosen = links.stream().min(Comparator.comparing((Integer l) -> graph.link(l).stale())
                .thenComparingLong(l -> age(graph.link(l)))
                .thenComparing(l -> graph.link(l).from() != node)).orElseThrow();
        MeshGraph.Link link = graph.link(chosen);
        TopologySnapshot.Link m = link.measures();
        boolean outward = link.from() == node;
        MeterRadio.Role role = graph.parent(node) == other ? MeterRadio.Role.PARENT
                : graph.parent(other) == node ? MeterRadio.Role.CHILD : MeterRadio.Role.NEIGHBOUR;
        LinkGrade forward = quality.forward(link);
        LinkGrade reverse = quality.reverse(link);
        return new MeterRadio.Neighbour(graph.nodeId(other), other, links.stream().mapToInt(Integer::intValue)
                .toArray(), role, source, outward ? m.forwardRssiDbm() : m.reverseRssiDbm(),
                outward ? m.reverseRssiDbm() : m.forwardRssiDbm(), outward ? m.forwardPsr() : m.reversePsr(),
                outward ? m.reversePsr() : m.forwardPsr(), m.etx(), link.ageSeconds(),
                links.stream().allMatch(l -> graph.link(l).stale()), outward ? forward : reverse,
                outward ? reverse : forward);
    }

    /** The day's history without the updates after {@code at}. */
    private static MeshDay until(MeshDay day, Instant at) {
        if (!day.lastAt().isAfter(at)) {
            return day;
        }
        return new MeshDay(day.day(), day.gatewayId(), day.start(),
                day.steps().stream().filter(step -> !step.at().isAfter(at)).toList());
    }

    /** An age to order by: a link never heard counts as the oldest. */
    private static long age(MeshGraph.Link link) {
        return link.ageSeconds() < 0 ? Long.MAX_VALUE : link.ageSeconds();
    }

    /** Follows parents up from {@code node}, adding each hop; whether the gateway was reached. */
    private static boolean route(MeshGraph graph, int node, LinkQuality quality, List<MeterRadio.Hop> route) {
        boolean[] visited = new boolean[graph.nodeCount()];
        int at = node;
        while (at != graph.gateway()) {
            int parent = graph.parent(at);
            if (parent < 0 || visited[at]) {
                route.clear();
                return false;
            }
            visited[at] = true;
            route.add(hop(graph, at, parent, quality));
            at = parent;
        }
        return true;
    }

    private static MeterRadio.Hop hop(MeshGraph graph, int child, int parent, LinkQuality quality) {
        int up = -1;
        int down = -1;
        for (int l : graph.linksOf(child)) {
            MeshGraph.Link link = graph.link(l);
            if (link.from() == child && link.to() == parent && (up < 0 || graph.link(up).stale())) {
                up = l;
            } else if (link.from() == parent && link.to() == child && (down < 0 || graph.link(down).stale())) {
                down = l;
            }
        }
        boolean upward = up >= 0 && (down < 0 || !graph.link(up).stale() || graph.link(down).stale());
        int chosen = upward ? up : down;
        if (chosen < 0) {
            return new MeterRadio.Hop(graph.nodeId(child), graph.nodeId(parent), child, parent, -1, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null);
        }
        MeshGraph.Link link = graph.link(chosen);
        TopologySnapshot.Link m = link.measures();
        LinkGrade forward = quality.forward(link);
        LinkGrade reverse = quality.reverse(link);
        return new MeterRadio.Hop(graph.nodeId(child), graph.nodeId(parent), child, parent, chosen,
                upward ? m.forwardRssiDbm() : m.reverseRssiDbm(), upward ? m.reverseRssiDbm() : m.forwardRssiDbm(),
                upward ? m.forwardPsr() : m.reversePsr(), upward ? m.reversePsr() : m.forwardPsr(), m.etx(),
                upward ? forward : reverse, upward ? reverse : forward);
    }

    /** Every change of the meter's parent over the days, the first known parent included. */
    private static List<MeterRadio.ParentChange> parents(List<MeshDay> days, String meterId) {
        List<MeterRadio.ParentChange> changes = new ArrayList<>();
        boolean known = false;
        String current = null;
        for (MeshDay day : days) {
            TopologySnapshot.Node start = day.start().nodes().stream()
                    .filter(candidate -> candidate.id().equals(meterId)).findFirst().orElse(null);
            if (start != null && (!known || !Objects.equals(current, start.parentId()))) {
                changes.add(new MeterRadio.ParentChange(day.start().at(), start.parentId()));
                current = start.parentId();
                known = true;
            }
            for (MeshDay.Step step : day.steps()) {
                for (MeshDay.RouteChange change : step.routes()) {
                    if (change.nodeId().equals(meterId) && (!known || !Objects.equals(current, change.parentId()))) {
                        changes.add(new MeterRadio.ParentChange(step.at(), change.parentId()));
                        current = change.parentId();
                        known = true;
                    }
                }
            }
        }
        return changes;
    }

    /** The samples of the meter's link in use: each day's start, then every new sample. */
    private static List<MeterRadio.SignalPoint> signal(List<MeshDay> days, String meterId) {
        List<MeterRadio.SignalPoint> points = new ArrayList<>();
        for (MeshDay day : days) {
            day.start().links().stream().filter(link -> link.preferred() && link.from().equals(meterId)).findFirst()
                    .map(MeshDay.LinkSample::of)
                    .ifPresent(sample -> points.add(point(day.start().at(), sample)));
            for (MeshDay.Step step : day.steps()) {
                step.samples().stream().filter(sample -> sample.from().equals(meterId))
                        .forEach(sample -> points.add(point(step.at(), sample)));
            }
        }
        return points;
    }

    private static MeterRadio.SignalPoint point(Instant at, MeshDay.LinkSample sample) {
        return new MeterRadio.SignalPoint(at, sample.to(), sample.forwardRssiDbm(), sample.reverseRssiDbm());
    }
}
