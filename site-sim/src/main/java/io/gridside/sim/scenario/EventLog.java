package io.gridside.sim.scenario;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulated gateway's event log, its own events and those of its meters, numbered from 1 in the order they
 * were logged. Each meter's log is the part of it that meter is the source of. Not thread-safe: the gateway
 * guards it.
 */
public final class EventLog {

    private final List<SiteEvent> events = new ArrayList<>();
    private long lastId;

    /** Logs an event and gives it the next number. */
    public SiteEvent add(Instant at, String source, EventKind kind, Map<String, String> details,
            SiteEvent.Cause cause) {
        SiteEvent event = new SiteEvent(++lastId, at, source, kind, new java.util.TreeMap<>(details), cause);
        events.add(event);
        return event;
    }

    /**
     * Hands over the events logged since the last call and forgets them, for a gateway that keeps its log in its
     * journal; the numbering goes on, and the queries here answer for the events not yet handed over alone.
     */
    public List<SiteEvent> drain() {
        List<SiteEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    /** The events that happened in [from, to), in the order they were logged. */
    public List<SiteEvent> between(Instant from, Instant to) {
        return events.stream().filter(event -> !event.at().isBefore(from) && event.at().isBefore(to)).toList();
    }

    /** The log of one meter or of the gateway itself: the events {@code source} is the source of. */
    public List<SiteEvent> of(String source) {
        return events.stream().filter(event -> event.source().equals(source)).toList();
    }

    /** Every event, in the order it was logged. */
    public List<SiteEvent> all() {
        return List.copyOf(events);
    }

    public int size() {
        return events.size();
    }
}
