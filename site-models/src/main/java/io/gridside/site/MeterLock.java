package io.gridside.site;

import java.time.Instant;
import java.util.Objects;

/**
 * A maintenance lock on a meter's relay: while it holds, the relay stays as the lock says and billing cannot
 * change it. Who placed it and why are kept, and so are who lifted it and when.
 *
 * @param relay the state the lock holds the relay in
 * @param placedBy the technician who placed the lock
 * @param reason why, in the technician's words
 * @param liftedBy who lifted the lock, or null while it holds
 * @param liftedAt when it was lifted, or null while it holds
 */
public record MeterLock(String meterId, RelayState relay, String placedBy, String reason, Instant placedAt,
        String liftedBy, Instant liftedAt) {

    public MeterLock {
        Validate.id("meterId", meterId);
        Objects.requireNonNull(relay, "relay");
        Validate.id("placedBy", placedBy);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(placedAt, "placedAt");
        if ((liftedBy == null) != (liftedAt == null)) {
            throw new IllegalArgumentException("liftedBy and liftedAt must be given together");
        }
    }

    /** A lock placed now, not yet lifted. */
    public static MeterLock placed(String meterId, RelayState relay, String placedBy, String reason, Instant at) {
        return new MeterLock(meterId, relay, placedBy, reason, at, null, null);
    }

    public boolean holds() {
        return liftedBy == null;
    }

    /** This lock, lifted by {@code by} at {@code at}. */
    public MeterLock lift(String by, Instant at) {
        Validate.id("liftedBy", by);
        return new MeterLock(meterId, relay, placedBy, reason, placedAt, by, Objects.requireNonNull(at, "at"));
    }
}
