package io.gridside.site;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of a site's event log: what happened, when, where, and, for an event a scenario scripted, what
 * truly caused it, so that a diagnosis of the site can be scored against the truth.
 *
 * @param id the gateway's number of the event, from 1, in the order it logged them
 * @param at when it happened, by the gateway's clock
 * @param source the gateway's id or a meter's id
 * @param details what else the event says, as short text values under short keys, in key order
 * @param cause the scripted step that caused it, or null for an event that arose on its own
 */
public record SiteEvent(long id, Instant at, String source, EventKind kind, SortedMap<String, String> details,
        Cause cause) {

    /**
     * The scripted scenario step that caused an event: the ground truth a diagnosis is scored against.
     *
     * @param scenario the scenario's name
     * @param step the step's index in the scenario, from 0
     * @param kind the step's kind, such as {@code feeder-power-loss}
     */
    public record Cause(String scenario, int step, String kind) {

        public Cause {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(kind, "kind");
            if (step < 0) {
                throw new IllegalArgumentException("step must not be negative, was " + step);
            }
        }
    }

    public SiteEvent {
        if (id < 1) {
            throw new IllegalArgumentException("id must be at least 1, was " + id);
        }
        Objects.requireNonNull(at, "at");
        Validate.id("source", source);
        Objects.requireNonNull(kind, "kind");
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details == null ? Map.of() : details));
    }

    /** The event's detail under {@code key}, or null when it has none. */
    public String detail(String key) {
        return details.get(key);
    }

    /** Whether a scenario scripted the event rather than the site raising it on its own. */
    public boolean scripted() {
        return cause != null;
    }
}
