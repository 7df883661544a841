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
 * run now and no traffic. A meter campaign changes what meters run ({@link MeterFirmware#runs}), and snapshots
 * tell what they run now.
 *
 * <p>KNOWN SHORTCOMING: a snapshot of an earlier time also tells the firmware meters run now, not what they ran
 * then, and a meter put in at an exchange keeps the firmware of the one it replaced; the simulation keeps no
 * history of firmware.
 */
final class GatewayTopology {

    private final MeshTimeline mesh;
    private final GatewayTraffic traffic;
    /** Each meter's hardware revision and firmware in the site's order. */
    private final MeterFirmware meters;
    /** The firmware the gateway runs now, which an install changes. */
    private final Supplier<String> gatewayFirmware;

    GatewayTopology(MeshTimeline mesh, GatewayTraffic traffic, MeterFirmware meters,
            Supplier<String> gatewayFirmware) {
        this.mesh = mesh;
        this.traffic = traffic;
        this.meters = meters;
        this.gatewayFirmware = gatewayFirmware;
    }

    /** What each meter runs, which a campaign changes. */
    MeterFirmware meters() {
        return meters;
    }

    /** The live mesh, which moves at every quarter hour. */
    MeshTimeline mesh() {
        return mesh;
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
        List<TopologySnapshot.Node> nodes = new ArrayList<>(snapshot.nodes().size());
        for (int radio = 0; radio < snapshot.nodes().size(); radio++) {
            TopologySnapshot.Node node = snapshot.nodes().get(radio);
            nodes.add(radio <= meters.meters()
                    ? node.withRadioFacts(firmwareOf(radio), traffic.lastHour(snapshot.at(), radio)) : node);
        }
        return new TopologySnapshot(snapshot.at(), snapshot.gatewayId(), nodes, snapshot.links());
    }

    /** The firmware of radio {@code radio}: a meter's by its index, or the gateway's after the last meter. */
    private String firmwareOf(int radio) {
        return radio < meters.meters() ? meters.version(radio) : gatewayFirmware.get();
    }
}
