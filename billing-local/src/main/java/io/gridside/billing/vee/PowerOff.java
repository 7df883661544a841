package io.gridside.billing.vee;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A time a meter was without supply, from its power-loss event (its last gasp) to its power-restore event: the
 * meter could register nothing then, so no estimate gives those quarter hours energy.
 *
 * @param from when the supply was lost
 * @param to when it came back, or {@link Instant#MAX} while the log shows no restore
 */
public record PowerOff(Instant from, Instant to) {

    /** Whether the quarter hour from {@code start} lies wholly in this time. */
    public boolean covers(Instant start, Instant end) {
        return !start.isBefore(from) && !end.isAfter(to);
    }

    /** Each meter's times without supply, from the power-loss and power-restore events of the gateway's log. */
    public static Map<String, List<PowerOff>> byMeter(List<SiteEvent> events) {
        List<SiteEvent> power = new ArrayList<>(events.stream()
                .filter(e -> e.kind() == EventKind.POWER_LOSS || e.kind() == EventKind.POWER_RESTORE).toList());
        power.sort(Comparator.comparing(SiteEvent::at).thenComparingLong(SiteEvent::id));
        Map<String, Instant> lostAt = new HashMap<>();
        Map<String, List<PowerOff>> byMeter = new HashMap<>();
        for (SiteEvent event : power) {
            if (event.kind() == EventKind.POWER_LOSS) {
                lostAt.putIfAbsent(event.source(), event.at());
            } else {
                Instant lost = lostAt.remove(event.source());
                if (lost != null) {
                    byMeter.computeIfAbsent(event.source(), id -> new ArrayList<>())
                            .add(new PowerOff(lost, event.at()));
                }
            }
        }
        lostAt.forEach((meter, lost) -> byMeter.computeIfAbsent(meter, id -> new ArrayList<>())
                .add(new PowerOff(lost, Instant.MAX)));
        return byMeter;
    }
}
