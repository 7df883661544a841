package io.gridside.site.mesh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The current links on routes (to a meter's preferred or alternate parents) with a weak or unusable direction, or
 * too many transmissions per packet. A weak entry that no meter routes over costs nothing, and a dense site has
 * hundreds of them, which would bury the few that matter.
 */
public final class WeakLinks {

    private WeakLinks() {
    }

    /**
     * The weak current links on routes, the worst first (an unusable direction before a weak one, then the weakest
     * signal); stale links are left out, as nothing says they still exist.
     */
    public static List<LinkFinding> find(MeshGraph graph, LinkQuality quality) {
        List<LinkFinding> weak = new ArrayList<>();
        for (int l = 0; l < graph.linkCount(); l++) {
            MeshGraph.Link link = graph.link(l);
            if (!link.stale() && graph.onRoute(l) && quality.weak(link)) {
                weak.add(LinkFinding.of(graph, l, reason(link, quality)));
            }
        }
        weak.sort(Comparator.comparing((LinkFinding finding) -> quality.worse(graph.link(finding.link())))
                .reversed().thenComparingDouble(finding -> Math.min(finding.forwardRssiDbm(),
                        finding.reverseRssiDbm())));
        return weak;
    }

    private static String reason(MeshGraph.Link link, LinkQuality quality) {
        List<String> reasons = new ArrayList<>();
        LinkGrade forward = quality.forward(link);
        LinkGrade reverse = quality.reverse(link);
        if (forward.compareTo(LinkGrade.WEAK) >= 0) {
            reasons.add("forward " + forward.name().toLowerCase(Locale.ROOT));
        }
        if (reverse.compareTo(LinkGrade.WEAK) >= 0) {
            reasons.add("reverse " + reverse.name().toLowerCase(Locale.ROOT));
        }
        if (link.measures().etx() > quality.weakAboveEtx()) {
            reasons.add(String.format(Locale.ROOT, "ETX %.1f above %.1f", link.measures().etx(),
                    quality.weakAboveEtx()));
        }
        return String.join(", ", reasons);
    }
}
