package io.gridside.site.replay;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site's state as a replay moves through its events, in four arrays indexed by meter (power, talking, parent,
 * relay) that take the shape {@link SiteState} takes, so that a checkpoint is copied, and a state made of it, by
 * whole-array copies. Mutable; a checkpoint is a copy that is never moved again.
 */
final class Cursor {

    private static final RelayHold[] HOLDS = RelayHold.values();

    private final EventTable table;
    /** The parents' names by their number in the event table. */
    private final String[] parentNames;
    private final boolean[] powered;
    private final boolean[] talking;
    private final String[] parents;
    private final RelayHold[] relays;
    /** How many events are applied: the index of the next. */
    private int applied;
    private long gatewayDownUntil = Long.MIN_VALUE;
    private boolean backhaulDown;
    private boolean batteryLow;
    private boolean inverterTripped;
    private boolean generatorFailed;
    private Set<String> shedding = Set.of();
    /** How many rises of the noise floor have begun and not ended: they may overlap around different meters. */
    private int interference;

    /** The state before any event: every meter powered and talking under its parent at the start, relays closed. */
    Cursor(EventTable table, String[] parentsAtStart) {
        this.table = table;
        this.parentNames = table.parentNames.toArray(new String[0]);
        int count = parentsAtStart.length;
        this.powered = new boolean[count];
        this.talking = new boolean[count];
        this.parents = parentsAtStart.clone();
        this.relays = new RelayHold[count];
        Arrays.fill(powered, true);
        Arrays.fill(talking, true);
        Arrays.fill(relays, RelayHold.NONE);
    }

    private Cursor(Cursor other) {
        this.table = other.table;
        this.parentNames = other.parentNames;
        this.powered = other.powered.clone();
        this.talking = other.talking.clone();
        this.parents = other.parents.clone();
        this.relays = other.relays.clone();
        applied = other.applied;
        gatewayDownUntil = other.gatewayDownUntil;
        backhaulDown = other.backhaulDown;
        batteryLow = other.batteryLow;
        inverterTripped = other.inverterTripped;
        generatorFailed = other.generatorFailed;
        shedding = other.shedding;
        interference = other.interference;
    }

    /** A copy that moves on its own. */
    Cursor copy() {
        return new Cursor(this);
    }

    /** Applies the events up to, not including, the one at index {@code end}. */
    void applyUntil(int end) {
        while (applied < end) {
            apply(applied);
            applied++;
        }
    }

    private void apply(int i) {
        int meter = table.meters[i];
        long argument = table.arguments[i];
        switch (table.changes[i]) {
            case EventTable.POWER_LOSS -> {
                powered[meter] = false;
                talking[meter] = false;
            }
            case EventTable.POWER_RESTORE -> {
                powered[meter] = true;
                talking[meter] = true;
            }
            case EventTable.COMMS_LOSS -> talking[meter] = false;
            case EventTable.COMMS_RETURN -> talking[meter] = true;
            case EventTable.PARENT_CHANGE -> parents[meter] = parentNames[(int) argument];
            case EventTable.RELAY_OFF -> relays[meter] = HOLDS[(int) argument];
            case EventTable.RELAY_ON -> relays[meter] = RelayHold.NONE;
            default -> applyToPlant(i, argument);
        }
    }

    private void applyToPlant(int i, long argument) {
        switch (table.changes[i]) {
            case EventTable.GATEWAY_REBOOT -> gatewayDownUntil = Math.max(gatewayDownUntil,
                    saturatedSum(table.times[i], argument));
            case EventTable.BACKHAUL_DOWN -> backhaulDown = true;
            case EventTable.BACKHAUL_UP -> backhaulDown = false;
            case EventTable.BATTERY_LOW -> batteryLow = true;
            case EventTable.BATTERY_RECOVERED -> batteryLow = false;
            case EventTable.INVERTER_TRIP -> inverterTripped = true;
            case EventTable.INVERTER_RESET -> inverterTripped = false;
            case EventTable.GENERATOR_FAILURE -> generatorFailed = true;
            case EventTable.GENERATOR_RESTORED -> generatorFailed = false;
            case EventTable.SHEDDING_START -> shedding = shed(table.feederSets.get((int) argument));
            case EventTable.SHEDDING_END -> shedding = supply(table.feederSets.get((int) argument));
            case EventTable.INTERFERENCE_START -> interference++;
            case EventTable.INTERFERENCE_END -> interference = Math.max(0, interference - 1);
            default -> {
                // An event that changes nothing the replay follows.
            }
        }
    }

    private Set<String> shed(Set<String> feeders) {
        Set<String> now = new HashSet<>(shedding);
        now.addAll(feeders);
        return Set.copyOf(now);
    }

    /** Ends the shedding of the feeders named, or of every feeder when none is named. */
    private Set<String> supply(Set<String> feeders) {
        if (feeders.isEmpty()) {
            return Set.of();
        }
        Set<String> now = new HashSet<>(shedding);
        now.removeAll(feeders);
        return Set.copyOf(now);
    }

    private static long saturatedSum(long time, long duration) {
        long sum = time + duration;
        return ((time ^ sum) & (duration ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** The state as an immutable value at {@code at}, which decides whether a rebooting gateway is up again. */
    SiteState toState(Instant at, List<String> meterIds, Map<String, Integer> index) {
        SiteState.Plant plant = new SiteState.Plant(EventTable.nanos(at) >= gatewayDownUntil, !backhaulDown,
                batteryLow, inverterTripped, generatorFailed, shedding, interference > 0);
        long lastEventId = applied == 0 ? 0 : table.ids[applied - 1];
        return new SiteState(at, meterIds, index, powered, talking, parents, relays, plant, lastEventId);
    }
}
