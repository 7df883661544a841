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
 * @param billing what the gateway bills with: the flat tariff under plain terms unless asked otherwise
 */
public record SiteSpec(int meters, long seed, int historyDays, Instant now, SimBilling billing) {

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
        Objects.requireNonNull(billing, "billing");
    }

    /** A site billing at the flat tariff under plain credit terms, as sites did before schedules and terms. */
    public SiteSpec(int meters, long seed, int historyDays, Instant now) {
        this(meters, seed, historyDays, now, SimBilling.FLAT);
    }

    /** This spec with the site billing as {@code other} says. */
    public SiteSpec withBilling(SimBilling other) {
        return new SiteSpec(meters, seed, historyDays, now, other);
    }
}
