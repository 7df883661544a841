package io.gridside.site.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * How the last sync runs went.
 *
 * @param lastSuccess when a run last ended with everything acknowledged
 * @param lastAttempt when a run last ended, either way
 * @param lastError the message of the last failed run, cleared by a success
 */
public record SyncState(Optional<Instant> lastSuccess, Optional<Instant> lastAttempt, Optional<String> lastError) {
}
