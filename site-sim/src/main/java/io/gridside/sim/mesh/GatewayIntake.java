package io.gridside.sim.mesh;

import io.gridside.site.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * interval arrive as it opens, a flooding meter's events arrive evenly spread through it, and the gateway
 * serves one message a slot until the queue is empty or the window's slots are spent; what is left waits for
 * the next window. A reading served in its own window is on time and goes to billing. One served in a later
 * window is late: it is counted and not billed, and the register of that meter's next on-time reading carries
 * its energy. The window is accounted in slots: billing for the interval runs once its readings are served.
 *
 * <p>The bound: on a site of {@code n} meters, a reading of a meter that sends nothing but its readings is
 * served within {@code n} slots of its window's opening, that is within {@code n} times 25 ms of simulated time
 * (5 s on a site of 200 meters), however much other meters send. Such a meter has no message waiting when its
 * reading arrives, so the reading is at the head of its own queue at once, and round-robin serves at most one
 * message of each of the other {@code n - 1} meters before it. A site has at most 20,000 meters, fewer than a
 * window's 36,000 slots, so the reading is always on time; its queue never holds more than that one message, so
 * nothing of it is ever dropped. A flooding meter's own readings wait behind its own events, and may be late or
 * dropped. Not thread-safe.
 */
public final class GatewayIntake {

    /** The time the gateway's core takes to serve one message from a meter. */
    public static final Duration SLOT = Duration.ofMillis(25);
    /** The most messages the gateway serves in one interval's window. */
    public static final int SLOTS_PER_INTERVAL = (int) (Reading.INTERVAL.toMillis() / SLOT.toMillis());
    /** The most messages of one meter the gateway holds; past it, that meter's oldest are dropped. */
    public static final int PER_METER_LIMIT = 256;
    /** The kind of event a flooding meter sends. */
    public static final String FLOOD_KIND = "tamper";

    private final UpstreamQueue<Uplink> queue = new UpstreamQueue<>(PER_METER_LIMIT);
    private final Map<String, Flood> floods = new TreeMap<>();
    private final Map<String, Tally> tallies = new HashMap<>();

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
     * Runs the window that opens at {@code opening}, the end of the interval that {@code reads} close.
     *
     * @param reads the meters' readings of that interval, in the order they arrive
     * @return the readings served on time, in the order they were served
     */
    public List<Uplink.IntervalRead> serveWindow(Instant opening, List<Uplink.IntervalRead> reads) {
        reads.forEach(read -> queue.offer(read.meterId(), read));
        floods.values().forEach(flood -> flood.sentThisWindow = 0);
        List<Uplink.IntervalRead> onTime = new ArrayList<>(reads.size());
        for (int slot = 0; slot < SLOTS_PER_INTERVAL; slot++) {
            arrive(slot);
            Uplink message = queue.poll();
            if (message == null && floods.isEmpty()) {
                break;
            }
            if (message != null) {
                take(message, opening, slot, onTime);
            }
        }
        return onTime;
    }

    /** Queues the events each flooding meter has sent by the time slot {@code slot} begins. */
    private void arrive(int slot) {
        for (Map.Entry<String, Flood> entry : floods.entrySet()) {
            Flood flood = entry.getValue();
            long due = (long) (slot + 1) * flood.perInterval / SLOTS_PER_INTERVAL;
            for (; flood.sentThisWindow < due; flood.sentThisWindow++) {
                flood.sent++;
                queue.offer(entry.getKey(), new Uplink.MeterEvent(entry.getKey(), FLOOD_KIND, flood.sent));
            }
        }
    }

    private void take(Uplink message, Instant opening, int slot, List<Uplink.IntervalRead> onTime) {
        Tally tally = tallies.computeIfAbsent(message.meterId(), id -> new Tally());
        tally.served++;
        if (message instanceof Uplink.IntervalRead read) {
            if (read.intervalStart().plus(Reading.INTERVAL).equals(opening)) {
                tally.worstReadingSlots = Math.max(tally.worstReadingSlots, slot + 1);
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
}
