package io.gridside.link.message;

import io.gridside.site.firmware.FleetMeter;
import java.util.List;

/** One batch of the site's meters as a campaign sees them, in meter order; {@code total} for progress. */
public record FleetBatch(List<FleetMeter> meters, long total) implements Message {

    public FleetBatch {
        meters = List.copyOf(meters);
    }
}
