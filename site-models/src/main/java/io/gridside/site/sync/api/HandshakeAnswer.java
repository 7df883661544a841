package io.gridside.site.sync.api;

import java.time.Instant;
import java.util.Map;

/**
 * The answer of a handshake: what the cloud holds for the site.
 *
 * @param api the protocol version the cloud speaks ({@link SyncHeaders#API_VERSION})
 * @param epoch an id that changes whenever the cloud's store is restored from a backup; down cursors carry it
 * @param serverTime the cloud's clock
 * @param watermarks per up stream, the highest seq up to which the cloud holds every item (0 for none)
 * @param ledger the cloud's hash at the lower of the console's last seq and its own tip
 * @param down per down stream, whether anything lies after the console's cursor
 */
public record HandshakeAnswer(int api, String epoch, Instant serverTime, Map<String, Long> watermarks,
        LedgerAt ledger, Map<String, Boolean> down) {

    public HandshakeAnswer {
        watermarks = SyncJson.present(watermarks);
        down = SyncJson.present(down);
    }

    /** The cloud's ledger at {@code seq}: its chain hash there (lower-case hex), null when it holds no entry. */
    public record LedgerAt(long seq, String hash) {
    }
}
