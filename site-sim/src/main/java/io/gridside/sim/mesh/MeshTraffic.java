package io.gridside.sim.mesh;

import io.gridside.sim.rf.LongHeap;
import io.gridside.sim.rf.MeshNetwork;
import io.gridside.site.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The meters' readings crossing the mesh to the gateway, a quarter hour at a time, as timed events.
 *
 * <p>Each meter with a route sends its reading at the quarter hour plus a jitter of its own, drawn afresh each
 * interval from the profile's spread ({@link TrafficProfile}). Each radio keeps a bounded queue of frames and sends
 * its head frame to its parent of the live mesh, once both radios are free: a radio sends or receives, never both.
 * Each attempt on a hop takes the profile's air time and gets through, acknowledged, with the link's success both
 * ways (one over its ETX). A frame that fails every attempt stays with its radio, which sends it again later, as a
 * meter's application does with an unacknowledged message. A parent whose queue is full, or a gateway whose intake
 * does not accept ({@link GatewayIntake#accepts}), takes no frame: the child holds it and tries again later. Either
 * way the radio backs off from about a second, doubling to about half a minute, and drops the frame once it has
 * been held back too often. A meter whose own queue is full keeps its reading in its memory the same way. Frames
 * that reach the gateway go to its {@link GatewayIntake} as they arrive, and the intake's core serves them.
 *
 * <p>What it leaves out: radios further apart than parent and child do not collide or defer to each other, the
 * band's duty-cycle limit is not enforced, and meters send nothing but their readings up the mesh (a flooding
 * meter's events reach the intake directly). Everything drawn comes from the seed and the quarter hour, so the
 * same seed gives the same traffic bit for bit. Not thread-safe.
 */
public final class MeshTraffic {

    private static final long WINDOW_MILLIS = Reading.INTERVAL.toMillis();
    private static final long HOLD_FIRST_MILLIS = 1_000;
    private static final int HOLD_DOUBLINGS = 5;
    private static final long BUSY_SPREAD_MILLIS = 10;
    private static final long RETRY_SPREAD_MILLIS = 20;
    /** Event kinds, in the order events of the same millisecond run: an arrival frees the gateway's radio first. */
    private static final int KIND_ARRIVE = 0;
    private static final int KIND_QUEUE_OWN = 1;
    private static final int KIND_SEND = 2;
    private static final int ID_BITS = 18;
    private static final int KEY_BITS = ID_BITS + 2;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private final MeshNetwork mesh;
    private final GatewayIntake intake;
    private final long seed;
    private final TrafficProfile profile;
    private final int maxAttempts;
    private final long attemptMillis;
    private final int gateway;
    private final ForwardingQueues queues;
    private final MessagePool messages = new MessagePool();
    private final LongHeap events = new LongHeap();
    /** The window's readings to queue at their meters, as event keys sorted once the meters have sent. */
    private long[] ownReadings = new long[256];
    private int ownCount;
    private final long[] radioFreeAt;
    private final boolean[] sendPending;
    /** The most frames each radio held at once in the window. */
    private final int[] peakQueue;
    /** The frames each meter got through to its parent in the window, and those the gateway took in, last. */
    private final int[] passedOn;
    private final WindowCounts counts = new WindowCounts();
    private SplittableRandom random;
    private long openingMillis;
    private Instant opening;

    /**
     * @param mesh the live mesh, which its owner moves on a quarter hour before each window
     * @param intake the gateway's intake, which this opens, feeds and closes every window
     */
    public MeshTraffic(MeshNetwork mesh, GatewayIntake intake, long seed) {
        this(mesh, intake, seed, TrafficProfile.AMI);
    }

    /** Traffic whose meters and radios send as {@code profile} says. */
    public MeshTraffic(MeshNetwork mesh, GatewayIntake intake, long seed, TrafficProfile profile) {
        if (mesh.plan().meters() > ID_MASK) {
            throw new IllegalArgumentException("The mesh's traffic counts at most " + ID_MASK + " meters.");
        }
        this.mesh = mesh;
        this.intake = intake;
        this.seed = seed;
        this.profile = profile;
        this.maxAttempts = profile.maxAttempts();
        this.attemptMillis = profile.attempt().toMillis();
        this.gateway = mesh.plan().meters();
        this.queues = new ForwardingQueues(gateway + 1, profile.queueLimit());
        this.radioFreeAt = new long[gateway + 1];
        this.sendPending = new boolean[gateway + 1];
        this.peakQueue = new int[gateway + 1];
        this.passedOn = new int[gateway + 1];
    }

    /** Opens the window at {@code opening}: the quarter hour at which the meters send the interval just ended. */
    public void open(Instant opening) {
        this.opening = opening;
        this.openingMillis = opening.toEpochMilli();
        this.random = new SplittableRandom(seed ^ GOLDEN * (openingMillis / WINDOW_MILLIS));
        counts.reset(queues.total());
        ownCount = 0;
        for (int radio = 0; radio < gateway; radio++) {
            peakQueue[radio] = queues.size(radio);
        }
        Arrays.fill(passedOn, 0);
        intake.open(opening);
        for (int radio = 0; radio < gateway; radio++) {
            if (!queues.isEmpty(radio) && !sendPending[radio]) {
                scheduleSend(radio, Math.max(openingMillis, radioFreeAt[radio]));
            }
        }
    }

    /**
     * Makes meter {@code meter} (its index in the mesh's plan) send {@code read} in the open window, at its jitter.
     * A meter without a route sends nothing.
     *
     * @return whether it sent the reading
     */
    public boolean send(int meter, Uplink.IntervalRead read) {
        if (mesh.parent(meter) < 0) {
            return false;
        }
        long at = openingMillis + random.nextLong(profile.jitter().toMillis());
        int message = messages.add(meter, at, read);
        counts.sent++;
        if (ownCount == ownReadings.length) {
            ownReadings = Arrays.copyOf(ownReadings, ownCount * 2);
        }
        ownReadings[ownCount++] = key(at, KIND_QUEUE_OWN, message);
        return true;
    }

    /**
     * Runs the window to its end: the mesh forwards, the intake serves. Frames still in the mesh go on in the next
     * window.
     *
     * @return the readings served on time, in the order served
     */
    public List<Uplink.IntervalRead> close() {
        long end = openingMillis + WINDOW_MILLIS;
        Arrays.sort(ownReadings, 0, ownCount);
        int nextOwn = 0;
        while (true) {
            long event;
            if (nextOwn < ownCount && (events.isEmpty() || ownReadings[nextOwn] < events.peek())) {
                event = ownReadings[nextOwn++];
            } else if (!events.isEmpty() && timeOf(events.peek()) < end) {
                event = events.pop();
            } else {
                break;
            }
            long at = timeOf(event);
            intake.serveUntil(at);
            handle(at, (int) (event >>> ID_BITS) & 3, (int) (event & ID_MASK));
            counts.noteHeld(at - openingMillis, queues.total());
        }
        List<Uplink.IntervalRead> onTime = intake.close();
        counts.closed(messages.live(), intake.depth());
        return onTime;
    }

    /** What the window last closed counted. */
    public QuarterHourTraffic lastWindow() {
        return counts.toRecord(opening, intake, mesh);
    }

    /** The most frames the mesh's radios held at once in the 10 s of the last window from {@code offset} on. */
    public int heldAt(Duration offset) {
        return counts.heldAt(offset);
    }

    /** The most frames meter {@code meter}'s radio held at once in the last window. */
    public int peakQueue(int meter) {
        return peakQueue[meter];
    }

    /**
     * The frames radio {@code radio} passed on in the last window: for a meter, those it got through to its parent,
     * its own readings and those it forwarded for others, each once however many attempts it took; for the gateway
     * (the index after the last meter), those that reached it.
     */
    public int passedOn(int radio) {
        return passedOn[radio];
    }

    /** Readings sent that have neither reached the intake nor been dropped. */
    public int inMesh() {
        return messages.live();
    }

    private void handle(long at, int kind, int id) {
        switch (kind) {
            case KIND_ARRIVE -> arrive(at, id);
            case KIND_QUEUE_OWN -> queueOwn(at, id);
            default -> send(at, id);
        }
    }

    /** A meter's own reading enters its queue, or waits in its memory while the queue is full. */
    private void queueOwn(long at, int message) {
        int meter = messages.meter(message);
        if (queues.isFull(meter)) {
            holdOwn(at, message);
            return;
        }
        enqueue(meter, message, at);
    }

    private void holdOwn(long at, int message) {
        counts.holds++;
        int holds = messages.hold(message);
        if (holds > profile.maxHolds()) {
            drop(message);
        } else {
            events.push(key(at + holdMillis(holds), KIND_QUEUE_OWN, message));
        }
    }

    /** A radio tries to send its head frame to its parent. */
    private void send(long at, int radio) {
        sendPending[radio] = false;
        int parent = mesh.parent(radio);
        if (queues.isEmpty(radio) || parent < 0) {
            return;
        }
        long start = Math.max(radioFreeAt[radio], radioFreeAt[parent]);
        if (start > at) {
            scheduleSend(radio, start + random.nextLong(BUSY_SPREAD_MILLIS));
            return;
        }
        int message = queues.peek(radio);
        if (parent == gateway ? !intake.accepts() : queues.isFull(parent)) {
            holdBack(at, radio, message, true);
            return;
        }
        int attempts = attempts(mesh.parentSuccess(radio));
        long done = occupy(at, radio, parent, attempts);
        if (attempts > maxAttempts) {
            holdBack(done, radio, message, false);
            return;
        }
        queues.remove(radio);
        passedOn[radio]++;
        forward(done, parent, message);
        if (!queues.isEmpty(radio)) {
            scheduleSend(radio, done);
        }
    }

    /**
     * The radio keeps its head frame and tries again later: the next hop was full ({@code pressed}), or every
     * attempt failed, as a meter's application sends again when its frame went unacknowledged.
     */
    private void holdBack(long at, int radio, int message, boolean pressed) {
        if (pressed) {
            counts.holds++;
        }
        int holds = messages.hold(message);
        if (holds > profile.maxHolds()) {
            queues.remove(radio);
            drop(message);
            scheduleSend(radio, at);
        } else {
            scheduleSend(radio, at + holdMillis(holds));
        }
    }

    /** Both radios of a hop are busy for {@code attempts} attempts, at most the limit; returns when they are free. */
    private long occupy(long at, int radio, int parent, int attempts) {
        int made = Math.min(attempts, maxAttempts);
        counts.retries += made - 1;
        long done = at + made * attemptMillis;
        for (int retry = 1; retry < made; retry++) {
            done += random.nextLong(RETRY_SPREAD_MILLIS);
        }
        radioFreeAt[radio] = done;
        radioFreeAt[parent] = done;
        return done;
    }

    /** A frame that got through a hop at {@code done}: into the parent's queue, or on to the intake. */
    private void forward(long done, int parent, int message) {
        if (parent == gateway) {
            events.push(key(done, KIND_ARRIVE, message));
        } else {
            enqueue(parent, message, done);
        }
    }

    /** The attempts until one gets through, drawn from the link's success; past the limit, the frame is lost. */
    private int attempts(double success) {
        int attempts = 1;
        while (attempts <= maxAttempts && random.nextDouble() >= success) {
            attempts++;
        }
        return attempts;
    }

    private void enqueue(int radio, int message, long at) {
        queues.add(radio, message);
        peakQueue[radio] = Math.max(peakQueue[radio], queues.size(radio));
        counts.noteQueue(radio, queues.size(radio));
        if (!sendPending[radio]) {
            scheduleSend(radio, Math.max(at, radioFreeAt[radio]));
        }
    }

    /** A frame the gateway's radio received goes to its intake. */
    private void arrive(long at, int message) {
        counts.arrived(at - openingMillis, at - messages.sentAt(message));
        passedOn[gateway]++;
        intake.arrive(messages.read(message));
        messages.release(message);
    }

    private void drop(int message) {
        counts.meshDropped++;
        messages.release(message);
    }

    private void scheduleSend(int radio, long at) {
        sendPending[radio] = true;
        events.push(key(at, KIND_SEND, radio));
    }

    /** The back-off after a frame's {@code holds}-th hold: about a second, doubling, give or take a half. */
    private long holdMillis(int holds) {
        long base = HOLD_FIRST_MILLIS << Math.min(holds - 1, HOLD_DOUBLINGS);
        return base / 2 + random.nextLong(base);
    }

    private static long key(long epochMilli, int kind, int id) {
        return epochMilli << KEY_BITS | (long) kind << ID_BITS | id;
    }

    private static long timeOf(long key) {
        return key >>> KEY_BITS;
    }

    /** What one window counts, kept in place from window to window. */
    private static final class WindowCounts {

        private final int[] arrivals = new int[GatewayIntake.BUCKETS];
        private final int[] held = new int[GatewayIntake.BUCKETS];
        private long[] latencies = new long[256];
        private int arrived;
        private int sent;
        private int deepest;
        private int deepestRadio;
        private int meshDropped;
        private int retries;
        private int holds;
        private int heldAtClose;
        private int waitingAtClose;
        /** The last 10 s noted, and the frames held then, which stay held until the next event. */
        private int lastBucket;
        private int lastHeld;

        void reset(int heldAtOpening) {
            Arrays.fill(arrivals, 0);
            Arrays.fill(held, 0);
            held[0] = heldAtOpening;
            lastBucket = 0;
            lastHeld = heldAtOpening;
            arrived = 0;
            sent = 0;
            deepest = 0;
            deepestRadio = -1;
            meshDropped = 0;
            retries = 0;
            holds = 0;
        }

        void noteQueue(int radio, int size) {
            if (size > deepest) {
                deepest = size;
                deepestRadio = radio;
            }
        }

        void noteHeld(long offsetMillis, int total) {
            int bucket = bucketOf(offsetMillis);
            carryHeldTo(bucket);
            held[bucket] = Math.max(held[bucket], total);
            lastHeld = total;
        }

        /** The 10 s spans without an event hold what the last event left. */
        private void carryHeldTo(int bucket) {
            for (; lastBucket < bucket; lastBucket++) {
                held[lastBucket + 1] = Math.max(held[lastBucket + 1], lastHeld);
            }
        }

        void arrived(long offsetMillis, long latencyMillis) {
            arrivals[bucketOf(offsetMillis)]++;
            if (arrived == latencies.length) {
                latencies = Arrays.copyOf(latencies, arrived * 2);
            }
            latencies[arrived++] = latencyMillis;
        }

        void closed(int inMesh, int atIntake) {
            carryHeldTo(GatewayIntake.BUCKETS - 1);
            heldAtClose = inMesh;
            waitingAtClose = atIntake;
        }

        int heldAt(Duration offset) {
            long millis = offset.toMillis();
            return millis < 0 || millis >= WINDOW_MILLIS ? heldAtClose : held[bucketOf(millis)];
        }

        QuarterHourTraffic toRecord(Instant opening, GatewayIntake intake, MeshNetwork mesh) {
            List<Integer> perBucket = new ArrayList<>(arrivals.length);
            int burst = 0;
            for (int count : arrivals) {
                perBucket.add(count);
                burst = Math.max(burst, count);
            }
            long[] sorted = Arrays.copyOf(latencies, arrived);
            Arrays.sort(sorted);
            long median = arrived == 0 ? 0 : sorted[(arrived - 1) / 2];
            long worst = arrived == 0 ? 0 : sorted[arrived - 1];
            String node = deepestRadio < 0 ? null : mesh.plan().id(deepestRadio);
            return new QuarterHourTraffic(opening, sent, arrived, perBucket, burst, deepest, node,
                    intake.peakDepth(), meshDropped, intake.droppedThisWindow(), retries, holds, median, worst,
                    heldAtClose, waitingAtClose);
        }

        private static int bucketOf(long offsetMillis) {
            return (int) Math.max(0, Math.min(GatewayIntake.BUCKETS - 1, offsetMillis / GatewayIntake.BUCKET_MILLIS));
        }
    }
}
