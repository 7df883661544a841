package io.gridside.site.history;

import io.gridside.site.SiteEvent;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How both ends summarise a day of history: SHA-256 over deterministic CBOR, so that a gateway and a console that
 * hold the same events, or the same mesh history, compute the same digest whatever their code.
 */
public final class HistoryDigests {

    /** The bytes of a SHA-256 digest. */
    public static final int SIZE = 32;

    private HistoryDigests() {
    }

    /** The SHA-256 of {@code bytes}. */
    public static ByteString sha256(byte[] bytes) {
        try {
            return ByteString.of(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    /** The digest of a day's events, given in the order the gateway logged them. */
    public static ByteString eventsDigest(List<SiteEvent> events) {
        return sha256(eventsDocument(events));
    }

    /**
     * The deterministic CBOR the events digest is taken over: an array of the events in the gateway's order, each
     * a map of its fields as the link names them, its time as ISO-8601 text and its cause null or a map.
     */
    public static byte[] eventsDocument(List<SiteEvent> events) {
        List<Object> list = new ArrayList<>(events.size());
        for (SiteEvent event : events) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", event.id());
            map.put("at", event.at().toString());
            map.put("source", event.source());
            map.put("kind", event.kind().name());
            map.put("details", new LinkedHashMap<>(event.details()));
            SiteEvent.Cause cause = event.cause();
            map.put("cause", cause == null ? null
                    : Map.of("scenario", cause.scenario(), "step", cause.step(), "kind", cause.kind()));
            list.add(map);
        }
        return DeterministicCbor.encode(list);
    }

    /** When {@code day} starts in the site's time zone. */
    public static Instant dayStart(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The site day that {@code at} falls in. */
    public static LocalDate dayOf(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
