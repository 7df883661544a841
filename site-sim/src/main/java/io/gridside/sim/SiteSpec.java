package io.gridside.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * How to build a simulated site. The same spec gives the same site, the same loads and the same readings.
 *
 * @param meters how many meters (and customers) the site has
 * @param seed the seed of every random choice
 * @param historyDays how many days of readings and billing the gateway already holds when it starts
 * @param now the gateway's clock at start; history runs up to it
 */
public record SiteSpec(int meters, long seed, int historyDays, Instant now) {

    public static final int DEFAULT_METERS = 60;
    public static final long DEFAULT_SEED = 42;

    public SiteSpec {
        if (meters < 1 || meters > 20_000) {
            throw new IllegalArgumentException("meters must be between 1 and 20000, was " + meters);
        }
        if (historyDays < 0 || historyDays > 400) {
            throw new IllegalArgumentException("historyDays must be between 0 and 400, was " + historyDays);
        }
        Objects.requireNonNull(now, "now");
    }
}
