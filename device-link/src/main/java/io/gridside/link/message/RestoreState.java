package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.List;

/**
 * Where a restore stands on the new gateway, its answer to every restore request (section 6.32): the chunks it
 * still lacks, whether it applied the restore, and its ledger's tip.
 *
 * @param missingChunks the indexes of the chunks not held yet, in order; empty once all arrived
 * @param applied whether the gateway took over the site from the restore, which it does once
 * @param tipSeq the sequence of the gateway's last ledger entry: the replica's tip until it posts its own
 * @param tipHash that entry's link of the hash chain
 */
public record RestoreState(String restoreId, List<Integer> missingChunks, boolean applied, long tipSeq,
        ByteString tipHash) implements Message {

    public RestoreState {
        missingChunks = List.copyOf(missingChunks);
    }
}
