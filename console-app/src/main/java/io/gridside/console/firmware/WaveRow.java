package io.gridside.console.firmware;

import io.gridside.console.I18n;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.FleetMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One wave of a planned campaign as the preview lists it.
 *
 * @param wave 0 for the canary
 * @param hops the hop range of its meters, such as {@code 1-3}, or that none has a route, in the language in use
 * @param hardwareMix how many of each hardware revision, such as {@code mtr-r2 x4, mtr-r3 x1}
 */
public record WaveRow(int wave, int size, String hops, String hardwareMix) {

    /** The rows of {@code plan}'s waves, their meters looked up in {@code fleet}. */
    public static List<WaveRow> of(CampaignPlan plan, List<FleetMeter> fleet) {
        Map<String, FleetMeter> byId = fleet.stream().collect(Collectors.toMap(FleetMeter::meterId,
                Function.identity(), (a, b) -> a));
        List<WaveRow> rows = new ArrayList<>();
        for (int i = 0; i < plan.waves().size(); i++) {
            List<FleetMeter> meters = plan.waves().get(i).stream().map(byId::get).filter(m -> m != null).toList();
            rows.add(new WaveRow(i, plan.waves().get(i).size(), hops(meters), mix(meters)));
        }
        return rows;
    }

    private static String hops(List<FleetMeter> meters) {
        int low = meters.stream().filter(FleetMeter::reachable).mapToInt(FleetMeter::hops).min().orElse(-1);
        int high = meters.stream().filter(FleetMeter::reachable).mapToInt(FleetMeter::hops).max().orElse(-1);
        long unrouted = meters.stream().filter(meter -> !meter.reachable()).count();
        String range = low < 0 ? I18n.text("firmware.plan.noRoute") : low == high ? Integer.toString(low)
                : low + "-" + high;
        return unrouted == 0 || low < 0 ? range : I18n.text("firmware.plan.unrouted", range, unrouted);
    }

    private static String mix(List<FleetMeter> meters) {
        Map<String, Integer> counts = new TreeMap<>();
        meters.forEach(meter -> counts.merge(meter.hardwareId(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
