package io.gridside.console.cli;

import io.gridside.sim.SiteSpec;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The options that shape a simulated site, shared by {@code demo} and {@code sim}. */
final class SiteOptions {

    @Option(names = "--meters", paramLabel = "N", defaultValue = "60",
            description = "How many meters the site has (default: ${DEFAULT-VALUE}).")
    int meters;

    @Option(names = "--days", paramLabel = "D", defaultValue = "1",
            description = "Days of history the gateway holds at start (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "The seed: the same seed gives the same site and readings (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "How much faster than real time the site's clock runs (default: ${DEFAULT-VALUE}).")
    double speed;

    SiteSpec spec() {
        if (!(speed > 0) || speed > 1_000_000) {
            throw new UsageException("--speed must be above 0 and at most 1000000, was " + speed + ".");
        }
        if (meters < 1 || meters > 20_000) {
            throw new UsageException("--meters must be between 1 and 20000, was " + meters + ".");
        }
        if (days < 0 || days > 400) {
            throw new UsageException("--days must be between 0 and 400, was " + days + ".");
        }
        return new SiteSpec(meters, seed, days, Instant.now());
    }
}
