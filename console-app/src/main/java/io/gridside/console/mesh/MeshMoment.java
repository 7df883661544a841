package io.gridside.console.mesh;

import io.gridside.console.service.MeshHistory;
import io.gridside.site.Meter;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the mesh view loads in the background for one moment: the mesh graph then, the span of time the site
 * database holds, the roster, the findings on that graph (points of failure weighed by the daily revenue of the
 * customers they cut off) and the radio positions kept for each layout.
 *
 * @param graph the mesh at the moment, or null when the database holds none that early
 * @param span the time the database holds a mesh of, or null when it holds none
 * @param latest whether the graph is the latest the database holds rather than a moment the technician chose
 * @param tablesAt when the neighbour tables the graph carries were last seen whole, before the graph's own moment
 *     when its routes came from the history by day; null with no graph
 */
public record MeshMoment(MeshGraph graph, MeshHistory.Span span, boolean latest, List<Meter> roster,
        MeshFindings findings, Map<MeshLayout, Map<String, float[]>> positions, Instant tablesAt) {

    /** Whether the graph's neighbour-table entries other than routes come from an earlier pull than its routes. */
    public boolean tablesCarried() {
        return graph != null && tablesAt != null && tablesAt.isBefore(graph.at());
    }

    /**
     * Loads the moment {@code at} from {@code history}, or the latest mesh when {@code at} is null; runs off the
     * JavaFX thread.
     */
    public static MeshMoment load(MeshHistory history, Instant at, LinkQuality quality) {
        Optional<MeshHistory.Span> span = history.span();
        Optional<MeshHistory.Moment> moment = history.moment(at == null ? span.map(MeshHistory.Span::last)
                .orElse(Instant.EPOCH) : at);
        Optional<MeshGraph> graph = moment.map(MeshHistory.Moment::graph);
        List<Meter> roster = history.meters();
        Map<String, String> customerOfMeter = new HashMap<>();
        roster.forEach(meter -> customerOfMeter.put(meter.meterId(), meter.customerId()));
        MeshFindings findings = graph.map(g -> MeshFindings.of(g, quality, customerOfMeter,
                history.dailyRevenue(g.at()))).orElse(MeshFindings.none());
        Map<MeshLayout, Map<String, float[]>> positions = new HashMap<>();
        for (MeshLayout layout : MeshLayout.values()) {
            positions.put(layout, history.positions(layout.key()));
        }
        return new MeshMoment(graph.orElse(null), span.orElse(null), at == null, roster, findings, positions,
                moment.map(MeshHistory.Moment::tablesAt).orElse(null));
    }

    /** Whether two graphs have the same radios in the same order under the same parents: the same tree to lay out. */
    static boolean sameRadios(MeshGraph a, MeshGraph b) {
        if (a.nodeCount() != b.nodeCount()) {
            return false;
        }
        for (int i = 0; i < a.nodeCount(); i++) {
            if (!a.nodeId(i).equals(b.nodeId(i)) || a.parent(i) != b.parent(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether two graphs have the same links in the same order, so that link indexes of one hold in the other. */
    static boolean sameLinks(MeshGraph a, MeshGraph b) {
        if (a.linkCount() != b.linkCount()) {
            return false;
        }
        for (int l = 0; l < a.linkCount(); l++) {
            if (a.link(l).from() != b.link(l).from() || a.link(l).to() != b.link(l).to()) {
                return false;
            }
        }
        return true;
    }
}
