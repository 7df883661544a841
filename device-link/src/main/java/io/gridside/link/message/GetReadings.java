package io.gridside.link.message;

import java.time.Instant;

/** Opens a stream of the interval readings that start in [from, to), answered by batches and an end. */
public record GetReadings(Instant from, Instant to) implements Message {
}
