package io.gridside.link.message;

import java.time.Instant;
import java.util.Objects;

/**
 * The revocation list of an operator key that the gateway holds now, after a {@link PushRevocations} or for a
 * {@link GetRevocations}.
 *
 * @param serial the serial of the list held, or 0 when the gateway holds none of that key
 * @param issuedAt when the list held was issued, or null when the gateway holds none
 * @param taken whether the pushed list is the one held now, replacing an older one or none; false for a list no
 *     newer than the one held, and for a GetRevocations
 */
public record RevocationsHeld(String operatorKeyId, long serial, Instant issuedAt, boolean taken)
        implements Message {

    public RevocationsHeld {
        Objects.requireNonNull(operatorKeyId, "operatorKeyId");
        if (serial < 0) {
            throw new IllegalArgumentException("a revocation list's serial is 0 or more, not " + serial);
        }
        if ((serial == 0) != (issuedAt == null)) {
            throw new IllegalArgumentException("a list held has a serial and an issuedAt, and none held has neither");
        }
    }
}
