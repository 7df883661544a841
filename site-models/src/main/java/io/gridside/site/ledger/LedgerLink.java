package io.gridside.site.ledger;

import io.gridside.site.LedgerEntry;
import java.util.Arrays;
import java.util.Objects;

/** A ledger entry with its link of the hash chain (see {@link LedgerChain}), as the gateway keeps and sends it. */
public record LedgerLink(LedgerEntry entry, byte[] hash) {

    public LedgerLink {
        Objects.requireNonNull(entry, "entry");
        if (hash == null || hash.length != LedgerChain.HASH_BYTES) {
            throw new IllegalArgumentException("a link's hash has " + LedgerChain.HASH_BYTES + " bytes");
        }
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerLink link && entry.equals(link.entry) && Arrays.equals(hash, link.hash);
    }

    @Override
    public int hashCode() {
        return 31 * entry.hashCode() + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "LedgerLink[" + entry + ", " + LedgerChain.hex(hash) + "]";
    }
}
