package io.gridside.link.message;

import java.time.Instant;

/**
 * Opens a stream of the mesh topology as it stood at {@code at}, or as it stands now when {@code at} is null,
 * answered by topology batches and an end.
 */
public record GetTopology(Instant at) implements Message {
}
