package io.gridside.link.message;

import java.time.Instant;

/** Sets the gateway's clock, the site's time authority; a supervisor's session only. */
public record SetClock(Instant clock) implements Message {
}
