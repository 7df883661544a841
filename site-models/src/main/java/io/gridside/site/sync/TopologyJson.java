package io.gridside.site.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.TopologySnapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoding of a mesh topology snapshot that goes up in the readings stream: UTF-8 JSON with the snapshot's
 * time (ISO 8601, UTC), gateway, nodes and links in the order the gateway listed them, named as the record's
 * components. The wire carries these bytes in base64.
 */
public final class TopologyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TopologyJson() {
    }

    public static byte[] encode(TopologySnapshot snapshot) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("at", snapshot.at().toString());
        root.put("gatewayId", snapshot.gatewayId());
        ArrayNode nodes = root.putArray("nodes");
        for (TopologySnapshot.Node n : snapshot.nodes()) {
            ObjectNode node = nodes.addObject();
            node.put("id", n.id());
            node.put("latitude", n.latitude());
            node.put("longitude", n.longitude());
            node.put("hops", n.hops());
            node.put("rank", n.rank());
            node.put("parentId", n.parentId());
            ArrayNode alternates = node.putArray("alternates");
            n.alternates().forEach(alternates::add);
            node.put("firmware", n.firmware());
            node.put("trafficPerHour", n.trafficPerHour());
        }
        ArrayNode links = root.putArray("links");
        for (TopologySnapshot.Link l : snapshot.links()) {
            ObjectNode link = links.addObject();
            link.put("from", l.from());
            link.put("to", l.to());
            link.put("forwardRssiDbm", l.forwardRssiDbm());
            link.put("reverseRssiDbm", l.reverseRssiDbm());
            link.put("forwardPsr", l.forwardPsr());
            link.put("reversePsr", l.reversePsr());
            link.put("etx", l.etx());
            link.put("lastHeardAgeSeconds", l.lastHeardAgeSeconds());
            link.put("preferred", l.preferred());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("A topology snapshot could not be written as JSON.", e);
        }
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException for bytes that are not such a document
     */
    public static TopologySnapshot decode(byte[] bytes) {
        try {
            JsonNode root = MAPPER.readTree(bytes);
            List<TopologySnapshot.Node> nodes = new ArrayList<>();
            for (JsonNode n : root.withArray("nodes")) {
                List<String> alternates = new ArrayList<>();
                n.withArray("alternates").forEach(a -> alternates.add(a.asText()));
                nodes.add(new TopologySnapshot.Node(n.get("id").asText(), n.get("latitude").asDouble(),
                        n.get("longitude").asDouble(), n.get("hops").asInt(), n.get("rank").asInt(),
                        text(n.get("parentId")), alternates, text(n.get("firmware")),
                        n.get("trafficPerHour").asLong()));
            }
            List<TopologySnapshot.Link> links = new ArrayList<>();
            for (JsonNode l : root.withArray("links")) {
                links.add(new TopologySnapshot.Link(l.get("from").asText(), l.get("to").asText(),
                        l.get("forwardRssiDbm").asDouble(), l.get("reverseRssiDbm").asDouble(),
                        l.get("forwardPsr").asDouble(), l.get("reversePsr").asDouble(), l.get("etx").asDouble(),
                        l.get("lastHeardAgeSeconds").asLong(), l.get("preferred").asBoolean()));
            }
            return new TopologySnapshot(Instant.parse(root.get("at").asText()), root.get("gatewayId").asText(),
                    nodes, links);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a topology snapshot document: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
