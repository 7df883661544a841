package io.gridside.link.message;

import io.gridside.site.LedgerEntry;
import java.util.List;

/**
 * One batch of a ledger stream.
 *
 * @param total how many entries the whole stream holds
 */
public record LedgerBatch(List<LedgerEntry> entries, long total) implements Message {

    public LedgerBatch {
        entries = List.copyOf(entries);
    }
}
