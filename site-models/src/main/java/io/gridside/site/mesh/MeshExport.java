package io.gridside.site.mesh;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.gridside.site.TopologySnapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

/**
 * The mesh with its metrics as JSON or GraphML, for other tools: every radio with its place and route, every link
 * with its measures both ways, and whatever the console knows of each meter besides.
 *
 * <p>The JSON is one object:
 * <pre>
 * { "format": "gridside-mesh", "version": 1, "at": "2026-12-05T08:00:00Z", "gateway": "GW-1",
 *   "nodes": [ { "id", "lat", "lon", "hops", "rank", "parent", "alternates": [ id, ... ], "stale",
 *                "attributes": { name: value, ... } }, ... ],
 *   "links": [ { "from", "to", "forwardRssiDbm", "reverseRssiDbm", "forwardPsr", "reversePsr", "etx",
 *                "ageSeconds", "preferred", "stale" }, ... ] }
 * </pre>
 * with the gateway first, {@code parent} null for the gateway and for a meter without a route, {@code hops} and
 * {@code rank} -1 without a route, and {@code ageSeconds} -1 for a link never heard. The GraphML has the same
 * data as typed keys: graph keys {@code at} and {@code gateway}; node keys {@code lat}, {@code lon} (double),
 * {@code hops}, {@code rank} (int), {@code parent} (string, absent without one), {@code alternates} (the
 * alternate parents' ids joined by commas, absent without any), {@code stale} (boolean, one
 * key for nodes and links alike) and one string key {@code attribute.NAME} per extra attribute; edge keys named
 * as the JSON's link fields.
 */
public final class MeshExport {

    /** The value of the JSON's {@code format} field. */
    public static final String FORMAT = "gridside-mesh";
    /** The JSON shape's version, raised when a field changes meaning or goes away. */
    public static final int VERSION = 1;
    /** What an extra attribute's GraphML key starts with, so that it cannot clash with a key of the mesh. */
    public static final String ATTRIBUTE_PREFIX = "attribute.";

    private MeshExport() {
    }

    /**
     * Writes the graph as JSON, in UTF-8, leaving the stream open.
     *
     * @param nodeAttributes extra attributes by meter id, such as the customer or the firmware version
     */
    public static void writeJson(MeshGraph graph, Map<String, Map<String, String>> nodeAttributes, OutputStream out)
            throws IOException {
        JsonFactory factory = new JsonFactory();
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeStringField("at", graph.at().toString());
            json.writeStringField("gateway", graph.nodeId(graph.gateway()));
            json.writeArrayFieldStart("nodes");
            for (int v = 0; v < graph.nodeCount(); v++) {
                writeNode(json, graph, v, nodeAttributes.getOrDefault(graph.nodeId(v), Map.of()));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("links");
            for (MeshGraph.Link link : graph.links()) {
                writeLink(json, link);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** Writes the graph as GraphML, leaving the writer open; see the class comment for its keys. */
    public static void writeGraphMl(MeshGraph graph, Map<String, Map<String, String>> nodeAttributes, Writer out) {
        Graph<Integer, Integer> jgraph = new DirectedMultigraph<>(null, null, false);
        for (int v = 0; v < graph.nodeCount(); v++) {
            jgraph.addVertex(v);
        }
        for (int l = 0; l < graph.linkCount(); l++) {
            jgraph.addEdge(graph.link(l).from(), graph.link(l).to(), l);
        }
        GraphMLExporter<Integer, Integer> exporter = new GraphMLExporter<>(graph::nodeId);
        exporter.setEdgeIdProvider(l -> "l" + l);
        registerKeys(exporter, nodeAttributes);
        exporter.setVertexAttributeProvider(v -> nodeAttributes(graph, v,
                nodeAttributes.getOrDefault(graph.nodeId(v), Map.of())));
        exporter.setEdgeAttributeProvider(l -> linkAttributes(graph.link(l)));
        // JGraphT 1.5.3's exporter declares graph keys but never writes their values, so the mesh's moment and
        // gateway are put into the graph element here. Known shortcoming: the document is held whole in memory
        // for that, about 100 MB at 10,000 meters with every neighbour link.
        StringWriter document = new StringWriter();
        exporter.exportGraph(jgraph, document);
        try {
            out.write(withGraphData(document.toString(), Map.of("at", graph.at().toString(),
                    "gateway", graph.nodeId(graph.gateway()))));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document with a data element for each graph key named in {@code values}, first in the graph element. */
    static String withGraphData(String document, Map<String, String> values) {
        StringBuilder data = new StringBuilder();
        for (Map.Entry<String, String> value : new TreeMap<>(values).entrySet()) {
            Matcher key = Pattern.compile("<key id=\"([^\"]+)\" for=\"graph\" attr\\.name=\""
                    + Pattern.quote(value.getKey()) + "\"").matcher(document);
            if (key.find()) {
                data.append("<data key=\"").append(key.group(1)).append("\">").append(escape(value.getValue()))
                        .append("</data>");
            }
        }
        Matcher graph = Pattern.compile("<graph [^>]*>").matcher(document);
        if (!graph.find()) {
            throw new IllegalStateException("the GraphML document has no graph element");
        }
        return document.substring(0, graph.end()) + data + document.substring(graph.end());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void writeNode(JsonGenerator json, MeshGraph graph, int v, Map<String, String> attributes)
            throws IOException {
        TopologySnapshot.Node node = graph.node(v);
        json.writeStartObject();
        json.writeStringField("id", node.id());
        json.writeNumberField("lat", node.latitude());
        json.writeNumberField("lon", node.longitude());
        json.writeNumberField("hops", node.hops());
        json.writeNumberField("rank", node.rank());
        json.writeStringField("parent", node.parentId());
        json.writeArrayFieldStart("alternates");
        for (String alternate : node.alternates()) {
            json.writeString(alternate);
        }
        json.writeEndArray();
        json.writeBooleanField("stale", graph.staleNode(v));
        json.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> attribute : new TreeMap<>(attributes).entrySet()) {
            json.writeStringField(attribute.getKey(), attribute.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeLink(JsonGenerator json, MeshGraph.Link link) throws IOException {
        TopologySnapshot.Link measures = link.measures();
        json.writeStartObject();
        json.writeStringField("from", measures.from());
        json.writeStringField("to", measures.to());
        json.writeNumberField("forwardRssiDbm", measures.forwardRssiDbm());
        json.writeNumberField("reverseRssiDbm", measures.reverseRssiDbm());
        json.writeNumberField("forwardPsr", measures.forwardPsr());
        json.writeNumberField("reversePsr", measures.reversePsr());
        json.writeNumberField("etx", measures.etx());
        json.writeNumberField("ageSeconds", link.ageSeconds());
        json.writeBooleanField("preferred", measures.preferred());
        json.writeBooleanField("stale", link.stale());
        json.writeEndObject();
    }

    private static void registerKeys(GraphMLExporter<Integer, Integer> exporter,
            Map<String, Map<String, String>> nodeAttributes) {
        exporter.registerAttribute("at", AttributeCategory.GRAPH, AttributeType.STRING);
        exporter.registerAttribute("gateway", AttributeCategory.GRAPH, AttributeType.STRING);
        exporter.registerAttribute("lat", AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.registerAttribute("lon", AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.registerAttribute("hops", AttributeCategory.NODE, AttributeType.INT);
        exporter.registerAttribute("rank", AttributeCategory.NODE, AttributeType.INT);
        exporter.registerAttribute("parent", AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("alternates", AttributeCategory.NODE, AttributeType.STRING);
        // One key for both, as the exporter keeps its keys by name and a second registration would replace the first.
        exporter.registerAttribute("stale", AttributeCategory.ALL, AttributeType.BOOLEAN);
        TreeSet<String> extraNames = new TreeSet<>();
        nodeAttributes.values().forEach(attributes -> extraNames.addAll(attributes.keySet()));
        for (String name : extraNames) {
            exporter.registerAttribute(ATTRIBUTE_PREFIX + name, AttributeCategory.NODE, AttributeType.STRING);
        }
        for (String name : new String[] {"forwardRssiDbm", "reverseRssiDbm", "forwardPsr", "reversePsr", "etx"}) {
            exporter.registerAttribute(name, AttributeCategory.EDGE, AttributeType.DOUBLE);
        }
        exporter.registerAttribute("ageSeconds", AttributeCategory.EDGE, AttributeType.LONG);
        exporter.registerAttribute("preferred", AttributeCategory.EDGE, AttributeType.BOOLEAN);
    }

    private static Map<String, Attribute> nodeAttributes(MeshGraph graph, int v, Map<String, String> extra) {
        TopologySnapshot.Node node = graph.node(v);
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put("lat", DefaultAttribute.createAttribute(node.latitude()));
        attributes.put("lon", DefaultAttribute.createAttribute(node.longitude()));
        attributes.put("hops", DefaultAttribute.createAttribute(node.hops()));
        attributes.put("rank", DefaultAttribute.createAttribute(node.rank()));
        if (node.parentId() != null) {
            attributes.put("parent", DefaultAttribute.createAttribute(node.parentId()));
        }
        if (!node.alternates().isEmpty()) {
            attributes.put("alternates", DefaultAttribute.createAttribute(String.join(",", node.alternates())));
        }
        attributes.put("stale", DefaultAttribute.createAttribute(graph.staleNode(v)));
        extra.forEach((name, value) ->
                attributes.put(ATTRIBUTE_PREFIX + name, DefaultAttribute.createAttribute(value)));
        return attributes;
    }

    private static Map<String, Attribute> linkAttributes(MeshGraph.Link link) {
        TopologySnapshot.Link measures = link.measures();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        attributes.put("forwardRssiDbm", DefaultAttribute.createAttribute(measures.forwardRssiDbm()));
        attributes.put("reverseRssiDbm", DefaultAttribute.createAttribute(measures.reverseRssiDbm()));
        attributes.put("forwardPsr", DefaultAttribute.createAttribute(measures.forwardPsr()));
        attributes.put("reversePsr", DefaultAttribute.createAttribute(measures.reversePsr()));
        attributes.put("etx", DefaultAttribute.createAttribute(measures.etx()));
        attributes.put("ageSeconds", DefaultAttribute.createAttribute(link.ageSeconds()));
        attributes.put("preferred", DefaultAttribute.createAttribute(measures.preferred()));
        attributes.put("stale", DefaultAttribute.createAttribute(link.stale()));
        return attributes;
    }
}
