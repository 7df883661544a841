package io.gridside.console.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * The window the technician chose to replay: how long, and the site day it ends with, or none for a window that
 * ends with the latest event the site database holds.
 */
public record WindowChoice(Length length, LocalDate lastDay) {

    /** The lengths offered. */
    public enum Length {
        DAY(Duration.ofDays(1)), THREE_DAYS(Duration.ofDays(3)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(30));

        private final Duration duration;

        Length(Duration duration) {
            this.duration = duration;
        }

        public Duration duration() {
            return duration;
        }

        /** The key of the length's name in the messages. */
        public String key() {
            return "replay.window." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The default: the last week the site database holds events for. */
    public static final WindowChoice LAST_WEEK = new WindowChoice(Length.WEEK, null);

    public WindowChoice {
        Objects.requireNonNull(length, "length");
    }

    /**
     * The window's end: just after {@code lastEvent} when no day was chosen, else the end of the chosen day in
     * {@code zone}.
     */
    public Instant end(Instant lastEvent, ZoneId zone) {
        return lastDay == null ? lastEvent.plusMillis(1) : lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The window's start, {@link Length#duration()} before {@code end}. */
    public Instant start(Instant end) {
        return end.minus(length.duration());
    }
}
