package io.gridside.link.message;

/** A liveness probe; the round trip to its {@link Pong} is the link's round-trip time. */
public record Ping(long nonce) implements Message {
}
