package io.gridside.console.service;

import io.gridside.console.Sentence;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.site.SiteEvent;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.history.DayDigest;
import io.gridside.site.history.HistoryDigests;
import io.gridside.site.history.MeshDayDocument;
import io.gridside.site.store.SiteStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the site's history by day: asks the gateway for its digests of the days the pull's window overlaps, from
 * the store's horizon on (by default the gateway's first day), and fetches only the days whose events or mesh
 * history the store holds under another digest, or not at all. Each day fetched replaces what the store held of
 * it in one transaction, so a pull that stops keeps every day it finished, and a second pull right after fetches
 * nothing but the digests.
 */
final class HistoryPull {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryPull.class);

    /**
     * What the pull of history did.
     *
     * @param daysCompared the days whose digests were compared with the store's
     * @param daysFetched the days of which events, mesh history or both were fetched
     * @param eventsReceived the events fetched
     * @param eventsNew of those, the events the store did not hold
     * @param meshBytes the bytes of mesh history fetched
     */
    record Result(int daysCompared, int daysFetched, long eventsReceived, long eventsNew, long meshBytes) {

        static final Result NONE = new Result(0, 0, 0, 0, 0);
    }

    private HistoryPull() {
    }

    /** Whether the gateway keeps history by day, so that a pull moves it by digest. */
    static boolean offered(GatewayClient client) {
        return client.hello().capabilities().contains("history-days");
    }

    /**
     * How many days' digests one request asks for. A gateway may work out a day's mesh digest when first asked (a
     * simulated 2,000-meter site takes about 2 s a day on a loaded machine), and the client waits a set time for
     * each answer; a few days a request keeps every answer well inside it.
     */
    static final int DAYS_PER_DIGEST_REQUEST = 2;

    /** Pulls the days that overlap [from, to), from the store's horizon on and up to the gateway's clock. */
    static Result run(GatewayClient client, SiteStore store, Instant from, Instant to, Progress progress,
            CancelSignal cancel) throws LinkException {
        ZoneId zone = ZoneId.of(client.hello().timeZone());
        Instant clock = client.lastGatewayClock();
        Instant end = to.isAfter(clock) ? clock : to;
        if (!from.isBefore(end)) {
            return Result.NONE;
        }
        LocalDate first = HistoryDigests.dayOf(from, zone);
        LocalDate last = HistoryDigests.dayOf(end.minusNanos(1), zone);
        progress.update(Sentence.of("pull.history"), 0, -1);
        List<DayDigest> offered = new ArrayList<>();
        LocalDate chunk = first;
        while (chunk != null && !chunk.isAfter(last)) {
            LocalDate chunkEnd = chunk.plusDays(DAYS_PER_DIGEST_REQUEST - 1);
            List<DayDigest> some = digests(client, store, chunk, chunkEnd.isAfter(last) ? last : chunkEnd, cancel);
            offered.addAll(some);
            chunk = chunkEnd.plusDays(1);
            if (offered.isEmpty() && !chunk.isAfter(last) && store.historyHorizon().map(h -> !h.isAfter(chunkEnd))
                    .orElse(true)) {
                // Nothing held up to here: skip straight to the gateway's first day rather than a chunk at a time.
                chunk = firstHeld(client, chunk, last, cancel);
            }
        }
        if (offered.isEmpty()) {
            return Result.NONE;
        }
        Map<LocalDate, DayDigest> held = store.dayDigests(offered.get(0).day(), last).stream()
                .collect(Collectors.toMap(DayDigest::day, Function.identity()));
        Tally tally = new Tally();
        for (int i = 0; i < offered.size(); i++) {
            DayDigest day = offered.get(i);
            DayDigest mine = held.get(day.day());
            if (!day.sameEvents(mine) || !day.sameMesh(mine)) {
                fetchDay(client, store, zone, day, mine, tally, cancel);
            }
            progress.update(Sentence.of("pull.history"), i + 1, offered.size());
        }
        LOG.info("Compared {} days of history with the gateway's and fetched {} ({} events, {} bytes of mesh).",
                offered.size(), tally.fetched, tally.events, tally.meshBytes);
        return new Result(offered.size(), tally.fetched, tally.events, tally.eventsNew, tally.meshBytes);
    }

    /**
     * The first day from {@code first} to {@code last} that the gateway holds history of, or null for none. A pull
     * from the site's beginning (an audit asks from 1970) would otherwise walk every day before the gateway's first
     * a request at a time: tens of thousands of round trips on a serial cable. The days a gateway holds run without
     * a hole from its first to its today, so a binary search of one-day requests finds the first in a few.
     */
    static LocalDate firstHeld(GatewayClient client, LocalDate first, LocalDate last, CancelSignal cancel)
            throws LinkException {
        if (first.isAfter(last) || holds(client, first, cancel)) {
            return first.isAfter(last) ? null : first;
        }
        if (!holds(client, last, cancel)) {
            return null;
        }
        long before = first.toEpochDay();
        long held = last.toEpochDay();
        while (held - before > 1) {
            long middle = before + (held - before) / 2;
            if (holds(client, LocalDate.ofEpochDay(middle), cancel)) {
                held = middle;
            } else {
                before = middle;
            }
        }
        return LocalDate.ofEpochDay(held);
    }

    private static boolean holds(GatewayClient client, LocalDate day, CancelSignal cancel) throws LinkException {
        try {
            client.dayDigests(day, day, cancel);
            return true;
        } catch (LinkException e) {
            if (!"HISTORY_OUT_OF_RANGE".equals(e.gatewayCode())) {
                throw e;
            }
            return false;
        }
    }

    /**
     * The gateway's digests from {@code first}, or from the store's horizon when that is later, to {@code last}.
     * Days before the gateway's history are left out; a range wholly outside it gives none.
     */
    private static List<DayDigest> digests(GatewayClient client, SiteStore store, LocalDate first, LocalDate last,
            CancelSignal cancel) throws LinkException {
        LocalDate from = store.historyHorizon().filter(horizon -> horizon.isAfter(first)).orElse(first);
        if (from.isAfter(last)) {
            return List.of();
        }
        try {
            return client.dayDigests(from, last, cancel);
        } catch (LinkException e) {
            if (!"HISTORY_OUT_OF_RANGE".equals(e.gatewayCode())) {
                throw e;
            }
            LOG.info("The gateway does not hold every day from {} to {}; asking from its first day: {}", from, last,
                    e.getMessage());
        }
        try {
            return client.dayDigests(null, last, cancel).stream().filter(day -> !day.day().isBefore(from)).toList();
        } catch (LinkException e) {
            if (!"HISTORY_OUT_OF_RANGE".equals(e.gatewayCode())) {
                throw e;
            }
            LOG.info("The gateway holds no history up to {}; the pull goes on without it: {}", last, e.getMessage());
            return List.of();
        }
    }

    /**
     * Fetches what differs of one day and stores it under the digests of what arrived: a day that changed on the
     * gateway while it was fetched then differs again, and the next pull fetches it again.
     */
    private static void fetchDay(GatewayClient client, SiteStore store, ZoneId zone, DayDigest day, DayDigest mine,
            Tally tally, CancelSignal cancel) throws LinkException {
        Instant start = HistoryDigests.dayStart(day.day(), zone);
        Instant end = HistoryDigests.dayStart(day.day().plusDays(1), zone);
        List<SiteEvent> events = null;
        long eventCount = mine == null ? 0 : mine.eventCount();
        ByteString eventsDigest = mine == null ? null : mine.eventsDigest();
        if (!day.sameEvents(mine)) {
            List<SiteEvent> arrived = new ArrayList<>();
            client.events(start, end, (batch, received, total) -> arrived.addAll(batch), cancel);
            events = arrived;
            eventCount = arrived.size();
            eventsDigest = HistoryDigests.eventsDigest(arrived);
            tally.events += arrived.size();
            Set<Long> held = store.events(start, end).stream().map(SiteEvent::id).collect(Collectors.toSet());
            tally.eventsNew += arrived.stream().filter(event -> !held.contains(event.id())).count();
        }
        byte[] mesh = null;
        long meshSteps = mine == null ? 0 : mine.meshSteps();
        ByteString meshDigest = mine == null ? null : mine.meshDigest();
        long meshBytes = mine == null ? 0 : mine.meshBytes();
        if (!day.sameMesh(mine)) {
            mesh = client.meshDay(day.day(), cancel);
            meshSteps = meshStepsOf(mesh, day);
            meshDigest = HistoryDigests.sha256(mesh);
            meshBytes = mesh.length;
            tally.meshBytes += mesh.length;
        }
        DayDigest arrived = new DayDigest(day.day(), day.complete(), eventCount, eventsDigest, meshSteps, meshDigest,
                meshBytes);
        if (day.complete() && !(arrived.sameEvents(day) && arrived.sameMesh(day))) {
            LOG.warn("What arrived of {} does not match the gateway's digest of it; it is kept and fetched again at "
                    + "the next pull.", day.day());
        }
        store.replaceDay(arrived, start, end, events, mesh);
        tally.fetched++;
    }

    private static long meshStepsOf(byte[] mesh, DayDigest day) throws LinkException {
        try {
            return MeshDayDocument.decode(mesh).steps().size();
        } catch (IllegalArgumentException e) {
            throw new LinkException(LinkException.Code.GATEWAY_ERROR, "The gateway sent a mesh history of "
                    + day.day() + " that cannot be read: " + e.getMessage(), e);
        }
    }

    /** Running counts of one pull. */
    private static final class Tally {
        int fetched;
        long events;
        long eventsNew;
        long meshBytes;
    }
}
