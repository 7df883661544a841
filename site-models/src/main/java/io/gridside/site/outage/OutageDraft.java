package io.gridside.site.outage;

import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An outage while the diagnosis still walks the event log: the events it explains so far, its meters' spans,
 * some still open, and for a mesh partition the repeater at its root. Mutable; the walk alone uses it.
 */
final class OutageDraft {

    /** One meter's time out while it is being found; {@code to} is null while the meter is still out. */
    static final class Span {
        final String meterId;
        final Instant from;
        final boolean supplyLost;
        /** The events that began and ended it. */
        final List<SiteEvent> events = new ArrayList<>();
        /** The meter at the top of the run of dark meters it went dark under: itself if it lost its own links. */
        String root;
        /** Whether other meters had routed through it in the window by the time it went out. */
        boolean relays;
        Instant to;

        Span(String meterId, Instant from, boolean supplyLost) {
            this.meterId = meterId;
            this.from = from;
            this.supplyLost = supplyLost;
        }
    }

    OutageCause cause;
    final Instant start;
    /** The gateway's stretch the outage stands for, or null for one the meters' events alone make. */
    final GatewayWindow window;
    /** For a mesh partition, the meter that went silent and cut the others off; otherwise null. */
    String root;
    /** For a mesh partition, whether its root lost power rather than only its radio. */
    boolean rootLostPower;
    /** For a mesh partition found while interference held, the interference; otherwise null. */
    GatewayWindow interference;
    /** How many branches of the mesh lost their own links into it: for interference, one per meter at its top. */
    int branches;
    final List<SiteEvent> events = new ArrayList<>();
    final List<Span> spans = new ArrayList<>();
    final List<Evidence> notes = new ArrayList<>();
    final List<Outage.Competing> competing = new ArrayList<>();

    OutageDraft(OutageCause cause, Instant start, GatewayWindow window) {
        this.cause = cause;
        this.start = start;
        this.window = window;
    }

    /** Opens a span for the meter from {@code at} and returns it. */
    Span open(String meterId, Instant at, boolean supplyLost) {
        Span span = new Span(meterId, at, supplyLost);
        spans.add(span);
        return span;
    }

    void explain(SiteEvent event) {
        events.add(event);
    }

    /** The spans of the meters that went out at {@code at}. */
    List<Span> spansFrom(Instant at) {
        return spans.stream().filter(span -> span.from.equals(at)).toList();
    }

    /** When its last meter came back, or {@code windowEnd} when one is still out; null when it has no spans. */
    Instant spansEnd(Instant windowEnd) {
        Instant end = null;
        for (Span span : spans) {
            Instant to = span.to == null ? windowEnd : span.to;
            end = end == null || to.isAfter(end) ? to : end;
        }
        return end;
    }
}
