package io.gridside.site.mesh;

import java.util.ArrayList;
import java.util.List;

/**
 * The current links that work one way only, or far better one way than the other: a meter that is heard but cannot
 * hear, or hears but is not heard, which a map with one number per link hides. Only links on routes (to a meter's
 * preferred or alternate parents) are listed, as with {@link WeakLinks}.
 */
public final class OneWayLinks {

    private OneWayLinks() {
    }

    /** The one-way current links, in graph order, each with {@link LinkQuality#oneWayReason} as its reason. */
    public static List<LinkFinding> find(MeshGraph graph, LinkQuality quality) {
        List<LinkFinding> oneWay = new ArrayList<>();
        for (int l = 0; l < graph.linkCount(); l++) {
            MeshGraph.Link link = graph.link(l);
            String reason = link.stale() || !graph.onRoute(l) ? null : quality.oneWayReason(link);
            if (reason != null) {
                oneWay.add(LinkFinding.of(graph, l, reason));
            }
        }
        return oneWay;
    }
}
