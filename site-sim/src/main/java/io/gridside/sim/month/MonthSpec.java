package io.gridside.sim.month;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a month of a site's data is made from: all the inputs of the generator, so that the same spec always gives
 * the same data, and the key its cached file is named by.
 *
 * @param meters how many meters (and customers) the site has
 * @param seed the seed of the site and its loads
 * @param scenario the name of a scenario that ships with the simulator, or {@code none}
 * @param days how many simulated days, from the generator's fixed start
 */
public record MonthSpec(int meters, long seed, String scenario, int days) {

    public static final int DEFAULT_DAYS = 30;
    public static final String NO_SCENARIO = "none";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public MonthSpec {
        if (meters < 1 || meters > 20_000) {
            throw new IllegalArgumentException("meters must be between 1 and 20000, was " + meters);
        }
        if (days < 1 || days > 400) {
            throw new IllegalArgumentException("days must be between 1 and 400, was " + days);
        }
        Objects.requireNonNull(scenario, "scenario");
        if (!NAME.matcher(scenario).matches()) {
            throw new IllegalArgumentException("scenario must be a scenario's name, such as quiet-week, was '"
                    + scenario + "'");
        }
    }

    /**
     * The cache's key of the data, readable in a file listing: every input and the generator's version. The cache
     * adds a digest of the scenario's steps ({@link SiteMonth#fileIn}).
     */
    public String key() {
        return String.format(Locale.ROOT, "site-m%d-s%d-%s-d%d-g%d", meters, seed, scenario, days,
                SiteMonth.GENERATOR_VERSION);
    }
}
