package io.gridside.site.outage;

import java.util.List;
import java.util.Objects;

/**
 * One fact that decided an outage's cause, or counted against one, in words a technician reads, with the events
 * that show it.
 *
 * @param text the fact in English, such as {@code 23 of 24 meters on F1 sent a last gasp within 2 s}, for the log,
 *             the command line and the exports
 * @param eventIds the gateway's numbers of the events that show it, in order; may be empty
 * @param reason the name of the fact's sentence, such as {@code evidence.noPowerLost}, for a console to word it in
 *               the technician's language, or null when it names none
 * @param values what goes in that sentence's places, in order
 */
public record Evidence(String text, List<Long> eventIds, String reason, List<String> values) {

    public Evidence {
        Objects.requireNonNull(text, "text");
        eventIds = List.copyOf(eventIds);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** A fact in English only, naming no sentence. */
    public Evidence(String text, List<Long> eventIds) {
        this(text, eventIds, null, List.of());
    }

    public static Evidence of(String text) {
        return new Evidence(text, List.of());
    }

    /** A fact shown by no event in particular, naming its sentence {@code reason} with {@code values}. */
    public static Evidence named(String text, String reason, String... values) {
        return new Evidence(text, List.of(), reason, List.of(values));
    }
}
