package io.gridside.link.message;

import io.gridside.site.MeterStatus;
import java.util.List;

/**
 * One batch of the meter status stream, all taken at the same gateway clock.
 *
 * @param total how many meters the whole stream holds
 */
public record MeterStatusBatch(List<MeterStatus> meters, long total) implements Message {

    public MeterStatusBatch {
        meters = List.copyOf(meters);
    }
}
