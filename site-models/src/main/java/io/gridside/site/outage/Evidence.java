package io.gridside.site.outage;

import java.util.List;
import java.util.Objects;

/**
 * One fact that decided an outage's cause, or counted against one, in words a technician reads, with the events
 * that show it.
 *
 * @param text the fact, such as {@code 23 of 24 meters on F1 sent a last gasp within 2 s}
 * @param eventIds the gateway's numbers of the events that show it, in order; may be empty
 */
public record Evidence(String text, List<Long> eventIds) {

    public Evidence {
        Objects.requireNonNull(text, "text");
        eventIds = List.copyOf(eventIds);
    }

    public static Evidence of(String text) {
        return new Evidence(text, List.of());
    }
}
