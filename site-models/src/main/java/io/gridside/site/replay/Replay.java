package io.gridside.site.replay;

import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A site's event log over a window, indexed so that its state at any instant is rebuilt fast: from the nearest
 * checkpoint at or before the instant, by applying only the events between.
 *
 * <p>Contract only, filled in by the replay engine's work.
 */
public final class Replay {

    private Replay() {
    }

    /**
     * Indexes {@code events} (any order; they are sorted by time, then by the gateway's number).
     *
     * @param meterIds the site's meters, in order
     * @param parentsAtStart each meter's parent as the log begins, by meter id; missing when unknown
     * @param gatewayId the gateway's id, the source of its own events
     */
    public static Replay of(List<String> meterIds, Map<String, String> parentsAtStart, String gatewayId,
            List<SiteEvent> events) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The site's state at {@code at}: every event at or before it applied, none after. */
    public SiteState at(Instant at) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The same state as {@link #at}, rebuilt by applying every event from the start: the slow reference. */
    public SiteState scanTo(Instant at) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The events, by time then number. */
    public List<SiteEvent> events() {
        throw new UnsupportedOperationException("not built yet");
    }
}
