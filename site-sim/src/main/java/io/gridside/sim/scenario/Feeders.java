package io.gridside.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The site's low-voltage feeders out of the power house, named {@code F1}, {@code F2} and so on, and which
 * meters each supplies. The generated site has no wiring plan yet, so meters are wired in meter order, an equal
 * run of meters to each feeder: one feeder per 20 meters, between one and six.
 */
public final class Feeders {

    private static final int METERS_PER_FEEDER = 20;
    private static final int MOST_FEEDERS = 6;

    private final int meters;
    private final int count;

    private Feeders(int meters) {
        this.meters = meters;
        this.count = Math.max(1, Math.min(MOST_FEEDERS, meters / METERS_PER_FEEDER));
    }

    /** The feeders of a site of {@code meters} meters. */
    public static Feeders of(int meters) {
        return new Feeders(meters);
    }

    /** The feeders' names, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(count);
        for (int feeder = 0; feeder < count; feeder++) {
            names.add(name(feeder));
        }
        return names;
    }

    /** The feeder that supplies the meter at {@code index} in meter order. */
    public String feederOf(int index) {
        return name((int) ((long) index * count / meters));
    }

    /** The meter indexes a feeder supplies, in order; empty for a feeder the site does not have. */
    public List<Integer> members(String feeder) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < meters; i++) {
            if (feederOf(i).equals(feeder)) {
                members.add(i);
            }
        }
        return members;
    }

    private static String name(int feeder) {
        return String.format(Locale.ROOT, "F%d", feeder + 1);
    }
}
