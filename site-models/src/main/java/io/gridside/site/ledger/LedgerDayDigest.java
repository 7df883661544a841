package io.gridside.site.ledger;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * What one end holds of one customer's site day of the ledger, summarised (see {@link LedgerDays}), so that two
 * ends compare a day by 32 bytes and move its entries only when they differ.
 *
 * @param entryCount the entries the day holds
 * @param digest the SHA-256 of {@link LedgerDays#document} of those entries
 */
public record LedgerDayDigest(CustomerDay customerDay, long entryCount, ByteString digest) {

    public LedgerDayDigest {
        Objects.requireNonNull(customerDay, "customerDay");
        Objects.requireNonNull(digest, "digest");
        if (digest.size() != LedgerChain.HASH_BYTES) {
            throw new IllegalArgumentException("digest must be a SHA-256 of " + LedgerChain.HASH_BYTES
                    + " bytes, was " + digest.size() + " bytes for " + customerDay);
        }
        if (entryCount < 1) {
            throw new IllegalArgumentException("a summarised day holds at least one entry, " + customerDay
                    + " holds " + entryCount);
        }
    }
}
