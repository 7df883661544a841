package io.gridside.console.mesh;

import io.gridside.site.mesh.LinkFinding;
import io.gridside.site.mesh.LinkQuality;
import io.gridside.site.mesh.MeshGraph;
import io.gridside.site.mesh.OneWayLinks;
import io.gridside.site.mesh.SinglePointsOfFailure;
import io.gridside.site.mesh.SinglePointsOfFailure.PointOfFailure;
import io.gridside.site.mesh.SingleRouteMeters;
import io.gridside.site.mesh.SingleRouteMeters.SingleRoute;
import io.gridside.site.mesh.WeakLinks;
import java.util.List;
import java.util.Map;

/**
 * The mesh's answers the findings lists show, all worked out on one graph: plain data, computed off the JavaFX
 * thread.
 *
 * @param weakLinks links weak in a direction or by their ETX
 * @param oneWayLinks links usable one way only, or much stronger one way
 * @param singleRoutes meters with a single usable neighbour upward
 * @param pointsOfFailure meters whose loss cuts others off, the largest cut first
 * @param unreachable meters with no usable path to the gateway already
 */
public record MeshFindings(List<LinkFinding> weakLinks, List<LinkFinding> oneWayLinks,
        List<SingleRoute> singleRoutes, List<PointOfFailure> pointsOfFailure, List<String> unreachable) {

    public MeshFindings {
        weakLinks = List.copyOf(weakLinks);
        oneWayLinks = List.copyOf(oneWayLinks);
        singleRoutes = List.copyOf(singleRoutes);
        pointsOfFailure = List.copyOf(pointsOfFailure);
        unreachable = List.copyOf(unreachable);
    }

    /** No findings: what the lists show before a mesh is loaded. */
    public static MeshFindings none() {
        return new MeshFindings(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Every answer on {@code graph}.
     *
     * @param customerOfMeter the customer of each meter, for the customers a point of failure cuts off
     * @param dailyRevenueMinorOfCustomer each customer's daily revenue in minor units
     */
    public static MeshFindings of(MeshGraph graph, LinkQuality quality, Map<String, String> customerOfMeter,
            Map<String, Long> dailyRevenueMinorOfCustomer) {
        return new MeshFindings(WeakLinks.find(graph, quality), OneWayLinks.find(graph, quality),
                SingleRouteMeters.find(graph, quality),
                SinglePointsOfFailure.find(graph, quality, customerOfMeter, dailyRevenueMinorOfCustomer),
                SinglePointsOfFailure.unreachable(graph, quality));
    }
}
