package io.gridside.link.message;

import java.time.Instant;

/**
 * The gateway's answer to a {@link GoLive}: when billing began and what it bills.
 *
 * @param liveAt the start of the first quarter hour billed, by the gateway's clock
 * @param customers the customers whose accounts opened
 * @param uncommissionedMeters meters of the mesh that no customer was given, which bill nothing
 * @param repeated whether the gateway was live already, so nothing changed
 */
public record WentLive(Instant liveAt, int customers, int uncommissionedMeters, boolean repeated)
        implements Message {
}
