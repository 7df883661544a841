package io.gridside.sim;

import io.gridside.sim.rf.MeshTimeline;
import io.gridside.sim.rf.MeshTopology;
import io.gridside.site.TopologySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The simulated gateway's view of its mesh: each meter's parent and the RSSI of its link to it, and the mesh now
 * or as it stood at a time of its history. The gateway brings the site up to its clock before it asks.
 *
 * <p>The mesh it gives the link tells each radio's firmware and the frames it passed on in the hour up to the
 * snapshot, which the gateway keeps for the last day only: a snapshot older than that tells the firmware the meters
 * run now and no traffic. A meter's firmware does not change over the history, as no campaign runs on the simulated
 * site, and a meter put in at an exchange keeps the firmware of the one it replaced: both are shortcomings of the
 * simulation, not of the protocol.
 */
final class GatewayTopology {

    private final MeshTimeline mesh;
    private final GatewayTraffic traffic;
    /** Each meter's firmware in the site's order. */
    private final List<String> firmware;
    /** The firmware the gateway runs now, which an install changes. */
    private final Supplier<String> gatewayFirmware;

    GatewayTopology(MeshTimeline mesh, GatewayTraffic traffic, String[] meterFirmware,
            Supplier<String> gatewayFirmware) {
        this.mesh = mesh;
        this.traffic = traffic;
        this.firmware = List.of(meterFirmware);
        this.gatewayFirmware = gatewayFirmware;
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
            return withRadioFacts(now().toSnapshot());
        }
        if (at.isAfter(clock)) {
            throw new IllegalArgumentException("The gateway's clock reads " + clock + "; it holds no mesh of " + at
                    + ", which is later.");
        }
        return withRadioFacts(at(at).toSnapshot());
    }

    /** The snapshot with each radio's firmware and traffic; its nodes are the meters in order, then the gateway. */
    private TopologySnapshot withRadioFacts(TopologySnapshot snapshot) {
        List<String> radios = new ArrayList<>(firmware);
        radios.add(gatewayFirmware.get());
        List<TopologySnapshot.Node> nodes = new ArrayList<>(snapshot.nodes().size());
        for (int radio = 0; radio < snapshot.nodes().size(); radio++) {
            TopologySnapshot.Node node = snapshot.nodes().get(radio);
            nodes.add(radio < radios.size()
                    ? node.withRadioFacts(radios.get(radio), traffic.lastHour(snapshot.at(), radio)) : node);
        }
        return new TopologySnapshot(snapshot.at(), snapshot.gatewayId(), nodes, snapshot.links());
    }
}
