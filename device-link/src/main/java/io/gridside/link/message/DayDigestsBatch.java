package io.gridside.link.message;

import io.gridside.site.history.DayDigest;
import java.util.List;

/**
 * One batch of a day-digest stream: the gateway's summaries of site days, in day order.
 *
 * @param total how many days the whole stream holds
 */
public record DayDigestsBatch(List<DayDigest> days, long total) implements Message {

    public DayDigestsBatch {
        days = List.copyOf(days);
    }
}
