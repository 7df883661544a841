package io.gridside.site.history;

import io.gridside.site.cbor.ByteString;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a gateway holds of one site day, summarised, so that a console fetches the day only when it holds another
 * summary: the SHA-256 of the day's event log and of its mesh history (see {@link HistoryDigests}), with counts.
 *
 * @param day the day in the site's time zone
 * @param complete whether the day was over by the gateway's clock; a day that is not may still change
 * @param eventCount the events that happened in the day
 * @param eventsDigest the SHA-256 of the day's events as {@link HistoryDigests#eventsDocument} encodes them
 * @param meshSteps the quarter-hour updates of the mesh the day's history holds after its start
 * @param meshDigest the SHA-256 of the day's mesh history document ({@link MeshDayDocument})
 * @param meshBytes the size of that document, which is what fetching the day's mesh moves
 */
public record DayDigest(LocalDate day, boolean complete, long eventCount, ByteString eventsDigest, long meshSteps,
        ByteString meshDigest, long meshBytes) {

    public DayDigest {
        Objects.requireNonNull(day, "day");
        checkDigest("eventsDigest", eventsDigest);
        checkDigest("meshDigest", meshDigest);
        if (eventCount < 0 || meshSteps < 0 || meshBytes < 0) {
            throw new IllegalArgumentException("counts must not be negative, were " + eventCount + ", " + meshSteps
                    + " and " + meshBytes + " for " + day);
        }
    }

    private static void checkDigest(String name, ByteString digest) {
        Objects.requireNonNull(digest, name);
        if (digest.size() != HistoryDigests.SIZE) {
            throw new IllegalArgumentException(name + " must be a SHA-256 of " + HistoryDigests.SIZE + " bytes, was "
                    + digest.size() + " bytes");
        }
    }

    /** Whether the day's events summarise alike here and in {@code other}. */
    public boolean sameEvents(DayDigest other) {
        return other != null && eventsDigest.equals(other.eventsDigest);
    }

    /** Whether the day's mesh history summarises alike here and in {@code other}. */
    public boolean sameMesh(DayDigest other) {
        return other != null && meshDigest.equals(other.meshDigest);
    }
}
