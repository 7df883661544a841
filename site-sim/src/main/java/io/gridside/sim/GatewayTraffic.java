package io.gridside.sim;

import io.gridside.link.message.GatewayHealth;
import io.gridside.sim.mesh.GatewayIntake;
import io.gridside.sim.mesh.MeshTraffic;
import io.gridside.sim.mesh.QuarterHourTraffic;
import io.gridside.sim.mesh.Uplink;
import io.gridside.sim.rf.MeshNetwork;
import io.gridside.site.Reading;
import io.gridside.site.TopologySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the simulated gateway counts of its meters' readings crossing the mesh: the figures of its last quarter-hour
 * windows for its health, and each radio's frames of the last day of windows, so that a topology of any quarter hour
 * of that day tells how much each radio sent and forwarded in the hour up to it.
 */
final class GatewayTraffic {

    /** The windows of radio counts kept: a day, so a topology of the last day tells its radios' traffic. */
    private static final int KEPT_WINDOWS = (int) (Duration.ofDays(1).toSeconds() / Reading.INTERVAL.toSeconds());
    private static final int WINDOWS_PER_HOUR = (int) (Duration.ofHours(1).toSeconds() / Reading.INTERVAL.toSeconds());

    private final MeshTraffic traffic;
    private final int radios;
    private final ArrayDeque<QuarterHourTraffic> recent = new ArrayDeque<>();
    /** Each kept window's frames per radio, at the slot its opening's quarter-hour number gives. */
    private final int[][] passedOn;
    /** The opening of the window each slot holds, in epoch seconds; {@code Long.MIN_VALUE} for none yet. */
    private final long[] slotOpening = new long[KEPT_WINDOWS];
    private Instant opening;
    /** The meters whose reading reached the gateway on time in the window last closed. */
    private Set<String> delivered = Set.of();

    GatewayTraffic(MeshNetwork mesh, GatewayIntake intake, long seed) {
        this.traffic = new MeshTraffic(mesh, intake, seed);
        this.radios = mesh.plan().meters() + 1;
        this.passedOn = new int[KEPT_WINDOWS][radios];
        Arrays.fill(slotOpening, Long.MIN_VALUE);
    }

    /** Opens the window at {@code windowOpening}; see {@link MeshTraffic#open}. */
    void open(Instant windowOpening) {
        this.opening = windowOpening;
        traffic.open(windowOpening);
    }

    /** Makes meter {@code meter} send {@code read} in the open window; see {@link MeshTraffic#send}. */
    void send(int meter, Uplink.IntervalRead read) {
        traffic.send(meter, read);
    }

    /** Runs the window to its end and keeps what it counted; returns the readings served on time. */
    List<Uplink.IntervalRead> close() {
        List<Uplink.IntervalRead> onTime = traffic.close();
        delivered = onTime.stream().map(Uplink.IntervalRead::meterId).collect(Collectors.toUnmodifiableSet());
        recent.addLast(traffic.lastWindow());
        if (recent.size() > GatewayHealth.MAX_TRAFFIC + 1) {
            recent.removeFirst();
        }
        int slot = slot(opening.getEpochSecond());
        for (int radio = 0; radio < radios; radio++) {
            passedOn[slot][radio] = traffic.passedOn(radio);
        }
        slotOpening[slot] = opening.getEpochSecond();
        return onTime;
    }

    /** Whether meter {@code meterId}'s reading reached the gateway on time in the window last closed. */
    boolean deliveredLastWindow(String meterId) {
        return delivered.contains(meterId);
    }

    /** Whether any meter's reading reached the gateway on time in the window last closed. */
    boolean anyDeliveredLastWindow() {
        return !delivered.isEmpty();
    }

    /** The windows of the last quarter hours, oldest first, the one under way last. */
    List<QuarterHourTraffic> recentWindows() {
        return List.copyOf(recent);
    }

    /** The windows that have ended, oldest first: all but the one under way. */
    List<QuarterHourTraffic> endedWindows() {
        List<QuarterHourTraffic> ended = new ArrayList<>(recent);
        if (!ended.isEmpty()) {
            ended.remove(ended.size() - 1);
        }
        return ended;
    }

    /** The frames the mesh's radios held at {@code offset} into the window under way; see {@link MeshTraffic}. */
    int heldAt(Duration offset) {
        return traffic.heldAt(offset);
    }

    /**
     * The frames radio {@code radio} (a meter's index, or the gateway's after the last meter) passed on in the hour
     * of windows up to the one that opened at {@code at}, or -1 when that window is not among those kept. An hour
     * the history starts within counts the windows it holds.
     */
    long lastHour(Instant at, int radio) {
        long second = at.getEpochSecond();
        if (slotOpening[slot(second)] != second) {
            return TopologySnapshot.Node.TRAFFIC_UNKNOWN;
        }
        long frames = 0;
        for (int back = 0; back < WINDOWS_PER_HOUR; back++) {
            long windowOpening = second - back * Reading.INTERVAL.toSeconds();
            int slot = slot(windowOpening);
            if (slotOpening[slot] == windowOpening) {
                frames += passedOn[slot][radio];
            }
        }
        return frames;
    }

    private static int slot(long openingSecond) {
        return (int) Math.floorMod(openingSecond / Reading.INTERVAL.toSeconds(), (long) KEPT_WINDOWS);
    }
}
