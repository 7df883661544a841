package io.gridside.site.replay;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A replay's events sorted by time then number, each decoded once into what it does to the state: a change code, the
 * meter it acts on and one argument, in parallel arrays, so that applying an event reads no map and parses no text.
 *
 * <p>Times are held as nanoseconds since the epoch in a {@code long}, which covers the years 1678 to 2262; an instant
 * outside them is held as the nearest end, which only an instant that no site's log holds can reach.
 */
final class EventTable {

    /** What an event does to the state: nothing the replay follows, or one of the changes below. */
    static final byte IGNORED = 0;
    static final byte POWER_LOSS = 1;
    static final byte POWER_RESTORE = 2;
    static final byte COMMS_LOSS = 3;
    static final byte COMMS_RETURN = 4;
    static final byte PARENT_CHANGE = 5;
    static final byte RELAY_OFF = 6;
    static final byte RELAY_ON = 7;
    static final byte GATEWAY_REBOOT = 8;
    static final byte BACKHAUL_DOWN = 9;
    static final byte BACKHAUL_UP = 10;
    static final byte BATTERY_LOW = 11;
    static final byte BATTERY_RECOVERED = 12;
    static final byte INVERTER_TRIP = 13;
    static final byte INVERTER_RESET = 14;
    static final byte GENERATOR_FAILURE = 15;
    static final byte GENERATOR_RESTORED = 16;
    static final byte SHEDDING_START = 17;
    static final byte SHEDDING_END = 18;
    static final byte INTERFERENCE_START = 19;
    static final byte INTERFERENCE_END = 20;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;
    private static final long MIN_SECONDS = Long.MIN_VALUE / NANOS_PER_SECOND + 1;

    final List<SiteEvent> events;
    final long[] times;
    final long[] ids;
    final byte[] changes;
    /** The meter's index, or -1 for an event of the gateway or the plant. */
    final int[] meters;
    /**
     * A parent's number in {@link #parentNames}, a {@link RelayHold}'s ordinal, a downtime in nanoseconds, or a
     * feeder set's number in {@link #feederSets}.
     */
    final long[] arguments;
    /** The names a parent may have: the meters' ids by their index, the gateway's id, then any other. */
    final List<String> parentNames;
    final List<Set<String>> feederSets = new ArrayList<>();

    private final Map<String, Integer> meterIndex;
    private final Map<String, Integer> parentNumbers = new HashMap<>();

    EventTable(List<String> meterIds, Map<String, Integer> meterIndex, String gatewayId, List<SiteEvent> unsorted) {
        this.meterIndex = meterIndex;
        this.parentNames = new ArrayList<>(meterIds);
        for (int i = 0; i < meterIds.size(); i++) {
            parentNumbers.put(meterIds.get(i), i);
        }
        if (gatewayId != null) {
            parentNumber(gatewayId);
        }
        List<SiteEvent> sorted = new ArrayList<>(unsorted);
        sorted.sort(Comparator.comparing(SiteEvent::at).thenComparingLong(SiteEvent::id));
        this.events = List.copyOf(sorted);
        int count = events.size();
        this.times = new long[count];
        this.ids = new long[count];
        this.changes = new byte[count];
        this.meters = new int[count];
        this.arguments = new long[count];
        for (int i = 0; i < count; i++) {
            decode(i, events.get(i));
        }
    }

    int size() {
        return times.length;
    }

    /** The parent's number, given one first if it has none yet; -1 for none. */
    private int parentNumber(String name) {
        if (name == null) {
            return -1;
        }
        Integer known = parentNumbers.get(name);
        if (known != null) {
            return known;
        }
        parentNames.add(name);
        parentNumbers.put(name, parentNames.size() - 1);
        return parentNames.size() - 1;
    }

    /** How many events are at or before {@code time}: the index of the first event after it. */
    int countAtOrBefore(long time) {
        return time == Long.MAX_VALUE ? times.length : countBefore(time + 1);
    }

    /** How many events are before {@code time}: the index of the first event at or after it. */
    int countBefore(long time) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (times[middle] < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The instant as nanoseconds since the epoch, held at the nearest end of what a {@code long} covers. */
    static long nanos(Instant at) {
        if (at.getEpochSecond() > MAX_SECONDS) {
            return Long.MAX_VALUE;
        }
        if (at.getEpochSecond() < MIN_SECONDS) {
            return Long.MIN_VALUE;
        }
        return at.getEpochSecond() * NANOS_PER_SECOND + at.getNano();
    }

    private void decode(int i, SiteEvent event) {
        times[i] = nanos(event.at());
        ids[i] = event.id();
        meters[i] = -1;
        byte change = plantChange(i, event);
        if (change == IGNORED) {
            Integer meter = meterIndex.get(event.source());
            if (meter != null) {
                change = meterChange(i, event);
                meters[i] = meter;
            }
        }
        changes[i] = change;
    }

    /** What a meter's event does; sets its argument. {@link #IGNORED} for a kind or detail it cannot use. */
    private byte meterChange(int i, SiteEvent event) {
        return switch (event.kind()) {
            case POWER_LOSS -> POWER_LOSS;
            case POWER_RESTORE -> POWER_RESTORE;
            case COMMS_LOSS -> COMMS_LOSS;
            case COMMS_RETURN -> COMMS_RETURN;
            case PARENT_CHANGE -> parentChange(i, event.detail("to"));
            case RELAY_OFF, RELAY_ON -> relayChange(i, event);
            default -> IGNORED;
        };
    }

    private byte parentChange(int i, String to) {
        if (to == null || to.isBlank() || "null".equals(to)) {
            return IGNORED;
        }
        arguments[i] = parentNumber(to);
        return PARENT_CHANGE;
    }

    private byte relayChange(int i, SiteEvent event) {
        RelayHold hold = switch (String.valueOf(event.detail("reason"))) {
            case "billing" -> RelayHold.BILLING;
            case "maintenance" -> RelayHold.MAINTENANCE;
            default -> null;
        };
        if (hold == null) {
            return IGNORED;
        }
        arguments[i] = hold.ordinal();
        return event.kind() == EventKind.RELAY_OFF ? RELAY_OFF : RELAY_ON;
    }

    /**
     * What an event of the gateway or the plant does, whatever its source, since only the gateway logs such kinds;
     * sets its argument. {@link #IGNORED} for any other kind.
     */
    private byte plantChange(int i, SiteEvent event) {
        return switch (event.kind()) {
            case GATEWAY_REBOOT -> reboot(i, event.detail("downtimeSeconds"));
            case BACKHAUL_DOWN -> BACKHAUL_DOWN;
            case BACKHAUL_UP -> BACKHAUL_UP;
            case BATTERY_LOW -> BATTERY_LOW;
            case BATTERY_RECOVERED -> BATTERY_RECOVERED;
            case INVERTER_TRIP -> INVERTER_TRIP;
            case INVERTER_RESET -> INVERTER_RESET;
            case GENERATOR_FAILURE -> GENERATOR_FAILURE;
            case GENERATOR_RESTORED -> GENERATOR_RESTORED;
            case LOAD_SHEDDING_START -> shedding(i, SHEDDING_START, event.detail("feeders"));
            case LOAD_SHEDDING_END -> shedding(i, SHEDDING_END, event.detail("feeders"));
            case INTERFERENCE_START -> INTERFERENCE_START;
            case INTERFERENCE_END -> INTERFERENCE_END;
            default -> IGNORED;
        };
    }

    /** A reboot whose downtime is missing, not a number or negative is taken as a restart with no downtime. */
    private byte reboot(int i, String downtimeSeconds) {
        long seconds = 0;
        try {
            seconds = downtimeSeconds == null ? 0 : Math.max(0, Long.parseLong(downtimeSeconds.strip()));
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        arguments[i] = seconds > MAX_SECONDS ? Long.MAX_VALUE : seconds * NANOS_PER_SECOND;
        return GATEWAY_REBOOT;
    }

    /** The feeders named, comma separated; none named means every feeder, which only an end can mean. */
    private byte shedding(int i, byte change, String feeders) {
        Set<String> named = new LinkedHashSet<>();
        if (feeders != null) {
            Arrays.stream(feeders.split(",")).map(String::strip).filter(name -> !name.isEmpty()).forEach(named::add);
        }
        feederSets.add(Set.copyOf(named));
        arguments[i] = feederSets.size() - 1;
        return change;
    }
}
