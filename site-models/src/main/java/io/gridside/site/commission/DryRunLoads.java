package io.gridside.site.commission;

import io.gridside.site.CustomerCategory;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A seeded, simple consumption for a dry run before a site has readings: a day's shape per category in the site's
 * local time (a household's lights and television in the evening, a shop's opening hours, a mill's working day), a
 * size per customer and some noise per interval, all drawn from the seed so that the same seed bills the same week.
 * It is meant to show the order of a week's cost, not to forecast a customer.
 */
public final class DryRunLoads {

    private final long seed;
    private final ZoneId zone;

    /** Loads drawn from {@code seed}, shaped by the local time of {@code zone}. */
    public DryRunLoads(long seed, ZoneId zone) {
        this.seed = seed;
        this.zone = zone;
    }

    /** Energy {@code customer} uses over {@code minutes} from {@code start}, in Wh. */
    public long energyWh(PlannedCustomer customer, Instant start, int minutes) {
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        double watts = watts(customer.category(), local);
        double size = 0.6 + 0.8 * unit(customer.customerId().hashCode(), 0);
        double noise = 0.8 + 0.4 * unit(customer.customerId().hashCode(), start.getEpochSecond());
        return Math.round(watts * size * noise * minutes / 60.0);
    }

    /**
     * The energy a customer of {@code category} of middle size uses over a working weekday, with no noise, in Wh:
     * what the dry run assumes, which its output states so that nobody takes it for a measure or for the tariff's.
     */
    public static long typicalWeekdayWh(CustomerCategory category) {
        LocalDateTime monday = LocalDateTime.of(2026, 6, 1, 0, 0);
        double wh = 0;
        for (int hour = 0; hour < 24; hour++) {
            wh += watts(category, monday.plusHours(hour));
        }
        return Math.round(wh);
    }

    /** The average power of a customer of {@code category} at {@code local}, in W. */
    static double watts(CustomerCategory category, LocalDateTime local) {
        int hour = local.getHour();
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        return switch (category) {
            case HOUSEHOLD -> hour >= 18 && hour < 23 ? 180 : hour >= 6 && hour < 8 ? 90 : 15;
            case SHOP -> hour >= 8 && hour < 21 ? 220 : 30;
            case MILL -> !weekend && hour >= 8 && hour < 17 ? 2_500 : 0;
        };
    }

    /** A number from 0 up to 1, the same for the same customer hash and key under this seed. */
    private double unit(long customer, long key) {
        long x = seed * 0x9E3779B97F4A7C15L + customer * 0xC2B2AE3D27D4EB4FL + key * 0x165667B19E3779F9L;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        x ^= x >>> 33;
        return (x >>> 11) * 0x1.0p-53;
    }
}
