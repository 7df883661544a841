package io.gridside.site;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The site's mesh as it stood at one moment: every radio with its place and route to the gateway, and every
 * neighbour-table entry as a directed link measured in both directions. The console stores one per pull, so that
 * the mesh can be shown as it was at any time the store covers, offline.
 *
 * @param at the moment the gateway's routing last updated before the snapshot was taken
 * @param gatewayId the id of the gateway, which is also the id of the mesh's root node
 * @param nodes the meters and the gateway, each once
 * @param links each meter's neighbour-table entries, between nodes of this snapshot
 */
public record TopologySnapshot(Instant at, String gatewayId, List<Node> nodes, List<Link> links) {

    /** A radio of the mesh, or a neighbour-table entry of one: what a snapshot is made of, nodes first. */
    public sealed interface Item permits Node, Link {
    }

    public TopologySnapshot {
        Objects.requireNonNull(at, "at");
        Validate.id("gatewayId", gatewayId);
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        Set<String> ids = new HashSet<>();
        for (Node node : nodes) {
            if (!ids.add(node.id())) {
                throw new IllegalArgumentException("nodes must name each radio once, but " + node.id()
                        + " appears twice");
            }
        }
        for (Link link : links) {
            if (!ids.contains(link.from()) || !ids.contains(link.to())) {
                throw new IllegalArgumentException("links must join nodes of the snapshot, but " + link.from()
                        + " -> " + link.to() + " names a radio it does not have");
            }
        }
    }

    /** A mesh without radios, as a gateway that keeps no topology reports it. */
    public static TopologySnapshot empty(Instant at, String gatewayId) {
        return new TopologySnapshot(at, gatewayId, List.of(), List.of());
    }

    /**
     * This mesh with each radio's firmware and traffic as {@code told} tells them, radio by radio id; a radio that
     * {@code told} does not hold keeps its own. The mesh's history by day carries neither, so a mesh rebuilt from it
     * takes them from a snapshot pulled at the same moment.
     */
    public TopologySnapshot withRadioFactsOf(TopologySnapshot told) {
        Map<String, Node> byId = new HashMap<>();
        told.nodes().forEach(node -> byId.put(node.id(), node));
        List<Node> facts = nodes.stream().map(node -> {
            Node teller = byId.get(node.id());
            return teller == null ? node : node.withRadioFacts(teller.firmware(), teller.trafficPerHour());
        }).toList();
        return new TopologySnapshot(at, gatewayId, facts, links);
    }

    /** The nodes and then the links, in the order a stream carries them. */
    public List<Item> items() {
        return Stream.concat(nodes.stream(), links.stream()).map(Item.class::cast).toList();
    }

    /**
     * One radio and its route to the gateway.
     *
     * @param id the meter's id, or the gateway's for the root
     * @param latitude decimal degrees north (WGS 84), from -90 to 90
     * @param longitude decimal degrees east, from -180 to 180
     * @param hops hops to the gateway: 0 for the gateway itself, -1 for a meter with no route
     * @param rank the RPL rank, rising along every route away from the gateway; -1 with no route
     * @param parentId the preferred parent, or null for the gateway and for a meter with no route
     * @param alternates the next best parents, best first
     * @param firmware the version of the firmware the radio runs, as its maker writes it (1-32 printable ASCII
     *     characters, no space at either end), or null when the gateway does not say
     * @param trafficPerHour the packets the radio sent and forwarded in the last hour, or -1 when unknown
     */
    public record Node(String id, double latitude, double longitude, int hops, int rank, String parentId,
            List<String> alternates, String firmware, long trafficPerHour) implements Item {

        /** The value of {@code trafficPerHour} when the gateway does not say. */
        public static final long TRAFFIC_UNKNOWN = -1;

        private static final Pattern FIRMWARE = Pattern.compile("[!-~](?:[ -~]{0,30}[!-~])?");

        public Node {
            Validate.id("id", id);
            if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
                throw new IllegalArgumentException("latitude must be from -90 to 90 and longitude from -180 to 180, "
                        + "were " + latitude + ", " + longitude + " for " + id);
            }
            if (hops < -1 || rank < -1 || (hops == -1) != (rank == -1)) {
                throw new IllegalArgumentException("hops and rank must both be -1 (no route) or both be at least 0, "
                        + "were " + hops + " and " + rank + " for " + id);
            }
            if ((hops > 0) != (parentId != null)) {
                throw new IllegalArgumentException("parentId must be given exactly when hops is above 0, was "
                        + parentId + " with " + hops + " hops for " + id);
            }
            if (parentId != null) {
                Validate.id("parentId", parentId);
            }
            alternates = List.copyOf(alternates);
            alternates.forEach(alternate -> Validate.id("alternates", alternate));
            if (firmware != null && !FIRMWARE.matcher(firmware).matches()) {
                throw new IllegalArgumentException("firmware must be 1-32 printable ASCII characters with no space "
                        + "at either end, or null, was '" + firmware + "' for " + id);
            }
            if (trafficPerHour < TRAFFIC_UNKNOWN) {
                throw new IllegalArgumentException("trafficPerHour must be -1 (unknown) or more, was "
                        + trafficPerHour + " for " + id);
            }
        }

        /** A radio whose firmware and traffic the gateway does not say, as gateways before radio facts report. */
        public Node(String id, double latitude, double longitude, int hops, int rank, String parentId,
                List<String> alternates) {
            this(id, latitude, longitude, hops, rank, parentId, alternates, null, TRAFFIC_UNKNOWN);
        }

        /** This radio with the firmware and traffic given, the rest unchanged. */
        public Node withRadioFacts(String newFirmware, long newTrafficPerHour) {
            return new Node(id, latitude, longitude, hops, rank, parentId, alternates, newFirmware,
                    newTrafficPerHour);
        }

        /** Whether the gateway said how much the radio sent and forwarded. */
        public boolean trafficKnown() {
            return trafficPerHour >= 0;
        }

        /** Whether the radio has a route to the gateway. */
        public boolean routed() {
            return hops >= 0;
        }
    }

    /**
     * A neighbour-table entry of radio {@code from}: the link to neighbour {@code to}, measured in both directions,
     * which differ.
     *
     * @param forwardRssiDbm what {@code to} receives of {@code from}, in dBm
     * @param reverseRssiDbm what {@code from} receives of {@code to}, in dBm
     * @param forwardPsr the share of packets from {@code from} that reach {@code to}, from 0 to 1
     * @param reversePsr the share of packets from {@code to} that reach {@code from}, from 0 to 1
     * @param etx expected transmissions for a packet and its acknowledgement, 1 at best
     * @param lastHeardAgeSeconds how long since {@code from} last heard {@code to}, or -1 if it never has
     * @param preferred whether {@code to} is {@code from}'s preferred parent
     */
    public record Link(String from, String to, double forwardRssiDbm, double reverseRssiDbm, double forwardPsr,
            double reversePsr, double etx, long lastHeardAgeSeconds, boolean preferred) implements Item {

        public Link {
            Validate.id("from", from);
            Validate.id("to", to);
            if (from.equals(to)) {
                throw new IllegalArgumentException("a link must join two radios, but both ends are " + from);
            }
            if (!Double.isFinite(forwardRssiDbm) || !Double.isFinite(reverseRssiDbm)) {
                throw new IllegalArgumentException("RSSI must be a finite number of dBm, was " + forwardRssiDbm
                        + " and " + reverseRssiDbm + " on " + from + " -> " + to);
            }
            if (!(forwardPsr >= 0 && forwardPsr <= 1) || !(reversePsr >= 0 && reversePsr <= 1)) {
                throw new IllegalArgumentException("packet success must be from 0 to 1, was " + forwardPsr + " and "
                        + reversePsr + " on " + from + " -> " + to);
            }
            if (!(etx >= 1) || Double.isInfinite(etx)) {
                throw new IllegalArgumentException("etx must be a finite number of at least 1, was " + etx + " on "
                        + from + " -> " + to);
            }
            if (lastHeardAgeSeconds < -1) {
                throw new IllegalArgumentException("lastHeardAgeSeconds must be -1 (never heard) or more, was "
                        + lastHeardAgeSeconds + " on " + from + " -> " + to);
            }
        }
    }
}
