package io.gridside.link.message;

import java.time.Instant;

/** The answer to a {@link Ping}, with the gateway's clock. */
public record Pong(long nonce, Instant clock) implements Message {
}
