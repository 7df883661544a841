package io.gridside.site.replay;

import io.gridside.site.SiteEvent;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain way to a site's state at an instant: every event from the start read as it is logged, its meter looked
 * up by id and its details read as text. Kept apart from the compact path on purpose, written the obvious way, so
 * that the two check each other: the replay's {@code scanTo} and the reference a seek's speed is measured against.
 */
final class EventScan {

    private final List<String> meterIds;
    private final Map<String, Integer> index;
    private final boolean[] powered;
    private final boolean[] talking;
    private final String[] parents;
    private final RelayHold[] relays;
    private Instant gatewayDownUntil;
    private boolean backhaulDown;
    private boolean batteryLow;
    private boolean inverterTripped;
    private boolean generatorFailed;
    private final Set<String> shedding = new HashSet<>();
    private int interference;
    private long lastEventId;

    EventScan(List<String> meterIds, Map<String, Integer> index, Map<String, String> parentsAtStart) {
        this.meterIds = meterIds;
        this.index = index;
        int count = meterIds.size();
        this.powered = new boolean[count];
        this.talking = new boolean[count];
        this.parents = new String[count];
        this.relays = new RelayHold[count];
        Arrays.fill(powered, true);
        Arrays.fill(talking, true);
        Arrays.fill(relays, RelayHold.NONE);
        for (int i = 0; i < count; i++) {
            parents[i] = parentsAtStart.get(meterIds.get(i));
        }
    }

    /** The state at {@code at} after applying, in order, every event of {@code sorted} at or before it. */
    SiteState scan(List<SiteEvent> sorted, Instant at) {
        for (SiteEvent event : sorted) {
            if (event.at().isAfter(at)) {
                break;
            }
            apply(event);
            lastEventId = event.id();
        }
        boolean gatewayUp = gatewayDownUntil == null || !at.isBefore(gatewayDownUntil);
        SiteState.Plant plant = new SiteState.Plant(gatewayUp, !backhaulDown, batteryLow, inverterTripped,
                generatorFailed, shedding, interference > 0);
        return new SiteState(at, meterIds, index, powered, talking, parents, relays, plant, lastEventId);
    }

    private void apply(SiteEvent event) {
        switch (event.kind()) {
            case GATEWAY_REBOOT -> reboot(event);
            case BACKHAUL_DOWN -> backhaulDown = true;
            case BACKHAUL_UP -> backhaulDown = false;
            case BATTERY_LOW -> batteryLow = true;
            case BATTERY_RECOVERED -> batteryLow = false;
            case INVERTER_TRIP -> inverterTripped = true;
            case INVERTER_RESET -> inverterTripped = false;
            case GENERATOR_FAILURE -> generatorFailed = true;
            case GENERATOR_RESTORED -> generatorFailed = false;
            case LOAD_SHEDDING_START -> shedding.addAll(feeders(event));
            case LOAD_SHEDDING_END -> endShedding(feeders(event));
            case INTERFERENCE_START -> interference++;
            case INTERFERENCE_END -> interference = Math.max(0, interference - 1);
            default -> applyToMeter(event);
        }
    }

    private void applyToMeter(SiteEvent event) {
        Integer meter = index.get(event.source());
        if (meter == null) {
            return;
        }
        switch (event.kind()) {
            case POWER_LOSS -> {
                powered[meter] = false;
                talking[meter] = false;
            }
            case POWER_RESTORE -> {
                powered[meter] = true;
                talking[meter] = true;
            }
            case COMMS_LOSS -> talking[meter] = false;
            case COMMS_RETURN -> talking[meter] = true;
            case PARENT_CHANGE -> changeParent(meter, event.detail("to"));
            case RELAY_OFF -> holdRelay(meter, event.detail("reason"));
            case RELAY_ON -> releaseRelay(meter, event.detail("reason"));
            default -> {
                // Not a change of anything the replay follows.
            }
        }
    }

    private void changeParent(int meter, String to) {
        if (to != null && !to.isBlank() && !"null".equals(to)) {
            parents[meter] = to;
        }
    }

    private void holdRelay(int meter, String reason) {
        if ("billing".equals(reason)) {
            relays[meter] = RelayHold.BILLING;
        } else if ("maintenance".equals(reason)) {
            relays[meter] = RelayHold.MAINTENANCE;
        }
    }

    private void releaseRelay(int meter, String reason) {
        if ("billing".equals(reason) || "maintenance".equals(reason)) {
            relays[meter] = RelayHold.NONE;
        }
    }

    private void reboot(SiteEvent event) {
        long seconds;
        try {
            String text = event.detail("downtimeSeconds");
            seconds = text == null ? 0 : Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        Instant until;
        try {
            until = event.at().plusSeconds(seconds);
        } catch (DateTimeException | ArithmeticException e) {
            until = Instant.MAX;
        }
        if (gatewayDownUntil == null || until.isAfter(gatewayDownUntil)) {
            gatewayDownUntil = until;
        }
    }

    private static Set<String> feeders(SiteEvent event) {
        Set<String> named = new HashSet<>();
        String text = event.detail("feeders");
        if (text != null) {
            for (String name : text.split(",")) {
                if (!name.isBlank()) {
                    named.add(name.strip());
                }
            }
        }
        return named;
    }

    private void endShedding(Set<String> feeders) {
        if (feeders.isEmpty()) {
            shedding.clear();
        } else {
            shedding.removeAll(feeders);
        }
    }
}
