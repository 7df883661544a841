package io.gridside.console.service;

import io.gridside.console.I18n;
import io.gridside.site.InvalidValueException;
import io.gridside.site.SiteEvent;
import io.gridside.site.store.SiteStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stretch of a site's history that a site database holds events of: from its first event to its last. A
 * window outside it holds no outage because nothing of it is known, not because the site was reliable, and the
 * reports must say so rather than print a perfect record.
 *
 * @param first when the first event held happened, or null when none is held
 * @param last when the last event held happened, or null when none is held
 * @param pulledAt the gateway's clock as the last pull saw it, or null when not known: the history is known up to
 *     then even when its last hours were quiet
 */
public record EventHistory(Instant first, Instant last, Instant pulledAt) {

    /**
     * How far a window may reach past the first or last event held and still count as within the history: a quiet
     * site may log nothing through a night, so a window from midnight of the first day held is not flagged for the
     * hours before its first event; a window reaching further is.
     */
    public static final Duration EDGE = Duration.ofHours(12);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** How a window lies against the history held. */
    public enum Coverage {
        /** The history held spans the whole window. */
        WITHIN,
        /** The window begins before the history held or ends after it. */
        PARTLY_OUTSIDE,
        /** The window lies wholly before or after the history held. */
        OUTSIDE,
        /** No event is held at all. */
        NONE_HELD
    }

    public EventHistory {
        if ((first == null) != (last == null) || first != null && last.isBefore(first)) {
            throw new InvalidValueException("history.order", "A history runs from its first event to its last: "
                    + first + " to " + last + ".", first, last);
        }
    }

    /** When what is known ends: the last event held, or the pull that saw the gateway's clock later. */
    public Instant end() {
        return pulledAt != null && last != null && pulledAt.isAfter(last) ? pulledAt : last;
    }

    /** The history of no event at all. */
    public static EventHistory none() {
        return new EventHistory(null, null, null);
    }

    /** The history {@code store} holds, from its earliest event to its latest. */
    static EventHistory of(SiteStore store) {
        Optional<Instant> last = store.latestEventAt();
        Optional<Instant> first = store.earliestEventAt();
        if (last.isEmpty() || first.isEmpty()) {
            return none();
        }
        return new EventHistory(first.get(), last.get(), store.pulledGatewayClock().orElse(null));
    }

    /** The history that {@code events}, the whole of what is known, span. */
    public static EventHistory of(List<SiteEvent> events) {
        return events.isEmpty() ? none() : new EventHistory(
                events.stream().map(SiteEvent::at).min(Instant::compareTo).orElseThrow(),
                events.stream().map(SiteEvent::at).max(Instant::compareTo).orElseThrow(), null);
    }

    public boolean isEmpty() {
        return first == null;
    }

    /** How the window [from, to) lies against this history. */
    public Coverage coverage(Instant from, Instant to) {
        if (isEmpty()) {
            return Coverage.NONE_HELD;
        }
        if (!to.isAfter(first) || from.isAfter(end())) {
            return Coverage.OUTSIDE;
        }
        boolean early = from.isBefore(first.minus(EDGE));
        boolean late = to.isAfter(end().plus(EDGE));
        return early || late ? Coverage.PARTLY_OUTSIDE : Coverage.WITHIN;
    }

    /**
     * What a person must know of the window [from, to) against this history, in the site's time zone: empty when
     * the history spans it, else a sentence that says the indices say nothing of what lies outside.
     */
    public Optional<String> warning(Instant from, Instant to, ZoneId zone, String holder) {
        return switch (coverage(from, to)) {
            case WITHIN -> Optional.empty();
            case NONE_HELD -> Optional.of(holder + " holds no events at all: the window " + local(from, zone) + " to "
                    + local(to, zone) + " is not known, and the indices say nothing about it.");
            case OUTSIDE -> Optional.of(holder + " holds events from " + local(first, zone) + " to "
                    + local(last, zone) + "; the window " + local(from, zone) + " to " + local(to, zone)
                    + " lies outside that and holds none: the indices say nothing about it.");
            case PARTLY_OUTSIDE -> Optional.of(holder + " holds events from " + local(first, zone) + " to "
                    + local(last, zone) + "; the window " + local(from, zone) + " to " + local(to, zone)
                    + " reaches past that: the indices say nothing about the part outside it.");
        };
    }

    /**
     * As {@link #warning}, for the site database, in the language in use: the sentence {@code history.COVERAGE} with
     * the history's first and last event and the window's ends, as printed pages and screens show it.
     */
    public Optional<String> wordedWarning(Instant from, Instant to, ZoneId zone) {
        Coverage coverage = coverage(from, to);
        return coverage == Coverage.WITHIN ? Optional.empty() : Optional.of(I18n.text("history." + coverage.name(),
                first == null ? "" : local(first, zone), last == null ? "" : local(last, zone), local(from, zone),
                local(to, zone)));
    }

    private static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }
}
