package io.gridside.link.message;

/** Opens a stream of every meter's balance, last reading, link and relay, answered in batches and an end. */
public record GetMeterStatus() implements Message {
}
