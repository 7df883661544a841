package io.gridside.site.mesh;

import java.util.Objects;

/**
 * A link the mesh's answers point at, with its measures both ways and why it was picked: a row of the weak or
 * one-way link lists.
 *
 * @param link the link's index in the graph
 * @param from the meter whose neighbour-table entry it is
 * @param to the neighbour
 * @param forwardRssiDbm what {@code to} receives of {@code from}, in dBm
 * @param reverseRssiDbm what {@code from} receives of {@code to}, in dBm
 * @param forwardPsr the share of packets from {@code from} that reach {@code to}
 * @param reversePsr the share of packets from {@code to} that reach {@code from}
 * @param etx expected transmissions for a packet and its acknowledgement
 * @param ageSeconds how long before the graph's moment the link was last heard, or -1 if it never was
 * @param reason why the link is in the list, in a few words
 */
public record LinkFinding(int link, String from, String to, double forwardRssiDbm, double reverseRssiDbm,
        double forwardPsr, double reversePsr, double etx, long ageSeconds, String reason) {

    public LinkFinding {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }

    static LinkFinding of(MeshGraph graph, int index, String reason) {
        MeshGraph.Link link = graph.link(index);
        var measures = link.measures();
        return new LinkFinding(index, graph.nodeId(link.from()), graph.nodeId(link.to()), measures.forwardRssiDbm(),
                measures.reverseRssiDbm(), measures.forwardPsr(), measures.reversePsr(), measures.etx(),
                link.ageSeconds(), reason);
    }
}
