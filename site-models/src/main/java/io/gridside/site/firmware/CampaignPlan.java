package io.gridside.site.firmware;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The waves a meter campaign will run, the canary first, and the meters it leaves out with the reason. The
 * console previews it and the gateway runs it; both make it with {@link #of}, so they agree.
 *
 * @param waves the meter ids of each wave in the order the gateway updates them; wave 0 is the canary
 * @param excluded meters left out, each with a sentence that says why
 */
public record CampaignPlan(List<List<String>> waves, Map<String, String> excluded) {

    public CampaignPlan {
        waves = waves.stream().map(List::copyOf).toList();
        excluded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
    }

    /** How many meters the waves hold in all. */
    public int meterCount() {
        return waves.stream().mapToInt(List::size).sum();
    }

    /** Why a meter is left out of a campaign, so that a console can say it in the technician's language. */
    public enum Exclusion {
        /** The image does not run on the meter's hardware (or is not a meter's image). */
        HARDWARE,
        /** The meter runs the image's version already. */
        RUNS_ALREADY,
        /** The meter's security counter is higher than the image's: it runs a newer version. */
        NEWER
    }

    /** Why {@code meter} is left out of a campaign of {@code image}, or null when it takes part. */
    public static Exclusion exclusion(FleetMeter meter, FirmwareManifest image) {
        if (image.product() != FirmwareProduct.METER || !image.runsOn(meter.hardwareId())) {
            return Exclusion.HARDWARE;
        }
        if (meter.version().equals(image.version())) {
            return Exclusion.RUNS_ALREADY;
        }
        return meter.securityCounter() > image.securityCounter() ? Exclusion.NEWER : null;
    }

    /**
     * Plans a campaign of {@code image} over {@code fleet} by {@code policy}. A meter of hardware the image does not
     * run on, that runs the image's version already, or whose security counter is higher, is left out. The canary
     * takes, for each pair of hardware revision and current version, the {@link CampaignPolicy#canaryPerGroup}
     * shallowest meters with a route. The other waves take the rest by hop depth, shallowest first, meters without a
     * route last, in waves of {@link CampaignPolicy#firstWaveSize} growing {@link CampaignPolicy#waveGrowth} times
     * each. Within a wave, meters are listed deepest first, so that a repeater reboots after the meters behind it have
     * their image.
     */
    public static CampaignPlan of(List<FleetMeter> fleet, FirmwareManifest image, CampaignPolicy policy) {
        Objects.requireNonNull(image, "image");
        Map<String, String> excluded = new LinkedHashMap<>();
        List<FleetMeter> eligible = new ArrayList<>();
        for (FleetMeter meter : fleet) {
            Exclusion why = exclusion(meter, image);
            if (why == null) {
                eligible.add(meter);
            } else {
                excluded.put(meter.meterId(), switch (why) {
                    case HARDWARE -> "hardware " + meter.hardwareId() + " does not run " + image.version();
                    case RUNS_ALREADY -> "runs " + image.version() + " already";
                    case NEWER -> "runs " + meter.version() + ", newer than " + image.version();
                });
            }
        }
        Comparator<FleetMeter> shallowFirst = Comparator
                .comparingInt((FleetMeter meter) -> meter.reachable() ? meter.hops() : Integer.MAX_VALUE)
                .thenComparing(FleetMeter::meterId);
        eligible.sort(shallowFirst);
        List<FleetMeter> canary = new ArrayList<>();
        Map<String, Integer> taken = new LinkedHashMap<>();
        for (FleetMeter meter : eligible) {
            String group = meter.hardwareId() + "\u0000" + meter.version();
            if (meter.reachable() && taken.getOrDefault(group, 0) < policy.canaryPerGroup()) {
                taken.merge(group, 1, Integer::sum);
                canary.add(meter);
            }
        }
        List<List<String>> waves = new ArrayList<>();
        if (!canary.isEmpty()) {
            waves.add(deepestFirst(canary));
        }
        List<FleetMeter> rest = new ArrayList<>(eligible);
        rest.removeAll(canary);
        long size = policy.firstWaveSize();
        int from = 0;
        while (from < rest.size()) {
            int to = (int) Math.min(rest.size(), from + size);
            waves.add(deepestFirst(rest.subList(from, to)));
            from = to;
            size = Math.min(Integer.MAX_VALUE, size * policy.waveGrowth());
        }
        return new CampaignPlan(waves, excluded);
    }

    private static List<String> deepestFirst(List<FleetMeter> meters) {
        return meters.stream()
                .sorted(Comparator.comparingInt((FleetMeter meter) -> meter.reachable() ? -meter.hops() : 1)
                        .thenComparing(FleetMeter::meterId))
                .map(FleetMeter::meterId).toList();
    }
}
