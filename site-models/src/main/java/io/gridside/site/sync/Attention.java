package io.gridside.site.sync;

import java.time.Instant;

/**
 * Something sync could not do by itself and a person must look at: a batch that keeps failing, an item the cloud
 * rejected.
 *
 * @param id the row id
 * @param stream the wire name of the stream (up or down) it concerns
 * @param item the item or batch it concerns
 * @param code the error code, snake case
 * @param message what went wrong
 * @param whatToDo a sentence saying what to do
 * @param firstSeen when it was first seen
 * @param lastSeen when it was last seen
 * @param attempts how many times it was seen
 * @param resolved whether a person marked it resolved
 */
public record Attention(long id, String stream, String item, String code, String message, String whatToDo,
        Instant firstSeen, Instant lastSeen, int attempts, boolean resolved) {
}
