package io.gridside.site.replay;

import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A site's event log over a window, indexed so that its state at any instant is rebuilt fast: from the nearest
 * checkpoint at or before the instant, by applying only the events between.
 *
 * <p>What each event does to the state:
 * <ul>
 * <li>{@code POWER_LOSS}: the meter has no power and does not talk. {@code POWER_RESTORE}: it has power and talks
 * again. The simulated site logs no {@code COMMS_RETURN} when a meter whose power came back rejoins the mesh, so a
 * restore stands for both; a meter that finds no route logs a {@code COMMS_LOSS} then. Known gap: while a meter
 * rejoins, until the mesh's next update, the replay already counts it as talking, since no event marks the
 * rejoining's end.</li>
 * <li>{@code COMMS_LOSS} and {@code COMMS_RETURN}: whether the meter's messages reach the gateway.</li>
 * <li>{@code PARENT_CHANGE}: the meter's parent becomes the detail {@code to}.</li>
 * <li>{@code RELAY_OFF} with the reason {@code billing} or {@code maintenance}: the relay is held open for that
 * reason; {@code RELAY_ON} with either reason closes it. Other reasons are not billing's nor a technician's and
 * are not followed.</li>
 * <li>{@code GATEWAY_REBOOT}: the gateway is down from the event's instant for the detail {@code downtimeSeconds}
 * (a missing or unreadable downtime counts as none), so whether it is up depends on the instant asked for.</li>
 * <li>{@code BACKHAUL_DOWN}/{@code UP}, {@code BATTERY_LOW}/{@code RECOVERED}, {@code INVERTER_TRIP}/{@code RESET},
 * {@code GENERATOR_FAILURE}/{@code RESTORED}: the plant's flags. {@code LOAD_SHEDDING_START}/{@code END}: the
 * feeders of the detail {@code feeders} (comma separated) are shed, then supplied again; an end that names none
 * ends all. {@code INTERFERENCE_START}/{@code END}: rises of the noise floor, which may overlap.</li>
 * </ul>
 * Events of meters the site does not have, events with a detail the replay cannot read and kinds it does not follow
 * are kept in {@link #events()} but change nothing.
 *
 * <p>The state before the first event is every meter powered and talking over its parent at the start, every relay
 * closed and the plant normal: a relay held open since before the window is not known, which is why a window is best
 * loaded with a lead-in.
 *
 * <p>Immutable once built and safe to share between threads.
 */
public final class Replay {

    /**
     * Events between checkpoints when none is given. A checkpoint holds about ten bytes a meter. On ten stormy days
     * of 5,000 meters a seek took 0.016 ms with 1,024 events between checkpoints and 0.022 ms with 4,096 (0.055 ms
     * with 16,384 under load); the checkpoints of 1,024 take about 12 MB for a stormy month, little beside the
     * events themselves (decision 0046, {@code bench/run replay --every K}).
     */
    public static final int DEFAULT_CHECKPOINT_EVERY = 1_024;

    private final List<String> meterIds;
    private final Map<String, Integer> index;
    private final String gatewayId;
    private final Map<String, String> parentsAtStart;
    private final EventTable table;
    private final Cursor start;
    private final int checkpointEvery;
    /** The state after the first {@code k * checkpointEvery} events, for each k. */
    private final List<Cursor> checkpoints;

    private Replay(List<String> meterIds, Map<String, String> parentsAtStart, String gatewayId,
            List<SiteEvent> events, int checkpointEvery) {
        this.meterIds = List.copyOf(meterIds);
        this.index = SiteState.indexOf(this.meterIds);
        if (index.size() != this.meterIds.size()) {
            throw new IllegalArgumentException("meterIds must not repeat an id");
        }
        this.gatewayId = gatewayId;
        this.parentsAtStart = Collections.unmodifiableMap(new HashMap<>(parentsAtStart));
        this.table = new EventTable(this.meterIds, index, gatewayId, events);
        String[] parents = new String[this.meterIds.size()];
        for (int i = 0; i < parents.length; i++) {
            parents[i] = parentsAtStart.get(this.meterIds.get(i));
        }
        this.start = new Cursor(table, parents);
        this.checkpointEvery = checkpointEvery;
        this.checkpoints = checkpoints();
    }

    /**
     * Indexes {@code events} (any order; they are sorted by time, then by the gateway's number).
     *
     * @param meterIds the site's meters, in order
     * @param parentsAtStart each meter's parent as the log begins, by meter id; missing when unknown
     * @param gatewayId the gateway's id, the source of its own events
     */
    public static Replay of(List<String> meterIds, Map<String, String> parentsAtStart, String gatewayId,
            List<SiteEvent> events) {
        return of(meterIds, parentsAtStart, gatewayId, events, DEFAULT_CHECKPOINT_EVERY);
    }

    /**
     * As {@link #of(List, Map, String, List)}, with a checkpoint of the whole state every {@code checkpointEvery}
     * events: fewer events between checkpoints make a seek apply fewer, and the checkpoints take more memory.
     */
    public static Replay of(List<String> meterIds, Map<String, String> parentsAtStart, String gatewayId,
            List<SiteEvent> events, int checkpointEvery) {
        Objects.requireNonNull(parentsAtStart, "parentsAtStart");
        Objects.requireNonNull(events, "events");
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be at least 1, was " + checkpointEvery);
        }
        return new Replay(meterIds, parentsAtStart, gatewayId, events, checkpointEvery);
    }

    private List<Cursor> checkpoints() {
        List<Cursor> kept = new ArrayList<>();
        Cursor moving = start.copy();
        kept.add(start);
        for (int next = checkpointEvery; next <= table.size(); next += checkpointEvery) {
            moving.applyUntil(next);
            kept.add(moving.copy());
        }
        return List.copyOf(kept);
    }

    /** The site's state at {@code at}: every event at or before it applied, none after. */
    public SiteState at(Instant at) {
        return stateAfter(table.countAtOrBefore(EventTable.nanos(at)), at);
    }

    /**
     * The same state as {@link #at}, rebuilt the plain way: every event from the start read as it is logged, its
     * meter looked up by id and its details read as text, with neither the checkpoints nor the decoded events. The
     * slow reference that seeks are checked and measured against.
     */
    public SiteState scanTo(Instant at) {
        return new EventScan(meterIds, index, parentsAtStart).scan(table.events, at);
    }

    /**
     * The state just after the event at {@code eventIndex} in {@link #events()}, at that event's instant: with the
     * events before it applied and those after it not, even those logged at the same instant. For stepping through
     * the log one event at a time.
     *
     * @throws IndexOutOfBoundsException for an index outside the events
     */
    public SiteState afterEvent(int eventIndex) {
        Objects.checkIndex(eventIndex, table.size());
        return stateAfter(eventIndex + 1, table.events.get(eventIndex).at());
    }

    /** The state with the first {@code count} events applied, from the last checkpoint at or before them. */
    private SiteState stateAfter(int count, Instant at) {
        Cursor cursor = checkpoints.get(count / checkpointEvery).copy();
        cursor.applyUntil(count);
        return cursor.toState(at, meterIds, index);
    }

    /** The events, by time then number. */
    public List<SiteEvent> events() {
        return table.events;
    }

    /** The site's meters, in order: a state's meter indexes are into this list. */
    public List<String> meterIds() {
        return meterIds;
    }

    /** The gateway's id, as given. */
    public String gatewayId() {
        return gatewayId;
    }

    /** The instant of the first event, or empty when there are none. */
    public Optional<Instant> first() {
        return table.size() == 0 ? Optional.empty() : Optional.of(table.events.get(0).at());
    }

    /** The instant of the last event, or empty when there are none. */
    public Optional<Instant> last() {
        return table.size() == 0 ? Optional.empty() : Optional.of(table.events.get(table.size() - 1).at());
    }

    /** The index in {@link #events()} of the first event after {@code at}; the events' count when none is. */
    public int firstAfter(Instant at) {
        return table.countAtOrBefore(EventTable.nanos(at));
    }

    /** The index in {@link #events()} of the last event at or before {@code at}; -1 when none is. */
    public int lastAtOrBefore(Instant at) {
        return firstAfter(at) - 1;
    }

    /**
     * How many events fall in each of {@code buckets} equal parts of [{@code from}, {@code to}), the first part
     * first: what a timeline draws as the log's density, for a month or a minute alike. Found by binary search on
     * the sorted times, so the cost grows with the buckets, not the events.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or {@code buckets} is below 1
     */
    public int[] density(Instant from, Instant to, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1, was " + buckets);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        long start = EventTable.nanos(from);
        long span = EventTable.nanos(to) - start;
        long whole = span / buckets;
        long rest = span % buckets;
        int[] counts = new int[buckets];
        int before = table.countBefore(start);
        for (int bucket = 0; bucket < buckets; bucket++) {
            long end = start + whole * (bucket + 1) + rest * (bucket + 1) / buckets;
            int upTo = table.countBefore(end);
            counts[bucket] = upTo - before;
            before = upTo;
        }
        return counts;
    }
}
