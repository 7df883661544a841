package io.gridside.site.mesh;

import io.gridside.site.TopologySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small meshes for the answers' tests: a gateway GW and meters named by the caller, links given as pairs. */
final class Meshes {

    static final Instant NOW = Instant.parse("2026-06-01T19:00:00Z");

    private final List<TopologySnapshot.Node> nodes = new ArrayList<>();
    private final List<TopologySnapshot.Link> links = new ArrayList<>();

    private Meshes() {
        nodes.add(new TopologySnapshot.Node("GW", -1.28, 36.82, 0, 256, null, List.of()));
    }

    static Meshes withMeters(String... ids) {
        Meshes mesh = new Meshes();
        for (String id : ids) {
            mesh.nodes.add(new TopologySnapshot.Node(id, -1.281, 36.821, -1, -1, null, List.of()));
        }
        return mesh;
    }

    /** A link good both ways from {@code from}'s table to {@code to}. */
    Meshes good(String from, String to) {
        return link(from, to, -70, -72, 0.99, 0.98, 1.03);
    }

    Meshes link(String from, String to, double forwardRssi, double reverseRssi, double forwardPsr, double reversePsr,
            double etx) {
        links.add(new TopologySnapshot.Link(from, to, forwardRssi, reverseRssi, forwardPsr, reversePsr, etx, 12,
                false));
        return this;
    }

    /** Marks every link given so far as its meter's route to its preferred parent. */
    Meshes asRoutes() {
        links.replaceAll(link -> new TopologySnapshot.Link(link.from(), link.to(), link.forwardRssiDbm(),
                link.reverseRssiDbm(), link.forwardPsr(), link.reversePsr(), link.etx(), link.lastHeardAgeSeconds(),
                true));
        return this;
    }

    TopologySnapshot snapshot() {
        return new TopologySnapshot(NOW, "GW", nodes, links);
    }

    MeshGraph graph() {
        return MeshGraph.of(snapshot());
    }
}
