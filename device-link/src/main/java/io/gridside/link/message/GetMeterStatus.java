package io.gridside.link.message;

/** Asks for every meter's balance, last reading, link and relay. */
public record GetMeterStatus() implements Message {
}
