package io.gridside.link.message;

import java.time.Instant;

/**
 * The answer to a {@link SetClock}: the gateway's clock before and after.
 *
 * @param previous the gateway's clock when the request arrived
 * @param clock the gateway's clock once set
 */
public record ClockSet(Instant previous, Instant clock) implements Message {
}
