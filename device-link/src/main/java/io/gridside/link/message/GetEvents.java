package io.gridside.link.message;

import java.time.Instant;

/** Opens a stream of the gateway's logged events that happened in [from, to), answered by batches and an end. */
public record GetEvents(Instant from, Instant to) implements Message {
}
