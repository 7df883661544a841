package io.gridside.console.replay;

import io.gridside.console.Formats;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which stretch of a window the timeline shows across its width, and where its ticks fall: zoomed about a point
 * from the whole window (a month at most) down to one minute, panned without leaving the window, with ticks on
 * round times of the site's time zone (whole days, hours, minutes), labelled as a person there reads them.
 */
public final class TimeScale {

    /** The shortest stretch shown: one minute. */
    public static final long MIN_SPAN_MILLIS = Duration.ofMinutes(1).toMillis();
    /** The longest stretch shown: a month of 31 days, or the window if shorter. */
    public static final long MAX_SPAN_MILLIS = Duration.ofDays(31).toMillis();
    /** Ticks stand at least this many pixels apart, so that their labels do not run into each other. */
    static final double TICK_GAP = 90;

    private static final long[] STEPS = {
        Duration.ofMinutes(1).toMillis(), Duration.ofMinutes(5).toMillis(), Duration.ofMinutes(10).toMillis(),
        Duration.ofMinutes(15).toMillis(), Duration.ofMinutes(30).toMillis(), Duration.ofHours(1).toMillis(),
        Duration.ofHours(3).toMillis(), Duration.ofHours(6).toMillis(), Duration.ofHours(12).toMillis(),
        Duration.ofDays(1).toMillis(), Duration.ofDays(2).toMillis(), Duration.ofDays(7).toMillis(),
    };
    /** A pattern of the language in use, its day names in it. */
    private static final String DAY = "EEE d MMM";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    /** A tick: where it stands across the width, and its label in the site's time zone. */
    public record Tick(double x, String label, boolean dayStart) {
    }

    private final long windowStart;
    private final long windowEnd;
    private long start;
    private long end;

    /** A scale of the window [{@code from}, {@code to}) showing the whole of it, or its last month when longer. */
    public TimeScale(Instant from, Instant to) {
        windowStart = from.toEpochMilli();
        windowEnd = Math.max(to.toEpochMilli(), windowStart + MIN_SPAN_MILLIS);
        end = windowEnd;
        start = Math.max(windowStart, windowEnd - MAX_SPAN_MILLIS);
    }

    /** The start of the stretch shown, in epoch milliseconds. */
    public long start() {
        return start;
    }

    /** The end of the stretch shown, in epoch milliseconds. */
    public long end() {
        return end;
    }

    public long span() {
        return end - start;
    }

    /** Where {@code millis} stands across a width of {@code width} pixels; outside 0..width when not shown. */
    public double xOf(long millis, double width) {
        return (millis - start) * width / span();
    }

    /** The instant at {@code x} across a width of {@code width} pixels, kept within the window. */
    public Instant instantAt(double x, double width) {
        long millis = start + Math.round(x / width * span());
        return Instant.ofEpochMilli(Math.max(windowStart, Math.min(windowEnd - 1, millis)));
    }

    /**
     * Zooms by {@code factor} (above 1 in, below 1 out) keeping the instant under {@code x} where it is, the span
     * kept between a minute and the longest shown.
     */
    public void zoomAt(double x, double width, double factor) {
        long longest = Math.min(MAX_SPAN_MILLIS, windowEnd - windowStart);
        long span = Math.round(span() / factor);
        span = Math.max(Math.min(MIN_SPAN_MILLIS, longest), Math.min(longest, span));
        double fraction = Math.max(0, Math.min(1, x / width));
        long pointed = start + Math.round(fraction * span());
        start = pointed - Math.round(fraction * span);
        end = start + span;
        keepInWindow();
    }

    /** Moves the stretch shown by {@code dx} pixels of a width of {@code width}: right shows earlier times. */
    public void pan(double dx, double width) {
        long shift = Math.round(dx / width * span());
        start -= shift;
        end -= shift;
        keepInWindow();
    }

    /** Moves the stretch shown, at the same span, so that {@code at} is in view; nothing when it already is. */
    public void reveal(Instant at) {
        long millis = at.toEpochMilli();
        if (millis >= start && millis < end) {
            return;
        }
        long span = span();
        start = millis - span / 2;
        end = start + span;
        keepInWindow();
    }

    private void keepInWindow() {
        long span = end - start;
        if (start < windowStart) {
            start = windowStart;
            end = start + span;
        }
        if (end > windowEnd) {
            end = windowEnd;
            start = Math.max(windowStart, end - span);
        }
    }

    /** The ticks across a width of {@code width} pixels, on round times of {@code zone}. */
    public List<Tick> ticks(double width, ZoneId zone) {
        long step = step(width);
        List<Tick> ticks = new ArrayList<>();
        ZonedDateTime at = firstTick(zone, step);
        while (at.toInstant().toEpochMilli() < end && ticks.size() < 200) {
            long millis = at.toInstant().toEpochMilli();
            if (millis >= start) {
                boolean dayStart = at.toLocalTime().toSecondOfDay() == 0;
                String label = dayStart || step >= Duration.ofDays(1).toMillis() ? Formats.pattern(DAY).format(at)
                        : MINUTE.format(at);
                ticks.add(new Tick(xOf(millis, width), label, dayStart));
            }
            at = step >= Duration.ofDays(1).toMillis() ? at.plusDays(step / Duration.ofDays(1).toMillis())
                    : at.plus(Duration.ofMillis(step));
        }
        return ticks;
    }

    /**
     * The day the stretch shown begins on in {@code zone}, as a day's tick names it: the axis names it at its left
     * end, where the first tick's label gives way to the zone's name, so the hours after it still have their day.
     */
    public String startDay(ZoneId zone) {
        return Formats.pattern(DAY).format(Instant.ofEpochMilli(start).atZone(zone));
    }

    /** The tick step: the shortest of the round steps that keeps ticks {@link #TICK_GAP} pixels apart. */
    long step(double width) {
        double perPixel = span() / Math.max(1, width);
        for (long step : STEPS) {
            if (step / perPixel >= TICK_GAP) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    private ZonedDateTime firstTick(ZoneId zone, long step) {
        ZonedDateTime shown = Instant.ofEpochMilli(start).atZone(zone);
        if (step >= Duration.ofDays(1).toMillis()) {
            return shown.truncatedTo(ChronoUnit.DAYS);
        }
        ZonedDateTime day = shown.truncatedTo(ChronoUnit.DAYS);
        long into = Duration.between(day, shown).toMillis();
        return day.plus(Duration.ofMillis(into / step * step));
    }
}
