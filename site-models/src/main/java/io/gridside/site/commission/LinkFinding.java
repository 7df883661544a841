package io.gridside.site.commission;

import java.util.Objects;

/**
 * One measure of a meter's links that falls short of its pass limit, as {@link LinkChecks} finds it: which
 * measure, what it read, the limit it missed, and whether that limit is the fail limit. The check's reasons are
 * these in English words; the console words them in its own language.
 *
 * @param value what the measure read: dBm for a signal, the ETX, or the number of routes
 * @param limit the limit it missed: the fail limit when {@code fails}, else the pass limit
 */
public record LinkFinding(Measure measure, boolean fails, double value, double limit) {

    /** What is measured of a meter's links. */
    public enum Measure {
        /** The meter heard by its parent. */
        SIGNAL_UP,
        /** The parent heard by the meter. */
        SIGNAL_DOWN,
        /** The expected number of sends a packet needs on the route to the gateway. */
        ETX,
        /** The parents the meter can route through. */
        ROUTES
    }

    public LinkFinding {
        Objects.requireNonNull(measure, "measure");
    }
}
