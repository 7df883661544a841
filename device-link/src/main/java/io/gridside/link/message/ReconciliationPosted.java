package io.gridside.link.message;

import io.gridside.site.LedgerEntry;
import io.gridside.site.cbor.ByteString;
import java.util.List;

/**
 * The new gateway's answer to a {@link PostReconciliation}: the entries it posted with their links of the hash
 * chain, and the references it had posted before and left alone.
 */
public record ReconciliationPosted(List<LedgerEntry> entries, List<ByteString> hashes, List<String> alreadyPosted)
        implements Message {

    public ReconciliationPosted {
        entries = List.copyOf(entries);
        hashes = List.copyOf(hashes);
        alreadyPosted = List.copyOf(alreadyPosted);
        if (hashes.size() != entries.size()) {
            throw new IllegalArgumentException("one hash per entry: " + entries.size() + " entries but "
                    + hashes.size() + " hashes");
        }
    }
}
