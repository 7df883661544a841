package io.gridside.console.service;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.site.SiteEvent;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.outage.Diagnoser;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.DiagnosisInput;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Diagnoses a window of a site's history straight from its gateway, without a site database: it asks for the
 * window's events, the roster with each meter's feeder, and the mesh's routes, and hands them to the
 * {@link Diagnoser}.
 *
 * <p>The events start a day before the window ({@link #LEAD_IN}), so that a meter already out when the window
 * opens, or a repeater already silent, is known as such rather than found out by its return. The routes are the
 * mesh's as the events start (or as the gateway's history starts, when that is later), which the parent changes
 * among the events then move on.
 */
public final class GatewayOutages {

    /** How far before the window the events are read, to know who was already out as it opens. */
    public static final Duration LEAD_IN = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(GatewayOutages.class);
    private static final String OUT_OF_RANGE = "TOPOLOGY_OUT_OF_RANGE";

    private GatewayOutages() {
    }

    /** The outages of [from, to) as the gateway's history tells them. */
    public static Diagnosis diagnose(GatewayClient client, Instant from, Instant to) throws LinkException {
        return Diagnoser.diagnose(input(client, from, to));
    }

    /** What the diagnosis of [from, to) reads, fetched from the gateway. */
    public static DiagnosisInput input(GatewayClient client, Instant from, Instant to) throws LinkException {
        List<String> meterIds = new ArrayList<>();
        Map<String, String> feederOf = new LinkedHashMap<>();
        client.roster((batch, received, total) -> batch.forEach(entry -> {
            meterIds.add(entry.meter().meterId());
            if (entry.feeder() != null) {
                feederOf.put(entry.meter().meterId(), entry.feeder());
            }
        }), CancelSignal.NEVER);

        Instant eventsFrom = from.minus(LEAD_IN);
        List<SiteEvent> events = new ArrayList<>();
        client.events(eventsFrom, to, (batch, received, total) -> events.addAll(batch), CancelSignal.NEVER);

        // A gateway whose history starts after the lead-in holds no mesh then, but does at its first event.
        Instant firstEvent = events.isEmpty() ? from : events.get(0).at();
        Map<String, String> parentOf = parents(mesh(client, eventsFrom, firstEvent, from), meterIds);
        return new DiagnosisInput(from, to, client.hello().gatewayId(), meterIds, parentOf, feederOf, events,
                ZoneId.of(client.hello().timeZone()));
    }

    /**
     * The mesh at the first of {@code times} the gateway holds one of, or as it stands now when it holds none: a
     * gateway's topology history may start after the lead-in, and routes of now are better than none.
     */
    private static TopologySnapshot mesh(GatewayClient client, Instant... times) throws LinkException {
        for (Instant at : Arrays.asList(times)) {
            try {
                return client.topology(at);
            } catch (LinkException e) {
                if (!OUT_OF_RANGE.equals(e.gatewayCode())) {
                    throw e;
                }
                LOG.info("The gateway holds no mesh of {}: {}", at, e.getMessage());
            }
        }
        return client.topology(null);
    }

    /** Each meter's parent in {@code mesh}, for the meters of the roster that have a route. */
    private static Map<String, String> parents(TopologySnapshot mesh, List<String> meterIds) {
        Map<String, String> parentOf = new HashMap<>();
        Set<String> meters = new HashSet<>(meterIds);
        for (TopologySnapshot.Node node : mesh.nodes()) {
            if (node.parentId() != null && meters.contains(node.id())) {
                parentOf.put(node.id(), node.parentId());
            }
        }
        return parentOf;
    }
}
