package io.gridside.site.history;

import io.gridside.site.TopologySnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a day's {@link MeshDay} from the mesh as it stood after each quarter-hour update: the first snapshot is
 * kept whole, and each later one leaves only what changed. Not thread-safe.
 */
public final class MeshDayBuilder {

    /** Positions are kept to 1e-7 degrees, about a centimetre, so that they encode as integers. */
    static final double POSITION_SCALE = 1e7;

    private final LocalDate day;
    private final TopologySnapshot start;
    private final List<MeshDay.Step> steps = new ArrayList<>();
    private final Map<String, MeshDay.RouteChange> routes = new HashMap<>();
    private final Map<String, MeshDay.LinkSample> inUse = new HashMap<>();

    /** A history of {@code day} that starts with the mesh {@code start}. */
    public MeshDayBuilder(LocalDate day, TopologySnapshot start) {
        this.day = day;
        this.start = atResolution(start);
        note(this.start);
    }

    /**
     * Adds the mesh after the next update, which must be later than the last.
     *
     * @throws IllegalArgumentException for a radio the start did not have
     */
    public MeshDayBuilder add(TopologySnapshot next) {
        List<MeshDay.RouteChange> changed = new ArrayList<>();
        for (MeshDay.RouteChange route : MeshDay.routesOf(next)) {
            MeshDay.RouteChange before = routes.put(route.nodeId(), route);
            if (before == null) {
                throw new IllegalArgumentException("The mesh at " + next.at() + " has radio " + route.nodeId()
                        + ", which the day's start did not have.");
            }
            if (!route.equals(before)) {
                changed.add(route);
            }
        }
        List<MeshDay.LinkSample> samples = new ArrayList<>();
        for (TopologySnapshot.Link link : next.links()) {
            if (link.preferred()) {
                MeshDay.LinkSample sample = MeshDay.LinkSample.of(link);
                if (!sample.equals(inUse.put(link.from(), sample))) {
                    samples.add(sample);
                }
            }
        }
        steps.add(new MeshDay.Step(next.at(), changed, samples));
        return this;
    }

    public MeshDay build() {
        return new MeshDay(day, start.gatewayId(), start, steps);
    }

    private void note(TopologySnapshot snapshot) {
        MeshDay.routesOf(snapshot).forEach(route -> routes.put(route.nodeId(), route));
        snapshot.links().stream().filter(TopologySnapshot.Link::preferred)
                .forEach(link -> inUse.put(link.from(), MeshDay.LinkSample.of(link)));
    }

    /** The snapshot rounded as the history keeps it, so that what is built encodes and decodes unchanged. */
    static TopologySnapshot atResolution(TopologySnapshot snapshot) {
        List<TopologySnapshot.Node> nodes = snapshot.nodes().stream()
                .map(node -> new TopologySnapshot.Node(node.id(), position(node.latitude()),
                        position(node.longitude()), node.hops(), node.rank(), node.parentId(), node.alternates()))
                .toList();
        List<TopologySnapshot.Link> links = snapshot.links().stream()
                .map(link -> MeshDay.LinkSample.of(link).toLink(link.preferred()))
                .toList();
        return new TopologySnapshot(java.time.Instant.ofEpochSecond(snapshot.at().getEpochSecond()),
                snapshot.gatewayId(), nodes, links);
    }

    private static double position(double degrees) {
        return Math.round(degrees * POSITION_SCALE) / POSITION_SCALE;
    }
}
