package io.gridside.site.outage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * One fact that decided an outage's cause, or counted against one, in words a technician reads, with the events
 * that show it.
 *
 * <p>Its values are written so that a console can tell what each one is and write it as the technician's language
 * does: a time as ISO 8601 with its offset and the site's zone ({@link #time}), a length of time as an ISO 8601
 * duration ({@link #duration}), a count or a measure in digits with a point for decimals, and a meter's id, a
 * feeder's name or a word the gateway reported (an inverter's trip reason) as they are.
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

    /** A time as a value of a sentence: {@code 2026-06-03T21:04:30+03:00[Africa/Nairobi]}. */
    public static String time(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_ZONED_DATE_TIME.format(at.atZone(zone));
    }

    /** A length of time as a value of a sentence: {@code PT1H5M}. */
    public static String duration(Duration length) {
        return length.toString();
    }
}
