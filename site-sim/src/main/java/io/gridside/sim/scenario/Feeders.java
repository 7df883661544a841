package io.gridside.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The site's low-voltage feeders out of the power house as scenarios name them, {@code F1}, {@code F2} and so on,
 * and which meters each supplies. The site's wiring plan decides it; here it is only named.
 */
public final class Feeders {

    private final int[] feederOf;
    private final int count;

    private Feeders(int[] feederOf, int count) {
        this.feederOf = feederOf.clone();
        this.count = count;
    }

    /**
     * @param feederOf each meter's feeder, from 0, in meter order: feeder 0 is {@code F1}
     * @param count how many feeders the site has
     * @throws IllegalArgumentException for a meter on a feeder the site does not have
     */
    public static Feeders of(int[] feederOf, int count) {
        for (int feeder : feederOf) {
            if (feeder < 0 || feeder >= count) {
                throw new IllegalArgumentException("A site of " + count + " feeders has no feeder " + (feeder + 1)
                        + ".");
            }
        }
        return new Feeders(feederOf, count);
    }

    /** One feeder per run of meters in meter order, an equal run each: for sites drawn without a wiring plan. */
    public static Feeders inMeterOrder(int meters, int count) {
        int[] feederOf = new int[meters];
        for (int i = 0; i < meters; i++) {
            feederOf[i] = (int) ((long) i * count / meters);
        }
        return new Feeders(feederOf, count);
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
        return name(feederOf[index]);
    }

    /** The meter indexes a feeder supplies, in order; empty for a feeder the site does not have. */
    public List<Integer> members(String feeder) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < feederOf.length; i++) {
            if (name(feederOf[i]).equals(feeder)) {
                members.add(i);
            }
        }
        return members;
    }

    private static String name(int feeder) {
        return String.format(Locale.ROOT, "F%d", feeder + 1);
    }
}
