package io.gridside.link.message;

import io.gridside.site.commission.JoinedMeter;
import java.util.List;

/** One batch of the answer to a {@link GetJoinedMeters}, in the order the meters joined. */
public record JoinedMetersBatch(List<JoinedMeter> meters, long total) implements Message {

    public JoinedMetersBatch {
        meters = List.copyOf(meters);
    }
}
