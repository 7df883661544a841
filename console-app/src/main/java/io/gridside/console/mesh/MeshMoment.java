package io.gridside.console.mesh;

import io.gridside.console.service.MeshHistory;
import io.gridside.site.Meter;
import io.gridside.site.mesh.LinkFinding;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.mesh.OneWayLinks;
import io.gridside.site.mesh.SinglePointsOfFailure;
import io.gridside.site.mesh.SingleRouteMeters;
import io.gridside.site.mesh.WeakLinks;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the mesh view loads in the background for one moment: the mesh graph then, the span of time the site
 * database holds, the roster, the findings on that graph and the radio positions kept for each layout.
 *
 * @param graph the mesh at the moment, or null when the database holds none that early
 * @param span the time the database holds a mesh of, or null when it holds none
 * @param latest whether the graph is the latest the database holds rather than a moment the technician chose
 */
public record MeshMoment(MeshGraph graph, MeshHistory.Span span, boolean latest, List<Meter> roster,
        Findings findings, Map<MeshLayout, Map<String, float[]>> positions) {

    /** Weak links, one-way links, meters with a single route, and single points of failure, on one graph. */
    public record Findings(List<LinkFinding> weak, List<LinkFinding> oneWay,
            List<SingleRouteMeters.SingleRoute> singleRoute, List<SinglePointsOfFailure.PointOfFailure> failures,
            List<String> unreachable) {

        /** No findings, as for a site without a mesh. */
        public static final Findings NONE = new Findings(List.of(), List.of(), List.of(), List.of(), List.of());

        /** The findings on {@code graph}; the daily revenue of each customer weighs the points of failure. */
        public static Findings of(MeshGraph graph, LinkQuality quality, List<Meter> roster,
                Map<String, Long> dailyRevenueMinor) {
            Map<String, String> customerOfMeter = new HashMap<>();
            roster.forEach(meter -> customerOfMeter.put(meter.meterId(), meter.customerId()));
            return new Findings(WeakLinks.find(graph, quality), OneWayLinks.find(graph, quality),
                    SingleRouteMeters.find(graph, quality),
                    SinglePointsOfFailure.find(graph, quality, customerOfMeter, dailyRevenueMinor),
                    SinglePointsOfFailure.unreachable(graph, quality));
        }
    }

    /**
     * Loads the moment {@code at} from {@code history}, or the latest mesh when {@code at} is null; runs off the
     * JavaFX thread.
     */
    public static MeshMoment load(MeshHistory history, Instant at, LinkQuality quality,
            Map<String, Long> dailyRevenueMinor) {
        Optional<MeshHistory.Span> span = history.span();
        Optional<MeshGraph> graph = at == null ? history.latest() : history.at(at);
        List<Meter> roster = history.meters();
        Findings findings = graph.map(g -> Findings.of(g, quality, roster, dailyRevenueMinor)).orElse(Findings.NONE);
        Map<MeshLayout, Map<String, float[]>> positions = new HashMap<>();
        for (MeshLayout layout : MeshLayout.values()) {
            positions.put(layout, history.positions(layout.key()));
        }
        return new MeshMoment(graph.orElse(null), span.orElse(null), at == null, roster, findings, positions);
    }
}
