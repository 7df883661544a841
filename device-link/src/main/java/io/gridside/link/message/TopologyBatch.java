package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.TopologySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One batch of a topology stream: the snapshot's nodes first, then its links, a batch holding the end of one list
 * and the start of the next where they meet. Every batch names the snapshot it belongs to.
 *
 * <p>Schema 2 added each node's {@code firmware} and {@code trafficPerHour}, which a node leaves out when the
 * gateway does not know them: a node without them is written exactly as schema 1 wrote it, and read as a radio
 * whose firmware is null and whose traffic is -1. A gateway sends them only to a console that asked for them
 * ({@link GetTopology#radioFacts()}), and a console of schema 1 ignores them as it ignores any field it does not
 * know.
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

    /** The batch's fields as the codec reads them once every node has both fields of schema 2. */
    private record Fields(Instant at, String gatewayId, List<TopologySnapshot.Node> nodes,
            List<TopologySnapshot.Link> links, long total) {
    }

    /**
     * Reads the fields as the codec decodes them: a node of schema 1, or one whose gateway does not know its
     * firmware or traffic, leaves them out, and is read with firmware null and traffic -1.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TopologyBatch fromTree(ObjectNode tree) {
        JsonNode nodes = tree.get("nodes");
        if (nodes != null) {
            for (JsonNode node : nodes) {
                if (node instanceof ObjectNode fields) {
                    fields.putIfAbsent("firmware", fields.nullNode());
                    fields.putIfAbsent("trafficPerHour", fields.numberNode(TopologySnapshot.Node.TRAFFIC_UNKNOWN));
                }
            }
        }
        Fields fields = MessageCodec.convert(tree, Fields.class);
        return new TopologyBatch(fields.at(), fields.gatewayId(), fields.nodes(), fields.links(), fields.total());
    }

    /** This batch as a gateway answers a console that did not ask for the radios' firmware and traffic. */
    public TopologyBatch withoutRadioFacts() {
        List<TopologySnapshot.Node> plain = nodes.stream()
                .map(node -> node.withRadioFacts(null, TopologySnapshot.Node.TRAFFIC_UNKNOWN)).toList();
        return new TopologyBatch(at, gatewayId, plain, links, total);
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
