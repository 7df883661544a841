package io.gridside.site.outage;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stretch of time one of the gateway's own events opened and its counterpart closed: the backhaul down, a
 * reboot, interference, a low battery, a failed generator, a tripped inverter or load shedding. Each is an outage
 * of its own cause, which meters' losses inside it may join.
 *
 * @param cause the cause the stretch stands for
 * @param opening the event that opened it
 * @param from when it began
 * @param to when it ended, or the window's end when nothing closed it
 * @param closed whether an event closed it (a reboot is closed by its downtime)
 * @param eventIds the gateway's numbers of its opening and closing events
 * @param feeders for load shedding, the feeders it cut; otherwise empty
 */
record GatewayWindow(OutageCause cause, SiteEvent opening, Instant from, Instant to, boolean closed,
        List<Long> eventIds, Set<String> feeders) {

    GatewayWindow {
        eventIds = List.copyOf(eventIds);
        feeders = Set.copyOf(feeders);
    }

    /** Whether it holds at {@code at}. */
    boolean holds(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /**
     * The stretches the gateway's events in {@code input} open and close before its window ends, by start. A
     * closing event closes the oldest stretch of its kind still open, since the gateway's events do not say which
     * one they close.
     */
    static List<GatewayWindow> allOf(DiagnosisInput input) {
        List<Opened> open = new ArrayList<>();
        List<GatewayWindow> windows = new ArrayList<>();
        for (SiteEvent event : input.events()) {
            if (!event.source().equals(input.gatewayId()) || !event.at().isBefore(input.to())) {
                continue;
            }
            if (event.kind() == EventKind.GATEWAY_REBOOT) {
                windows.add(reboot(event));
                continue;
            }
            OutageCause opens = opens(event.kind());
            if (opens != null) {
                open.add(new Opened(opens, event));
                continue;
            }
            OutageCause closes = closes(event.kind());
            Opened match = open.stream().filter(o -> o.cause == closes).findFirst().orElse(null);
            if (match != null) {
                open.remove(match);
                windows.add(window(match, event.at(), true, List.of(match.event.id(), event.id())));
            }
        }
        open.forEach(o -> windows.add(window(o, input.to(), false, List.of(o.event.id()))));
        windows.sort(java.util.Comparator.comparing(GatewayWindow::from)
                .thenComparing(window -> window.opening().id()));
        return windows;
    }

    /** A stretch still open, and the event that opened it. */
    private record Opened(OutageCause cause, SiteEvent event) {
    }

    private static GatewayWindow window(Opened opened, Instant to, boolean closed, List<Long> ids) {
        String shed = opened.event.detail("feeders");
        Set<String> feeders = shed == null || shed.isBlank() ? Set.of()
                : new TreeSet<>(Arrays.asList(shed.split(",")));
        Instant end = to.isBefore(opened.event.at()) ? opened.event.at() : to;
        return new GatewayWindow(opened.cause, opened.event, opened.event.at(), end, closed, ids, feeders);
    }

    private static GatewayWindow reboot(SiteEvent event) {
        long seconds = parseSeconds(event.detail("downtimeSeconds"));
        return new GatewayWindow(OutageCause.GATEWAY_FAULT, event, event.at(),
                event.at().plus(Duration.ofSeconds(seconds)), true, List.of(event.id()), Set.of());
    }

    private static long parseSeconds(String text) {
        try {
            return text == null ? 0 : Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static OutageCause opens(EventKind kind) {
        return switch (kind) {
            case BACKHAUL_DOWN -> OutageCause.BACKHAUL;
            case INTERFERENCE_START -> OutageCause.RF_INTERFERENCE;
            case BATTERY_LOW -> OutageCause.BATTERY;
            case GENERATOR_FAILURE -> OutageCause.GENERATOR;
            case INVERTER_TRIP -> OutageCause.INVERTER;
            case LOAD_SHEDDING_START -> OutageCause.LOAD_SHEDDING;
            default -> null;
        };
    }

    private static OutageCause closes(EventKind kind) {
        return switch (kind) {
            case BACKHAUL_UP -> OutageCause.BACKHAUL;
            case INTERFERENCE_END -> OutageCause.RF_INTERFERENCE;
            case BATTERY_RECOVERED -> OutageCause.BATTERY;
            case GENERATOR_RESTORED -> OutageCause.GENERATOR;
            case INVERTER_RESET -> OutageCause.INVERTER;
            case LOAD_SHEDDING_END -> OutageCause.LOAD_SHEDDING;
            default -> null;
        };
    }
}
