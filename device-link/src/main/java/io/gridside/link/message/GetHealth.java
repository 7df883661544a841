package io.gridside.link.message;

/** Asks the gateway how it is itself: uptime, load, memory, queues, backhaul and clock. */
public record GetHealth() implements Message {
}
