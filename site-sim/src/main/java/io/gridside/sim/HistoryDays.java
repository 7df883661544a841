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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The simulated gateway's history by site day: each day's digests, and its mesh history replayed from the mesh's
 * timeline. A day that is over keeps its mesh, so its mesh digest is worked out once, and its document is kept
 * for the pull that follows the digests, within {@link #DOCUMENT_BUDGET_BYTES} (the most recently used first), so
 * that a console fetching the days it lacks does not replay them a second time. Its events are summarised afresh
 * each time, since an event may be logged after the day it happened in. Its owner guards it.
 *
 * <p>Known shortcoming: the first digest of a day replays the whole day from the mesh's timeline (about 0.5 s for
 * 200 meters on a loaded 2-core machine); a real gateway would summarise each day as it ends.
 */
final class HistoryDays {

    private final MeshTimeline mesh;
    private final ZoneId zone;
    private final Instant historyStart;
    private final BiFunction<Instant, Instant, List<SiteEvent>> events;
    /** How many bytes of finished days' documents are kept: a few days of a 5,000-meter site, a month of 200. */
    static final long DOCUMENT_BUDGET_BYTES = 32L << 20;

    /** The mesh summaries of days that are over, which can no longer change. */
    private final Map<LocalDate, MeshSummary> completeMeshes = new HashMap<>();
    /** The documents of days that are over, least recently used first, within the budget. */
    private final LinkedHashMap<LocalDate, byte[]> completeDocuments = new LinkedHashMap<>(16, 0.75f, true);
    private long documentBytes;

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
        byte[] kept = completeDocuments.get(day);
        if (kept != null) {
            return kept.clone();
        }
        byte[] document = MeshDayDocument.encode(meshDay(day, clock));
        if (isComplete(day, clock)) {
            keep(day, document);
        }
        return document;
    }

    private boolean isComplete(LocalDate day, Instant clock) {
        return !clock.isBefore(HistoryDigests.dayStart(day.plusDays(1), zone));
    }

    private void keep(LocalDate day, byte[] document) {
        if (document.length > DOCUMENT_BUDGET_BYTES) {
            return;
        }
        byte[] replaced = completeDocuments.put(day, document);
        documentBytes += document.length - (replaced == null ? 0 : replaced.length);
        Iterator<Map.Entry<LocalDate, byte[]>> eldest = completeDocuments.entrySet().iterator();
        while (documentBytes > DOCUMENT_BUDGET_BYTES && eldest.hasNext()) {
            documentBytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    private DayDigest digest(LocalDate day, Instant clock) {
        Instant end = HistoryDigests.dayStart(day.plusDays(1), zone);
        boolean complete = isComplete(day, clock);
        List<SiteEvent> logged = events.apply(HistoryDigests.dayStart(day, zone), end);
        MeshSummary summary = complete ? completeMeshes.get(day) : null;
        if (summary == null) {
            MeshDay meshDay = meshDay(day, clock);
            byte[] document = MeshDayDocument.encode(meshDay);
            summary = new MeshSummary(meshDay.steps().size(), HistoryDigests.sha256(document), document.length);
            if (complete) {
                completeMeshes.put(day, summary);
                keep(day, document);
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
