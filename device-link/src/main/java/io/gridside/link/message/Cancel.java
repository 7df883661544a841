package io.gridside.link.message;

/** Asks the gateway to stop a stream it is sending; it answers with a cancelled {@link StreamEnd}. */
public record Cancel(long streamRequestId) implements Message {
}
