package io.gridside.link.message;

import java.time.Instant;

/**
 * Asks for the meters that have joined the site's mesh and are not yet commissioned (protocol section 6.30),
 * answered by a stream of {@link JoinedMetersBatch}. A console asks again as often as it likes, to see meters
 * appear as they are installed.
 *
 * @param joinedSince only meters that joined at or after this time, or null for all of them
 */
public record GetJoinedMeters(Instant joinedSince) implements Message {
}
