package io.gridside.link.message;

/** Asks for every meter's latest relay command and where it stands, answered as a stream of batches. */
public record GetRelayCommands() implements Message {
}
