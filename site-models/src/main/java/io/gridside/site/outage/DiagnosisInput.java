package io.gridside.site.outage;

import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a diagnosis reads of a site: its event log over a window and the shape of its mesh and wiring.
 *
 * @param from the window's start
 * @param to the window's end, exclusive
 * @param gatewayId the gateway's id, the source of its own events
 * @param meterIds every meter of the site, in order
 * @param parentOf each meter's parent in the mesh as the window begins (a meter or the gateway's id), by meter
 *     id; a meter without a known parent is missing
 * @param feederOf each meter's feeder, by meter id; empty when the site's meters are not mapped to feeders
 * @param events the events of the window, and those of the hours before it that set its starting state, in the
 *     gateway's order
 * @param zone the site's time zone, in which the evidence gives its times
 */
public record DiagnosisInput(Instant from, Instant to, String gatewayId, List<String> meterIds,
        Map<String, String> parentOf, Map<String, String> feederOf, List<SiteEvent> events, ZoneId zone) {

    public DiagnosisInput {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(gatewayId, "gatewayId");
        meterIds = List.copyOf(meterIds);
        parentOf = Map.copyOf(parentOf);
        feederOf = Map.copyOf(feederOf);
        events = List.copyOf(events);
        Objects.requireNonNull(zone, "zone");
    }

    /** An input whose evidence gives its times in UTC, for a caller that does not know the site's time zone. */
    public DiagnosisInput(Instant from, Instant to, String gatewayId, List<String> meterIds,
            Map<String, String> parentOf, Map<String, String> feederOf, List<SiteEvent> events) {
        this(from, to, gatewayId, meterIds, parentOf, feederOf, events, ZoneId.of("UTC"));
    }
}
