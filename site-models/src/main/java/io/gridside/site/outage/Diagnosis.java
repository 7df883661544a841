package io.gridside.site.outage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outages of one window of a site's history, and which outage explains each event.
 *
 * @param from the window's start
 * @param to the window's end, exclusive
 * @param outages the outages found, by start
 * @param excludedMeters meters whose relay billing or maintenance held open in the window, by id: a meter off for
 *     either is not out, and its time off counts in no index
 */
public record Diagnosis(Instant from, Instant to, List<Outage> outages, List<String> excludedMeters) {

    public Diagnosis {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        outages = List.copyOf(outages);
        excludedMeters = List.copyOf(excludedMeters);
    }

    /** The outage that explains the event the gateway numbered {@code eventId}, if one does. */
    public Optional<Outage> outageOf(long eventId) {
        return outages.stream().filter(outage -> outage.eventIds().contains(eventId)).findFirst();
    }

    /** Each explained event's outage, by the gateway's number of the event. */
    public Map<Long, Outage> byEvent() {
        Map<Long, Outage> map = new java.util.HashMap<>();
        outages.forEach(outage -> outage.eventIds().forEach(id -> map.put(id, outage)));
        return map;
    }
}
