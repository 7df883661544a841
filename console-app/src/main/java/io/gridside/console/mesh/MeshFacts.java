package io.gridside.console.mesh;

import io.gridside.site.CreditState;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.mesh.MeshGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the mesh view knows of each radio of a graph besides its radio: its customer, serial number, credit state,
 * whether it is online, its firmware and traffic, and its hops, by radio index. What nodes are coloured, searched and
 * filtered by.
 *
 * <p>Online means routed at the graph's moment and, when the graph is the latest, read within {@link #RECENT} of it.
 * The credit state is the one pulled last: the past view shows today's credit state on yesterday's mesh.
 */
public final class MeshFacts {

    /** How recent a meter's last reading must be for it to count as online. */
    public static final Duration RECENT = Duration.ofHours(1);

    private final MeshGraph graph;
    private final String[] customerIds;
    private final String[] customerNames;
    private final String[] serials;
    private final CreditState[] creditStates;
    private final boolean[] online;

    private MeshFacts(MeshGraph graph) {
        this.graph = graph;
        int n = graph.nodeCount();
        customerIds = new String[n];
        customerNames = new String[n];
        serials = new String[n];
        creditStates = new CreditState[n];
        online = new boolean[n];
    }

    /**
     * The facts of {@code graph}'s radios from the meters' status and the roster.
     *
     * @param latest whether the graph is the mesh as pulled last, so that the meters' last readings tell who is
     *     online; in a past view, a routed meter counts as online
     */
    public static MeshFacts of(MeshGraph graph, List<MeterStatus> statuses, List<Meter> roster, boolean latest) {
        MeshFacts facts = new MeshFacts(graph);
        Map<String, MeterStatus> byMeter = new HashMap<>();
        statuses.forEach(status -> byMeter.put(status.meterId(), status));
        Map<String, Meter> meters = new HashMap<>();
        roster.forEach(meter -> meters.put(meter.meterId(), meter));
        for (int i = 0; i < graph.nodeCount(); i++) {
            String id = graph.nodeId(i);
            MeterStatus status = byMeter.get(id);
            Meter meter = meters.get(id);
            facts.customerIds[i] = status != null ? status.customerId() : meter != null ? meter.customerId() : null;
            facts.customerNames[i] = status != null ? status.customerName() : null;
            facts.serials[i] = meter != null ? meter.serial() : null;
            facts.creditStates[i] = status != null ? status.creditState() : null;
            facts.online[i] = i == graph.gateway() || routed(graph, i) && (!latest || recent(status, graph.at()));
        }
        return facts;
    }

    private static boolean routed(MeshGraph graph, int node) {
        return !graph.staleNode(node) && graph.node(node).routed();
    }

    private static boolean recent(MeterStatus status, Instant at) {
        return status != null && status.lastReadingAt() != null
                && !status.lastReadingAt().isBefore(at.minus(RECENT));
    }

    /** The graph these facts are of. */
    public MeshGraph graph() {
        return graph;
    }

    /** How many radios, the gateway included. */
    public int size() {
        return graph.nodeCount();
    }

    /** The radio's id. */
    public String meterId(int node) {
        return graph.nodeId(node);
    }

    /** The customer the meter supplies, or null when the roster does not say (and for the gateway). */
    public String customerId(int node) {
        return customerIds[node];
    }

    /** The customer's name, or null when the meters' status does not say. */
    public String customerName(int node) {
        return customerNames[node];
    }

    /** The meter's serial number, or null when the roster does not have it. */
    public String serial(int node) {
        return serials[node];
    }

    /** The customer's credit state as pulled last, or null for the gateway and unknown meters. */
    public CreditState creditState(int node) {
        return creditStates[node];
    }

    /** Whether the radio is online: routed at the graph's moment and, in the latest view, read recently. */
    public boolean online(int node) {
        return online[node];
    }

    /** The firmware version the radio runs, or null when the gateway does not say. */
    public String firmware(int node) {
        return graph.node(node).firmware();
    }

    /** The packets the radio sent and forwarded in the last hour, or -1 when unknown. */
    public long traffic(int node) {
        return graph.node(node).trafficPerHour();
    }

    /** Hops to the gateway: 0 for the gateway, -1 without a route. */
    public int hops(int node) {
        return graph.node(node).hops();
    }

    /** The facts of one radio as text by name, for an export: customer, credit state, firmware, traffic, online. */
    public Map<String, String> exported(int node) {
        Map<String, String> facts = new LinkedHashMap<>();
        putIfKnown(facts, "customer", customerIds[node]);
        putIfKnown(facts, "customerName", customerNames[node]);
        putIfKnown(facts, "serial", serials[node]);
        putIfKnown(facts, "creditState", creditStates[node] == null ? null : creditStates[node].name());
        putIfKnown(facts, "firmware", firmware(node));
        putIfKnown(facts, "trafficPerHour", traffic(node) < 0 ? null : Long.toString(traffic(node)));
        facts.put("online", Boolean.toString(online[node]));
        return facts;
    }

    /** {@link #exported} of every radio, by radio id. */
    public Map<String, Map<String, String>> exported() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (int i = 0; i < size(); i++) {
            all.put(meterId(i), exported(i));
        }
        return all;
    }

    private static void putIfKnown(Map<String, String> facts, String name, String value) {
        if (value != null) {
            facts.put(name, value);
        }
    }
}
