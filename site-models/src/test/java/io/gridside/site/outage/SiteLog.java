package io.gridside.site.outage;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small site's event log that a test writes by hand, and the input that diagnoses it. The site: gateway
 * {@code GW1}; meters 1 to 6; meters 2 and 3 route through meter 1 and meter 5 through meter 4, the others reach
 * the gateway directly; feeder F1 supplies meters 1 to 3, F2 meters 4 and 5, F3 meter 6 alone.
 */
final class SiteLog {

    static final String GATEWAY = "GW1";
    static final Instant DAY = Instant.parse("2026-06-03T00:00:00Z");
    static final List<String> METERS = List.of("M00001", "M00002", "M00003", "M00004", "M00005", "M00006");

    private final List<SiteEvent> events = new ArrayList<>();

    /** The instant {@code hours} and {@code minutes} after the day's start. */
    static Instant at(int hours, int minutes) {
        return DAY.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes));
    }

    static String meter(int number) {
        return METERS.get(number - 1);
    }

    SiteLog gateway(Instant at, EventKind kind, String... details) {
        return add(at, GATEWAY, kind, details);
    }

    SiteLog meters(Instant at, EventKind kind, int... numbers) {
        for (int number : numbers) {
            add(at, meter(number), kind, kind == EventKind.POWER_LOSS ? new String[] {"lastGasp", "true"}
                    : new String[0]);
        }
        return this;
    }

    SiteLog add(Instant at, String source, EventKind kind, String... details) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            map.put(details[i], details[i + 1]);
        }
        events.add(new SiteEvent(events.size() + 1, at, source, kind, new TreeMap<>(map), null));
        return this;
    }

    DiagnosisInput input() {
        return new DiagnosisInput(DAY, DAY.plus(Duration.ofDays(1)), GATEWAY, METERS,
                Map.of(meter(1), GATEWAY, meter(2), meter(1), meter(3), meter(1), meter(4), GATEWAY,
                        meter(5), meter(4), meter(6), GATEWAY),
                Map.of(meter(1), "F1", meter(2), "F1", meter(3), "F1", meter(4), "F2", meter(5), "F2",
                        meter(6), "F3"),
                events);
    }

    Diagnosis diagnose() {
        return Diagnoser.diagnose(input());
    }
}
