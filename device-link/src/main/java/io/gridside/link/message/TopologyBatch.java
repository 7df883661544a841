package io.gridside.link.message;

import io.gridside.site.TopologySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One batch of a topology stream: the snapshot's nodes first, then its links, a batch holding the end of one list
 * and the start of the next where they meet. Every batch names the snapshot it belongs to.
 *
 * @param at the moment of the snapshot, as the gateway resolved the time asked for
 * @param gatewayId the gateway, which is the mesh's root
 * @param total how many nodes and links the whole stream holds, so the receiver can show progress
 */
public record TopologyBatch(Instant at, String gatewayId, List<TopologySnapshot.Node> nodes,
        List<TopologySnapshot.Link> links, long total) implements Message {

    public TopologyBatch {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(gatewayId, "gatewayId");
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    /** A batch of {@code items}, a slice of {@code snapshot}'s items, which the batch sorts into its two lists. */
    public static TopologyBatch of(TopologySnapshot snapshot, List<TopologySnapshot.Item> items, long total) {
        List<TopologySnapshot.Node> nodes = new ArrayList<>();
        List<TopologySnapshot.Link> links = new ArrayList<>();
        for (TopologySnapshot.Item item : items) {
            if (item instanceof TopologySnapshot.Node node) {
                nodes.add(node);
            } else if (item instanceof TopologySnapshot.Link link) {
                links.add(link);
            }
        }
        return new TopologyBatch(snapshot.at(), snapshot.gatewayId(), nodes, links, total);
    }
}
