package io.gridside.console.service;

import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** How the incident report writes times, durations, indices and events, the same on the page and in the CSV. */
final class IncidentText {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private IncidentText() {
    }

    /** An instant as a person reads it in the site's time zone, such as {@code 2026-06-01 21:30:00}. */
    static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }

    /** An instant in the site's time zone with its offset, ISO 8601, as programs read it. */
    static String iso(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone));
    }

    /** Whole and tenth minutes, such as {@code 180.0}. */
    static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 60_000.0);
    }

    /** A duration as a person reads it, such as {@code 3 h 05 min} or {@code 2 min 30 s}. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
                : seconds + " s";
    }

    /** An index to three decimals, or {@code undefined} when it divides by zero. */
    static String index(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "undefined";
    }

    /** An event's kind as words, such as {@code power loss}. */
    static String kind(SiteEvent event) {
        return event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** An event's details as {@code key=value} pairs in key order, such as {@code lastGasp=true}. */
    static String details(SiteEvent event) {
        return event.details().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
