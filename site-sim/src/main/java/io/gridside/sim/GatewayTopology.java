package io.gridside.sim;

import io.gridside.sim.rf.MeshTimeline;
import io.gridside.sim.rf.MeshTopology;
import io.gridside.site.TopologySnapshot;
import java.time.Instant;

/**
 * The simulated gateway's view of its mesh: each meter's parent and the RSSI of its link to it, and the mesh now
 * or as it stood at a time of its history. The gateway brings the site up to its clock before it asks.
 */
final class GatewayTopology {

    private final MeshTimeline mesh;

    GatewayTopology(MeshTimeline mesh) {
        this.mesh = mesh;
    }

    /** The meter's parent in the mesh now, or the last one it had while it has no route. */
    String parentId(int index) {
        String parent = mesh.live().parentId(index);
        return parent == null ? "" : parent;
    }

    int parentRssiDbm(int index) {
        return SiteGenerator.rssiDbm(mesh.live().parentRssiDbm(index));
    }

    /** The mesh as it stands now: every radio's route, and every neighbour-table entry measured both ways. */
    MeshTopology now() {
        return mesh.live().topology();
    }

    /** The mesh as its last quarter-hour update before {@code at} left it; throws for a time outside the history. */
    MeshTopology at(Instant at) {
        return mesh.topologyAt(at);
    }

    /**
     * The mesh as the link carries it: now when {@code at} is null, else as it stood at {@code at}.
     *
     * @throws IllegalArgumentException for a time before the mesh's history or after the gateway's clock
     */
    TopologySnapshot snapshot(Instant at, Instant clock) {
        if (at == null) {
            return now().toSnapshot();
        }
        if (at.isAfter(clock)) {
            throw new IllegalArgumentException("The gateway's clock reads " + clock + "; it holds no mesh of " + at
                    + ", which is later.");
        }
        return at(at).toSnapshot();
    }
}
