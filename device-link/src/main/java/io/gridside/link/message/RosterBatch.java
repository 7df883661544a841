package io.gridside.link.message;

import io.gridside.site.Customer;
import io.gridside.site.Meter;
import java.util.List;

/**
 * One batch of the roster stream: customers with their meters.
 *
 * @param total how many entries the whole roster holds
 */
public record RosterBatch(List<Entry> entries, long total) implements Message {

    /** A customer and the meter installed at their premises. */
    public record Entry(Customer customer, Meter meter) {
    }

    public RosterBatch {
        entries = List.copyOf(entries);
    }
}
