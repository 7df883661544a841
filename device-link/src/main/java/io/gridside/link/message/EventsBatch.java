package io.gridside.link.message;

import io.gridside.site.SiteEvent;
import java.util.List;

/**
 * One batch of an events stream.
 *
 * @param total how many events the whole stream holds, so the receiver can show progress
 */
public record EventsBatch(List<SiteEvent> events, long total) implements Message {

    public EventsBatch {
        events = List.copyOf(events);
    }
}
