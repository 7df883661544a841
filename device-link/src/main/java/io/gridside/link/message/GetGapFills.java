package io.gridside.link.message;

import java.time.Instant;

/**
 * Opens a stream of the gaps whose meters sent their quarter hours at last (a backfill), among the gaps billed by
 * estimate by the ticks of the quarter hours that start in [from, to), answered by {@link GapFillsBatch}es and an
 * end. A console re-rating the gateway's charges needs them: the readings alone show a gap, not what filled it.
 */
public record GetGapFills(Instant from, Instant to) implements Message {
}
