package io.gridside.site.sync.api;

import java.util.Map;

/**
 * The body of {@code POST /v1/sites/{site}/handshake}: what the console holds.
 *
 * @param schema the console store's schema version
 * @param checkpoints per up stream, the highest seq the cloud has acknowledged to this console
 * @param ledger the console's ledger tip
 * @param down per down stream, the console's cursor (may be empty or null: then the answer's down is not told)
 */
public record HandshakeRequest(int schema, Map<String, Long> checkpoints, Tip ledger, Map<String, String> down) {

    public HandshakeRequest {
        checkpoints = SyncJson.present(checkpoints);
        down = SyncJson.present(down);
    }

    /** The console's last ledger seq and its chain hash (lower-case hex), or 0 and null for an empty ledger. */
    public record Tip(long lastSeq, String hash) {
    }
}
