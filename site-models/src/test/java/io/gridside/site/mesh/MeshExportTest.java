package io.gridside.site.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.site.TopologySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;

/** The exports read back with the mesh's radios, routes, links both ways and extra attributes intact. */
class MeshExportTest {

    private static final Map<String, Map<String, String>> ATTRIBUTES =
            Map.of("M-1", Map.of("customer", "C-7", "firmware", "2.4.1"));

    private static MeshGraph graph() {
        TopologySnapshot earlier = Meshes.withMeters("M-1", "M-9").good("M-9", "GW").snapshot();
        TopologySnapshot now = new TopologySnapshot(Meshes.NOW, "GW", List.of(
                new TopologySnapshot.Node("GW", -1.28, 36.82, 0, 256, null, List.of()),
                new TopologySnapshot.Node("M-1", -1.2812, 36.8215, 1, 512, "GW", List.of())),
                List.of(new TopologySnapshot.Link("M-1", "GW", -81.5, -90.25, 0.97, 0.75, 1.37, 14, true)));
        return MeshGraph.of(now, List.of(new TopologySnapshot(Meshes.NOW.minusSeconds(100), "GW", earlier.nodes(),
                earlier.links())));
    }

    @Test
    void jsonReadsBackWithNodesLinksAndAttributes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MeshExport.writeJson(graph(), ATTRIBUTES, out);

        JsonNode json = new ObjectMapper().readTree(out.toByteArray());

        assertThat(json.get("format").asText()).isEqualTo("gridside-mesh");
        assertThat(json.get("at").asText()).isEqualTo("2026-06-01T19:00:00Z");
        assertThat(json.get("gateway").asText()).isEqualTo("GW");
        JsonNode meter = json.get("nodes").get(1);
        assertThat(meter.get("id").asText()).isEqualTo("M-1");
        assertThat(meter.get("lat").asDouble()).isEqualTo(-1.2812);
        assertThat(meter.get("lon").asDouble()).isEqualTo(36.8215);
        assertThat(meter.get("hops").asInt()).isEqualTo(1);
        assertThat(meter.get("parent").asText()).isEqualTo("GW");
        assertThat(meter.get("stale").asBoolean()).isFalse();
        assertThat(meter.get("attributes").get("firmware").asText()).isEqualTo("2.4.1");
        JsonNode silent = json.get("nodes").get(2);
        assertThat(silent.get("id").asText()).isEqualTo("M-9");
        assertThat(silent.get("stale").asBoolean()).isTrue();
        assertThat(silent.get("parent").isNull()).isTrue();
        JsonNode link = json.get("links").get(0);
        assertThat(link.get("forwardRssiDbm").asDouble()).isEqualTo(-81.5);
        assertThat(link.get("reverseRssiDbm").asDouble()).isEqualTo(-90.25);
        assertThat(link.get("reversePsr").asDouble()).isEqualTo(0.75);
        assertThat(link.get("etx").asDouble()).isEqualTo(1.37);
        assertThat(link.get("ageSeconds").asLong()).isEqualTo(14);
        assertThat(link.get("preferred").asBoolean()).isTrue();
        assertThat(json.get("links").get(1).get("stale").asBoolean()).isTrue();
        assertThat(json.get("links").get(1).get("ageSeconds").asLong()).isEqualTo(112);
    }

    @Test
    void graphMlReadsBackThroughJgraphtWithTypedKeys() throws Exception {
        StringWriter out = new StringWriter();
        MeshExport.writeGraphMl(graph(), ATTRIBUTES, out);
        assertThat(out.toString()).contains("attr.name=\"forwardRssiDbm\"", "attr.type=\"double\"",
                "attr.name=\"stale\"", "attr.type=\"boolean\"");

        Graph<String, Integer> read = new DirectedMultigraph<>(null, new java.util.function.Supplier<>() {
            private int next;

            @Override
            public Integer get() {
                return next++;
            }
        }, false);
        Map<String, Map<String, String>> nodes = new HashMap<>();
        Map<Integer, Map<String, String>> links = new HashMap<>();
        GraphMLImporter<String, Integer> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((vertex, attribute) -> put(nodes, vertex.getFirst(),
                vertex.getSecond(), attribute));
        importer.addEdgeAttributeConsumer((edge, attribute) -> put(links, edge.getFirst(), edge.getSecond(),
                attribute));
        importer.importGraph(read, new StringReader(out.toString()));

        assertThat(read.vertexSet()).containsExactlyInAnyOrder("GW", "M-1", "M-9");
        assertThat(graphData(out.toString())).containsEntry("gateway", "GW").containsEntry("at", Meshes.NOW.toString());
        assertThat(read.edgeSet()).hasSize(2);
        assertThat(nodes.get("M-1")).containsEntry("lat", "-1.2812").containsEntry("hops", "1")
                .containsEntry("parent", "GW").containsEntry("stale", "false")
                .containsEntry("attribute.customer", "C-7");
        assertThat(nodes.get("M-9")).containsEntry("stale", "true").doesNotContainKey("parent");
        Integer first = read.getEdge("M-1", "GW");
        assertThat(links.get(first)).containsEntry("forwardRssiDbm", "-81.5").containsEntry("reverseRssiDbm",
                "-90.25").containsEntry("etx", "1.37").containsEntry("preferred", "true")
                .containsEntry("stale", "false");
        assertThat(links.get(read.getEdge("M-9", "GW"))).containsEntry("stale", "true");
    }

    private static <K> void put(Map<K, Map<String, String>> values, K key, String name, Attribute attribute) {
        values.computeIfAbsent(key, k -> new HashMap<>()).put(name, attribute.getValue());
    }

    /** The graph element's data by key name, read with the JDK's parser: JGraphT's importer skips graph data. */
    private static Map<String, String> graphData(String document) throws Exception {
        org.w3c.dom.Document dom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(document)));
        Map<String, String> names = new HashMap<>();
        org.w3c.dom.NodeList keys = dom.getElementsByTagName("key");
        for (int i = 0; i < keys.getLength(); i++) {
            org.w3c.dom.Element key = (org.w3c.dom.Element) keys.item(i);
            names.put(key.getAttribute("id"), key.getAttribute("attr.name"));
        }
        Map<String, String> data = new HashMap<>();
        org.w3c.dom.Node child = dom.getElementsByTagName("graph").item(0).getFirstChild();
        for (; child != null; child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Element element && element.getTagName().equals("data")) {
                data.put(names.get(element.getAttribute("key")), element.getTextContent());
            }
        }
        return data;
    }
}
