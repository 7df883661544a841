package io.gridside.sim;

import io.gridside.site.CustomerCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's electricity use, built from the appliances on their premises: each with its rating, the hours its
 * owners use it on weekdays, Saturdays and Sundays, and its duty cycle. Gives the mean and peak power of any
 * quarter hour; the same seed and interval always give the same power, with no state kept between intervals.
 *
 * <p>The randomness is layered as on a real site. A customer has a habit, using their appliances a little more or
 * less than their neighbours; each day they are a little more or less active, shift their evening by up to 40
 * minutes, and now and then are away altogether (then only the fridge and the security light run); each quarter
 * hour each appliance is in use or not by its chance for the hour.
 *
 * <p>It runs for every meter every quarter hour, so {@link #sample} allocates nothing and draws one hash for the
 * customer's day and one for each appliance.
 *
 * @param habit how much more or less than usual this customer uses each appliance, around 1
 * @param appliances what the customer has, in the order their randomness is drawn
 */
public record LoadProfile(Premises premises, double habit, List<Fitted> appliances) {

    /** The longest a customer's day moves from the usual hours, earlier or later. */
    private static final int MAX_SHIFT_MINUTES = 40;
    private static final long HABIT_SALT = 301;
    private static final long FIT_SALT = 310;
    private static final long DAY_SALT = 330;
    private static final long APPLIANCE_SALT = 340;
    private static final double TWO_TO_MINUS_21 = 0x1.0p-21;

    /**
     * One appliance that a customer has.
     *
     * @param watts its rating
     */
    public record Fitted(Appliance appliance, double watts) {
    }

    /**
     * A quarter hour's mean, running and peak power, written by {@link #sample} and reused from meter to meter. The
     * running power is what the appliances in use draw together once started, which lasts as long as the shortest
     * of their runs (a minute or more); the peak adds the largest starting inrush, which lasts under a second.
     */
    static final class Sample {
        double meanWatts;
        double runningWatts;
        double peakWatts;
    }

    public LoadProfile {
        appliances = List.copyOf(appliances);
    }

    /** Draws a plausible customer of {@code category}: their premises, their appliances and the appliances' ratings. */
    static LoadProfile draw(CustomerCategory category, long seed, int index) {
        Premises premises = Premises.draw(category, seed, index);
        List<Fitted> fitted = new ArrayList<>();
        List<Premises.Fit> fits = premises.fits();
        for (int slot = 0; slot < fits.size(); slot++) {
            Premises.Fit fit = fits.get(slot);
            if (Noise.unit(seed, index, FIT_SALT + slot) < fit.chance()) {
                Appliance appliance = fit.appliance();
                double watts = Noise.between(appliance.minWatts(), appliance.maxWatts(), seed, index, FIT_SALT, slot);
                fitted.add(new Fitted(appliance, Math.round(watts)));
            }
        }
        return new LoadProfile(premises, Noise.between(0.75, 1.25, seed, index, HABIT_SALT), fitted);
    }

    public CustomerCategory category() {
        return premises.category();
    }

    /**
     * Writes the mean, running and peak power of interval {@code at} into {@code out}. The running power is what the
     * appliances in use draw together, the peak adds the largest inrush of those that start; so a mill's peak is
     * several times its mean.
     *
     * @param index the customer's place on the site, which seeds their randomness with {@code seed}
     */
    void sample(long seed, int index, LocalInterval at, Sample out) {
        long day = Noise.hash(seed, index, at.epochDay(), DAY_SALT);
        boolean absent = field(day, 0) < premises.absentChance();
        double activity = habit * (0.75 + 0.5 * field(day, 1));
        int shift = (int) Math.round((2 * field(day, 2) - 1) * MAX_SHIFT_MINUTES);
        // The middle of the quarter hour, moved by the day's shift, decides which hour's habits apply.
        int hour = Math.floorMod(at.minuteOfDay() + 7 + shift, 24 * 60) / 60;
        double mean = 0;
        double running = 0;
        double surge = 0;
        for (int slot = 0; slot < appliances.size(); slot++) {
            Fitted fitted = appliances.get(slot);
            Appliance appliance = fitted.appliance();
            double chance = appliance.chance(at.dayType(), hour);
            if ((absent && !appliance.unattended()) || chance == 0) {
                continue;
            }
            long draw = Noise.hash(seed, index, at.interval(), APPLIANCE_SALT + slot);
            if (chance < 1 && field(draw, 0) >= chance * activity) {
                continue;
            }
            double share = Math.min(1, appliance.duty() * (0.7 + 0.6 * field(draw, 1)));
            mean += fitted.watts() * share;
            running += fitted.watts();
            surge = Math.max(surge, fitted.watts() * (appliance.inrush() - 1));
        }
        out.meanWatts = mean;
        out.runningWatts = running;
        out.peakWatts = running + surge;
    }

    /** The mean, running and peak power of interval {@code at}, in a new sample. */
    Sample sample(long seed, int index, LocalInterval at) {
        Sample sample = new Sample();
        sample(seed, index, at, sample);
        return sample;
    }

    /** One of three independent uniform values in [0, 1) that a single hash holds, 21 bits each. */
    private static double field(long hash, int which) {
        return ((hash >>> (21 * which)) & 0x1FFFFF) * TWO_TO_MINUS_21;
    }
}
