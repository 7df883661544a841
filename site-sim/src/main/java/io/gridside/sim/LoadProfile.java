package io.gridside.sim;

import io.gridside.site.CustomerCategory;
import java.time.DayOfWeek;
import java.time.LocalDateTime;

/**
 * A customer's electricity use, built from the appliances a rural customer of that kind has, each with the
 * hours it runs. Gives the mean power of any 15-minute interval; the same interval always gives the same power.
 *
 * @param lightsWatts LED lighting, on in the evening and before dawn
 * @param baseWatts always on: phone charging, radio, standby
 * @param entertainmentWatts a television or sound system in the evening, zero when there is none
 * @param fridgeWatts a fridge's compressor, cycling day and night, zero when there is none
 * @param motorWatts a mill's or welder's motor, in working-hour bursts, zero when there is none
 */
public record LoadProfile(
        CustomerCategory category, double lightsWatts, double baseWatts, double entertainmentWatts,
        double fridgeWatts, double motorWatts) {

    /** Draws a plausible profile for a customer of {@code category}. */
    static LoadProfile draw(CustomerCategory category, long seed, int index) {
        return switch (category) {
            case HOUSEHOLD -> new LoadProfile(category,
                    Noise.between(12, 45, seed, index, 1),
                    Noise.between(3, 12, seed, index, 2),
                    Noise.unit(seed, index, 3) < 0.45 ? Noise.between(35, 90, seed, index, 4) : 0,
                    Noise.unit(seed, index, 5) < 0.08 ? Noise.between(60, 90, seed, index, 6) : 0,
                    0);
            case SHOP -> new LoadProfile(category,
                    Noise.between(30, 80, seed, index, 1),
                    Noise.between(15, 60, seed, index, 2),
                    Noise.between(20, 60, seed, index, 4),
                    Noise.unit(seed, index, 5) < 0.7 ? Noise.between(80, 160, seed, index, 6) : 0,
                    0);
            case MILL -> new LoadProfile(category,
                    Noise.between(20, 40, seed, index, 1),
                    Noise.between(5, 15, seed, index, 2),
                    0, 0,
                    Noise.between(2200, 5500, seed, index, 7));
        };
    }

    /**
     * The mean power in watts over the interval that starts at {@code local}, site time.
     *
     * @param interval the interval's number since the epoch, which seeds its randomness
     */
    public double watts(long seed, int index, LocalDateTime local, long interval) {
        double hour = local.getHour() + local.getMinute() / 60.0;
        double jitter = Noise.between(0.75, 1.25, seed, index, interval, 11);
        double watts = baseWatts * jitter;
        watts += lights(hour) * lightsWatts * jitter;
        if (entertainmentWatts > 0 && hour >= 19 && hour < 22.5 && Noise.unit(seed, index, interval, 12) < 0.7) {
            watts += entertainmentWatts;
        }
        if (fridgeWatts > 0 && Noise.unit(seed, index, interval, 13) < 0.45) {
            watts += fridgeWatts;
        }
        if (motorWatts > 0 && working(local) && Noise.unit(seed, index, interval, 14) < 0.35) {
            watts += motorWatts * Noise.between(0.4, 1.0, seed, index, interval, 15);
        }
        if (category != CustomerCategory.HOUSEHOLD && open(local)) {
            watts += lightsWatts * 0.3;
        }
        return watts;
    }

    /** How many of the lights are on: most in the evening, a few before dawn. */
    private static double lights(double hour) {
        if (hour >= 18.5 && hour < 22.5) {
            return 1.0;
        }
        if ((hour >= 22.5 && hour < 24) || (hour >= 5.5 && hour < 6.75)) {
            return 0.35;
        }
        return hour < 5.5 ? 0.1 : 0.0;
    }

    private static boolean working(LocalDateTime local) {
        int hour = local.getHour();
        return local.getDayOfWeek() != DayOfWeek.SUNDAY && hour >= 8 && hour < 17;
    }

    private static boolean open(LocalDateTime local) {
        int hour = local.getHour();
        return hour >= 7 && hour < 21;
    }
}
