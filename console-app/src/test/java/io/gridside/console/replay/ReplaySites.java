package io.gridside.console.replay;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.MeterSpan;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import io.gridside.site.replay.Replay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A small hand-made site for the Replay screen's tests: a gateway and three meters, M-1 under the gateway and M-2
 * and M-3 under M-1, over a window of six hours with a power outage of M-2 and M-3, a gateway reboot, a billing
 * hold and a parent change, and the diagnosis of the outage made by hand.
 */
final class ReplaySites {

    static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Africa/Nairobi");
    static final String GATEWAY = "GW-1";
    static final List<String> METERS = List.of("M-1", "M-2", "M-3");
    static final Map<String, String> PARENTS = Map.of("M-1", GATEWAY, "M-2", "M-1", "M-3", "M-1");

    private ReplaySites() {
    }

    static Instant hours(double hours) {
        return T0.plus(Duration.ofSeconds(Math.round(hours * 3600)));
    }

    static List<SiteEvent> events() {
        List<SiteEvent> log = new ArrayList<>();
        add(log, hours(1), "M-2", EventKind.POWER_LOSS, "lastGasp", "true");
        add(log, hours(1), "M-3", EventKind.POWER_LOSS, "lastGasp", "true");
        add(log, hours(2), "M-2", EventKind.POWER_RESTORE);
        add(log, hours(2), "M-3", EventKind.POWER_RESTORE);
        add(log, hours(3), GATEWAY, EventKind.GATEWAY_REBOOT, "downtimeSeconds", "600");
        add(log, hours(4), "M-1", EventKind.RELAY_OFF, "reason", "billing");
        add(log, hours(5), "M-3", EventKind.PARENT_CHANGE, "from", "M-1", "to", "M-2");
        return log;
    }

    private static void add(List<SiteEvent> log, Instant at, String source, EventKind kind, String... details) {
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            map.put(details[i], details[i + 1]);
        }
        log.add(new SiteEvent(log.size() + 1, at, source, kind, map, null));
    }

    static Outage powerOutage() {
        return new Outage("O-20260601-1600-1", OutageCause.POWER, hours(1), hours(2),
                List.of(new MeterSpan("M-2", hours(1), hours(2), true, true),
                        new MeterSpan("M-3", hours(1), hours(2), true, true)),
                List.of("F1"),
                List.of(new Evidence("2 of 2 meters on F1 sent a last gasp within 2 s", List.of(1L, 2L))),
                List.of(new Outage.Competing(OutageCause.MESH_PARTITION, "both hang under M-1")),
                List.of(1L, 2L, 3L, 4L));
    }

    /** The window of the six hours, diagnosed by hand, or with {@code problem} in place of a diagnosis. */
    static ReplayWindow window(String problem) {
        return window(problem, null, null);
    }

    /** As {@link #window(String)}, with the history held beginning and ending where given (null: outside). */
    static ReplayWindow window(String problem, Instant historyStart, Instant historyEnd) {
        List<SiteEvent> events = events();
        Replay replay = Replay.of(METERS, PARENTS, GATEWAY, events);
        Diagnosis diagnosis = problem != null ? null
                : new Diagnosis(T0, hours(6), List.of(powerOutage()), List.of("M-1"));
        return new ReplayWindow(T0, hours(6), ZONE, GATEWAY, METERS, Map.of("M-1", "Amina", "M-2", "Baraka", "M-3",
                "Chege"), Map.of("M-1", "F1", "M-2", "F1", "M-3", "F2"), PARENTS, events, replay::at, diagnosis,
                problem, null, historyStart, historyEnd);
    }

    /**
     * A source that hands over a window at once, as though read (or fails when it has none), and notes the windows
     * and reports asked for.
     */
    static final class Source implements ReplaySource {

        final List<WindowChoice> asked = new ArrayList<>();
        final List<Outage> reported = new ArrayList<>();
        ReplayWindow next = window(null);

        @Override
        public void load(WindowChoice choice, Consumer<ReplayWindow> onLoaded, Consumer<String> onFailure) {
            asked.add(choice);
            if (next == null) {
                onFailure.accept("The site database holds no events yet.");
            } else {
                onLoaded.accept(next);
            }
        }

        @Override
        public void writeReport(ReplayWindow window, Outage outage, Path page, Consumer<List<Path>> onWritten,
                Consumer<String> onFailure) {
            reported.add(outage);
            onWritten.accept(List.of(page, ReplayReports.csvBeside(page)));
        }

        Runnable pulled = () -> { };

        @Override
        public void onNewSession(Runnable action) {
        }

        @Override
        public void onPulled(Runnable action) {
            pulled = action;
        }
    }
}
