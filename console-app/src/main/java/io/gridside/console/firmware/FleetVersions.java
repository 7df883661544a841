package io.gridside.console.firmware;

import io.gridside.site.firmware.FleetMeter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How many meters run each firmware version, split by hardware revision: what the installed-versions chart draws.
 *
 * @param versions the versions run, oldest first
 * @param hardwareIds the hardware revisions met, in name order
 * @param counts meters per version, then per hardware revision
 */
public record FleetVersions(List<String> versions, List<String> hardwareIds,
        Map<String, Map<String, Integer>> counts) {

    /** Versions in order of their numeric parts, so that 3.10 comes after 3.9. */
    static final Comparator<String> VERSION_ORDER = FleetVersions::compareVersions;

    public static FleetVersions of(List<FleetMeter> fleet) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>(VERSION_ORDER);
        TreeSet<String> hardware = new TreeSet<>();
        for (FleetMeter meter : fleet) {
            counts.computeIfAbsent(meter.version(), version -> new TreeMap<>())
                    .merge(meter.hardwareId(), 1, Integer::sum);
            hardware.add(meter.hardwareId());
        }
        return new FleetVersions(new ArrayList<>(counts.keySet()), new ArrayList<>(hardware), counts);
    }

    /** How many meters of {@code hardwareId} run {@code version}. */
    public int count(String version, String hardwareId) {
        return counts.getOrDefault(version, Map.of()).getOrDefault(hardwareId, 0);
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        String[] right = b.split("(?<=\\d)(?=\\D)|(?<=\\D)(?=\\d)");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = comparePart(left[i], right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int comparePart(String a, String b) {
        boolean numbers = !a.isEmpty() && !b.isEmpty() && Character.isDigit(a.charAt(0))
                && Character.isDigit(b.charAt(0));
        if (numbers) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        return a.compareTo(b);
    }
}
