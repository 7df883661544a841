package io.gridside.sim.rf;

import io.gridside.site.TopologySnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The mesh as it stood at one moment: every radio with its place and route, and every neighbour-table entry as a
 * directed link with both directions measured.
 *
 * @param at the quarter hour at whose end the mesh last updated
 * @param nodes the meters in the site's order, then the gateway
 * @param links each meter's neighbour-table entries, meter by meter
 */
public record MeshTopology(Instant at, String gatewayId, List<Node> nodes, List<Link> links) {

    public MeshTopology {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(gatewayId, "gatewayId");
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    /** The same mesh as the shared record the link carries and the console stores, every measurement kept. */
    public TopologySnapshot toSnapshot() {
        List<TopologySnapshot.Node> sharedNodes = nodes.stream()
                .map(node -> new TopologySnapshot.Node(node.id(), node.position().latitude(),
                        node.position().longitude(), node.hops(), node.rank(), node.parentId(), node.alternates()))
                .toList();
        List<TopologySnapshot.Link> sharedLinks = links.stream()
                .map(link -> new TopologySnapshot.Link(link.from(), link.to(), link.forwardRssiDbm(),
                        link.reverseRssiDbm(), link.forwardPsr(), link.reversePsr(), link.etx(),
                        link.lastHeardAgeSeconds(), link.preferred()))
                .toList();
        return new TopologySnapshot(at, gatewayId, sharedNodes, sharedLinks);
    }

    /**
     * One radio and its route to the gateway.
     *
     * @param hops hops to the gateway: 0 for the gateway, -1 for a meter with no route
     * @param rank the RPL rank: 256 at the gateway, rising along every route; -1 with no route
     * @param parentId the preferred parent, or null for the gateway and for a meter with no route
     * @param alternates the next best parents, best first, each of a lower rank than this radio's
     */
    public record Node(String id, GeoPoint position, int hops, int rank, String parentId, List<String> alternates) {

        public Node {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(position, "position");
            alternates = List.copyOf(alternates);
        }

        public boolean routed() {
            return hops >= 0;
        }
    }

    /**
     * A neighbour-table entry of meter {@code from}: the link to neighbour {@code to}, measured in both directions.
     *
     * @param forwardRssiDbm what {@code to} receives of {@code from}
     * @param reverseRssiDbm what {@code from} receives of {@code to}
     * @param forwardPsr the chance a packet from {@code from} reaches {@code to}
     * @param reversePsr the chance a packet from {@code to} reaches {@code from}
     * @param etx expected transmissions for a packet and its acknowledgement, 1 at best
     * @param lastHeardAgeSeconds how long since {@code from} last heard {@code to}, or -1 if it never has
     * @param preferred whether {@code to} is {@code from}'s preferred parent
     */
    public record Link(String from, String to, double forwardRssiDbm, double reverseRssiDbm, double forwardPsr,
            double reversePsr, double etx, long lastHeardAgeSeconds, boolean preferred) {

        public Link {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
