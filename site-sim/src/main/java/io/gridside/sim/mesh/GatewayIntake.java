package io.gridside.sim.mesh;

import io.gridside.site.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the gateway takes in what its meters send. Every message, reading or event, goes through one
 * {@link UpstreamQueue}, which the gateway's single slow core serves one message per slot of {@link #SLOT},
 * so at most {@link #SLOTS_PER_INTERVAL} messages a quarter hour.
 *
 * <p>Each interval has a window of service that opens when the interval ends. The meters' readings of the
 * interval arrive through it as the mesh delivers them ({@link #arrive}, between {@link #open} and {@link #close}),
 * a flooding meter's events arrive evenly spread through it, and the gateway serves one message a slot while
 * anything waits; what is left when the window closes waits for the next one. A reading served in its own window
 * is on time and goes to billing. One served in a later window is late: it is counted and not billed, and the
 * register of that meter's next on-time reading carries its energy.
 *
 * <p>The bound: on a site of {@code n} meters, a reading of a meter that sends nothing but its readings is
 * served within {@code n} slots of its arrival, that is within {@code n} times 25 ms of simulated time (5 s on a
 * site of 200 meters), however much other meters send. Such a meter has no message waiting when its reading
 * arrives, so the reading is at the head of its own queue at once, and round-robin serves at most one message of
 * each of the other {@code n - 1} meters before it. A site has at most 20,000 meters, 500 s of slots, so a reading
 * that arrives within the first 400 s of its window is always on time (on a site of 5,000 meters, within the first
 * 775 s); its queue never holds more than that one message, so nothing of it is ever dropped. A flooding meter's
 * own readings wait behind its own events, and may be late or dropped. Not thread-safe.
 */
public final class GatewayIntake {

    /** The time the gateway's core takes to serve one message from a meter. */
    public static final Duration SLOT = Duration.ofMillis(25);
    /** The most messages the gateway serves in one interval's window. */
    public static final int SLOTS_PER_INTERVAL = (int) (Reading.INTERVAL.toMillis() / SLOT.toMillis());
    /** The most messages of one meter the gateway holds; past it, that meter's oldest are dropped. */
    public static final int PER_METER_LIMIT = 256;
    /**
     * While this many messages wait, the gateway's radio acknowledges no frame from the mesh, so its children hold
     * their frames and send them later: the intake's back-pressure on the mesh.
     */
    public static final int ACCEPT_LIMIT = 512;
    /** The kind of event a flooding meter sends. */
    public static final String FLOOD_KIND = "tamper";
    /** The width of the buckets in which a window's queue depth is kept, for the gateway's health. */
    static final long BUCKET_MILLIS = 10_000;
    static final int BUCKETS = (int) (Reading.INTERVAL.toMillis() / BUCKET_MILLIS);

    private final long slotMillis;
    private final int slotsPerInterval;
    private final int acceptLimit;
    private final UpstreamQueue<Queued> queue = new UpstreamQueue<>(PER_METER_LIMIT);
    private final Map<String, Flood> floods = new TreeMap<>();
    private final Map<String, Tally> tallies = new HashMap<>();
    private final int[] depthPerBucket = new int[BUCKETS];
    private Instant opening;
    private int nextSlot;
    private int peakDepth;
    private long droppedAtOpening;
    private long served;
    private List<Uplink.IntervalRead> onTime = new ArrayList<>();

    /** A message waiting, with the slot of its window in which it arrived. */
    private record Queued(Uplink message, int arrivalSlot) {
    }

    /** A meter that sends events in a loop, evenly through every window. */
    private static final class Flood {

        private final int perInterval;
        private long sent;
        private int sentThisWindow;

        private Flood(int perInterval, long sent) {
            this.perInterval = perInterval;
            this.sent = sent;
        }
    }

    private static final class Tally {

        private long served;
        private long lateReadings;
        private int worstReadingSlots;
    }

    /** The gateway's intake as its core serves it: one message every {@link #SLOT}. */
    public GatewayIntake() {
        this(SLOT, ACCEPT_LIMIT);
    }

    /**
     * An intake whose core takes {@code slot} to serve a message and whose radio stops acknowledging frames while
     * {@code acceptLimit} messages wait: a slower or smaller gateway than the usual one, to show back-pressure.
     */
    public GatewayIntake(Duration slot, int acceptLimit) {
        if (slot.toMillis() < 1 || Reading.INTERVAL.toMillis() % slot.toMillis() != 0 || acceptLimit < 1) {
            throw new IllegalArgumentException("A slot must be whole milliseconds that divide a quarter hour, and "
                    + "the accept limit positive; were " + slot + " and " + acceptLimit + ".");
        }
        this.slotMillis = slot.toMillis();
        this.slotsPerInterval = (int) (Reading.INTERVAL.toMillis() / slotMillis);
        this.acceptLimit = acceptLimit;
    }

    /**
     * Makes {@code meterId} send {@code eventsPerInterval} events in every window from the next one on, or stop
     * when it is 0. What it has sent already stays queued.
     */
    public void flood(String meterId, int eventsPerInterval) {
        if (eventsPerInterval < 0) {
            throw new IllegalArgumentException("eventsPerInterval must not be negative, was " + eventsPerInterval);
        }
        Flood previous = floods.remove(meterId);
        if (eventsPerInterval > 0) {
            floods.put(meterId, new Flood(eventsPerInterval, previous == null ? 0 : previous.sent));
        }
    }

    /**
     * Runs the window that opens at {@code opening}, the end of the interval that {@code reads} close, with every
     * reading arriving as it opens.
     *
     * @param reads the meters' readings of that interval, in the order they arrive
     * @return the readings served on time, in the order they were served
     */
    public List<Uplink.IntervalRead> serveWindow(Instant opening, List<Uplink.IntervalRead> reads) {
        open(opening);
        reads.forEach(this::arrive);
        return close();
    }

    /** Opens the window of service at {@code opening}, the end of the interval whose readings it serves. */
    public void open(Instant opening) {
        this.opening = opening;
        nextSlot = 0;
        onTime = new ArrayList<>();
        peakDepth = queue.size();
        droppedAtOpening = queue.dropped();
        Arrays.fill(depthPerBucket, 0);
        depthPerBucket[0] = queue.size();
        floods.values().forEach(flood -> flood.sentThisWindow = 0);
    }

    /** Serves every slot of the open window that begins before {@code epochMilli}. */
    public void serveUntil(long epochMilli) {
        long slot = Math.floorDiv(epochMilli - opening.toEpochMilli(), slotMillis);
        int end = (int) Math.max(0, Math.min(slot, slotsPerInterval));
        while (nextSlot < end) {
            if (queue.size() == 0 && floods.isEmpty()) {
                nextSlot = end;
                return;
            }
            serve(nextSlot++);
        }
    }

    /** Whether the gateway's radio takes a frame now, or holds it off because too much waits. */
    public boolean accepts() {
        return queue.size() < acceptLimit;
    }

    /** Queues a reading that has reached the gateway in the slot the window is at. */
    public void arrive(Uplink.IntervalRead read) {
        queue.offer(read.meterId(), new Queued(read, nextSlot));
        noteDepth(nextSlot);
    }

    /** Serves the rest of the open window and closes it; returns the readings served on time, in service order. */
    public List<Uplink.IntervalRead> close() {
        serveUntil(opening.toEpochMilli() + Reading.INTERVAL.toMillis());
        return onTime;
    }

    private void serve(int slot) {
        arriveFloods(slot);
        noteDepth(slot);
        Queued next = queue.poll();
        if (next != null) {
            take(next, slot);
        }
    }

    private void noteDepth(int slot) {
        int depth = queue.size();
        peakDepth = Math.max(peakDepth, depth);
        int bucket = (int) Math.min(BUCKETS - 1, slot * slotMillis / BUCKET_MILLIS);
        depthPerBucket[bucket] = Math.max(depthPerBucket[bucket], depth);
    }

    /** Queues the events each flooding meter has sent by the time slot {@code slot} begins. */
    private void arriveFloods(int slot) {
        for (Map.Entry<String, Flood> entry : floods.entrySet()) {
            Flood flood = entry.getValue();
            long due = (long) (slot + 1) * flood.perInterval / slotsPerInterval;
            for (; flood.sentThisWindow < due; flood.sentThisWindow++) {
                flood.sent++;
                queue.offer(entry.getKey(), new Queued(new Uplink.MeterEvent(entry.getKey(), FLOOD_KIND,
                        flood.sent), slot));
            }
        }
    }

    private void take(Queued queued, int slot) {
        served++;
        Uplink message = queued.message();
        Tally tally = tallies.computeIfAbsent(message.meterId(), id -> new Tally());
        tally.served++;
        if (message instanceof Uplink.IntervalRead read) {
            if (read.intervalStart().plus(Reading.INTERVAL).equals(opening)) {
                tally.worstReadingSlots = Math.max(tally.worstReadingSlots, slot - queued.arrivalSlot() + 1);
                onTime.add(read);
            } else {
                tally.lateReadings++;
            }
        }
    }

    /** What the intake has done with {@code meterId}'s messages so far. */
    public MeterUplink status(String meterId) {
        Tally tally = tallies.getOrDefault(meterId, new Tally());
        return new MeterUplink(meterId, queue.depth(meterId), tally.served, queue.dropped(meterId),
                tally.lateReadings, tally.worstReadingSlots);
    }

    /** How many messages wait, across all meters. */
    public int depth() {
        return queue.size();
    }

    /** The most messages that waited at once in the window open or last closed. */
    public int peakDepth() {
        return peakDepth;
    }

    /** The most messages that waited at once in the 10 s of the open or last window from {@code offset} on. */
    public int depthAt(Duration offset) {
        long bucket = offset.toMillis() / BUCKET_MILLIS;
        return bucket < 0 || bucket >= BUCKETS ? depth() : depthPerBucket[(int) bucket];
    }

    /** How many messages the intake dropped in the window open or last closed, because their meter's queue was full. */
    public long droppedThisWindow() {
        return queue.dropped() - droppedAtOpening;
    }

    /** How many messages the core has served, readings and events, since the intake started. */
    public long served() {
        return served;
    }

    /** How many messages it has dropped since it started, because their meter's queue was full. */
    public long dropped() {
        return queue.dropped();
    }
}
