package io.gridside.site.outage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One outage found in a site's history: when, whom it touched, why, and the evidence.
 *
 * @param id a short name, stable for the same events, such as {@code O-20260603-1840-1}
 * @param cause the cause the evidence decided; {@link OutageCause#AMBIGUOUS} when it could not
 * @param start when the first meter (or the gateway) went out
 * @param end when the last came back, or the window's end when some were still out then
 * @param spans each affected meter's time out, in meter id order; empty for an outage of the gateway alone
 * @param feeders the feeders of the affected meters, in order; empty when meters are not mapped to feeders
 * @param evidence the facts that decided the cause, strongest first
 * @param competing for an ambiguous outage, the explanations that fit, each with why; otherwise empty
 * @param eventIds the gateway's numbers of every event this outage explains, in order
 */
public record Outage(String id, OutageCause cause, Instant start, Instant end, List<MeterSpan> spans,
        List<String> feeders, List<Evidence> evidence, List<Competing> competing, List<Long> eventIds) {

    /**
     * An explanation that fits an ambiguous outage, and why it does.
     *
     * @param why the reason in English, for the log, the command line and the exports
     * @param reason the name of that sentence, such as {@code partition}, for a console to word it in the technician's
     *               language, or null when it names none
     * @param values what goes in that sentence's places, in order: a meter's id, a time of day
     */
    public record Competing(OutageCause cause, String why, String reason, List<String> values) {

        public Competing {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(why, "why");
            values = values == null ? List.of() : List.copyOf(values);
        }

        /** An explanation in English only, naming no sentence. */
        public Competing(OutageCause cause, String why) {
            this(cause, why, null, List.of());
        }
    }

    public Outage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        spans = List.copyOf(spans);
        feeders = List.copyOf(feeders);
        evidence = List.copyOf(evidence);
        competing = List.copyOf(competing);
        eventIds = List.copyOf(eventIds);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** How many meters it touched: a meter out twice in it counts once. */
    public int meterCount() {
        return (int) spans.stream().map(MeterSpan::meterId).distinct().count();
    }

    /** Whether any customer lost supply in it, so that it counts in the reliability indices. */
    public boolean supplyLost() {
        return spans.stream().anyMatch(MeterSpan::supplyLost);
    }
}
