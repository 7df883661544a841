package io.gridside.sim;

import io.gridside.sim.rf.MeshTimeline;
import io.gridside.site.SiteEvent;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.history.MeshDay;
import io.gridside.site.history.MeshDayBuilder;
import io.gridside.site.history.MeshDayDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The simulated gateway's history by site day: each day's digests, and its mesh history replayed from the mesh's
 * timeline. A day that is over keeps its mesh, so its mesh digest is worked out once; its events are summarised
 * afresh each time, since an event may be logged after the day it happened in. Its owner guards it.
 */
final class HistoryDays {

    private final MeshTimeline mesh;
    private final ZoneId zone;
    private final Instant historyStart;
    private final BiFunction<Instant, Instant, List<SiteEvent>> events;
    /** The mesh summaries of days that are over, which can no longer change. */
    private final Map<LocalDate, MeshSummary> completeMeshes = new HashMap<>();

    private record MeshSummary(long steps, ByteString digest, long bytes) {
    }

    /** The history of {@code mesh} and of the event log {@code events} gives, in [from, to), by {@code zone}'s days. */
    HistoryDays(MeshTimeline mesh, ZoneId zone, Instant historyStart,
            BiFunction<Instant, Instant, List<SiteEvent>> events) {
        this.mesh = mesh;
        this.zone = zone;
        this.historyStart = historyStart;
        this.events = events;
    }

    /**
     * The digests of the days from {@code from} to {@code to}, both included; null for the first day held or for
     * the day of {@code clock}.
     *
     * @throws IllegalArgumentException for days outside the history
     */
    List<DayDigest> digests(LocalDate from, LocalDate to, Instant clock) {
        LocalDate first = from == null ? firstDay() : from;
        LocalDate last = to == null ? HistoryDigests.dayOf(clock, zone) : to;
        checkHeld(first, clock);
        checkHeld(last, clock);
        List<DayDigest> digests = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            digests.add(digest(day, clock));
        }
        return digests;
    }

    /**
     * The mesh history document of {@code day}, up to {@code clock} for the day that holds it.
     *
     * @throws IllegalArgumentException for a day outside the history
     */
    byte[] meshDocument(LocalDate day, Instant clock) {
        checkHeld(day, clock);
        return MeshDayDocument.encode(meshDay(day, clock));
    }

    private DayDigest digest(LocalDate day, Instant clock) {
        Instant end = HistoryDigests.dayStart(day.plusDays(1), zone);
        boolean complete = !clock.isBefore(end);
        List<SiteEvent> logged = events.apply(HistoryDigests.dayStart(day, zone), end);
        MeshSummary summary = complete ? completeMeshes.get(day) : null;
        if (summary == null) {
            MeshDay meshDay = meshDay(day, clock);
            byte[] document = MeshDayDocument.encode(meshDay);
            summary = new MeshSummary(meshDay.steps().size(), HistoryDigests.sha256(document), document.length);
            if (complete) {
                completeMeshes.put(day, summary);
            }
        }
        return new DayDigest(day, complete, logged.size(), HistoryDigests.eventsDigest(logged), summary.steps(),
                summary.digest(), summary.bytes());
    }

    private MeshDay meshDay(LocalDate day, Instant clock) {
        Instant start = later(HistoryDigests.dayStart(day, zone), historyStart);
        Instant end = HistoryDigests.dayStart(day.plusDays(1), zone).minusNanos(1);
        MeshDayBuilder[] builder = new MeshDayBuilder[1];
        mesh.replay(start, end.isAfter(clock) ? clock : end, topology -> {
            if (builder[0] == null) {
                builder[0] = new MeshDayBuilder(day, topology.toSnapshot());
            } else {
                builder[0].add(topology.toSnapshot());
            }
        });
        return builder[0].build();
    }

    private LocalDate firstDay() {
        return HistoryDigests.dayOf(historyStart, zone);
    }

    private void checkHeld(LocalDate day, Instant clock) {
        LocalDate today = HistoryDigests.dayOf(clock, zone);
        if (day.isBefore(firstDay()) || day.isAfter(today)) {
            throw new IllegalArgumentException("The gateway holds the site days from " + firstDay() + " to " + today
                    + "; " + day + " is outside them.");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
