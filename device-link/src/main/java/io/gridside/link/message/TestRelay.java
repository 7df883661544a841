package io.gridside.link.message;

import java.util.Objects;

/**
 * Asks the gateway to test one meter's relay (protocol section 6.31): disconnect it, read its state back,
 * reconnect it, read it back. Answered by a {@link RelayTested}, which says whether it passed.
 *
 * @param meterSerial the meter's serial, as a {@link io.gridside.site.commission.JoinedMeter} names it
 */
public record TestRelay(String meterSerial) implements Message {

    public TestRelay {
        Objects.requireNonNull(meterSerial, "meterSerial");
    }
}
