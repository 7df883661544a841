package io.gridside.link.message;

import io.gridside.site.Reading;
import java.util.List;

/**
 * One batch of a readings stream.
 *
 * @param total how many readings the whole stream holds, so the receiver can show progress
 */
public record ReadingsBatch(List<Reading> readings, long total) implements Message {

    public ReadingsBatch {
        readings = List.copyOf(readings);
    }
}
