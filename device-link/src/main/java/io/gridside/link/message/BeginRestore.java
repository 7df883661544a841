package io.gridside.link.message;

import io.gridside.site.LedgerEntry;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * Asks a factory-fresh gateway to take over a site whose gateway died, from the console's verified replica: the
 * site, its flat tariff, the ledger's tip that the new gateway's chain continues from, and how many
 * {@link RestoreChunk}s carry the accounts (section 6.32). Sent again under the same restore id after a dropped
 * link, it changes nothing and is answered with what is still missing.
 *
 * @param restoreId names one restore; the console derives it from the site and the tip, so that a repeat after a
 *     dropped link is known for one
 * @param tip the replica's last ledger entry, which the new gateway keeps and its first own entry follows: a
 *     console's pull asks for the last entry it holds again, to check that the history did not change
 * @param tipHash that entry's link of the hash chain, which the new gateway's first entry is chained after
 * @param chunkCount how many chunks carry the accounts, 1 or more
 */
public record BeginRestore(String restoreId, SiteInfo site, Tariff tariff, LedgerEntry tip, ByteString tipHash,
        int chunkCount) implements Message {

    public BeginRestore {
        Objects.requireNonNull(restoreId, "restoreId");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(tip, "tip");
        Objects.requireNonNull(tipHash, "tipHash");
        if (chunkCount < 1) {
            throw new IllegalArgumentException("a restore has at least one chunk, not " + chunkCount);
        }
    }
}
