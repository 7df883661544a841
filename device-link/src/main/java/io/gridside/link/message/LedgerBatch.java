package io.gridside.link.message;

import io.gridside.site.LedgerEntry;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerLink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One batch of a ledger stream. From schema 4 its charge entries each cover every interval a customer's readings
 * accrued since the customer's previous posting, posted at the end of a site day or before a change of state.
 *
 * @param hashes each entry's link of the gateway's hash chain, in the entries' order (schema 3)
 * @param total how many entries the whole stream holds
 */
public record LedgerBatch(List<LedgerEntry> entries, List<byte[]> hashes, long total) implements Message {

    public LedgerBatch {
        entries = List.copyOf(entries);
        if (hashes.size() != entries.size()) {
            throw new IllegalArgumentException("a ledger batch carries one hash per entry, " + entries.size()
                    + " entries but " + hashes.size() + " hashes");
        }
        List<byte[]> copies = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != LedgerChain.HASH_BYTES) {
                throw new IllegalArgumentException("a ledger entry's hash has " + LedgerChain.HASH_BYTES + " bytes");
            }
            copies.add(hash.clone());
        }
        hashes = List.copyOf(copies);
    }

    /** A batch of linked entries. */
    public static LedgerBatch of(List<LedgerLink> links, long total) {
        return new LedgerBatch(links.stream().map(LedgerLink::entry).toList(),
                links.stream().map(LedgerLink::hash).toList(), total);
    }

    /** The entries with their hashes. */
    public List<LedgerLink> links() {
        List<LedgerLink> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            result.add(new LedgerLink(entries.get(i), hashes.get(i)));
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerBatch batch && total == batch.total && entries.equals(batch.entries)
                && links().equals(batch.links());
    }

    @Override
    public int hashCode() {
        int hash = entries.hashCode() * 31 + Long.hashCode(total);
        for (byte[] h : hashes) {
            hash = hash * 31 + Arrays.hashCode(h);
        }
        return hash;
    }
}
