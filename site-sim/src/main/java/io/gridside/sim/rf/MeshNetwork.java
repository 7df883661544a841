package io.gridside.sim.rf;

import io.gridside.site.Reading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A site's mesh running over simulated time. Each {@link #update} is one quarter hour: links are measured as the
 * drift, interference and silent radios leave them, each meter notes which neighbours it heard, and the meters
 * choose their parents ({@link RplRouting}). The same plan and the same updates give the same history, bit for
 * bit. A radio back from silence (its power or its radio restored) rejoins in the first update after, and offers
 * itself as a parent only from the update after that, once its own DIO/DAO round is done: so after a blackout the
 * mesh re-forms a hop per quarter hour, as a large RF mesh takes tens of minutes to converge. Not thread-safe; its
 * owner guards it.
 */
public final class MeshNetwork {

    private static final int MAX_ALTERNATES = 3;
    private static final long TICK_SECONDS = Reading.INTERVAL.toSeconds();

    private final MeshPlan plan;
    private final RadioEnvironment environment;
    private final List<Silence> silences;
    private final LinkState links;
    private final RplRouting routing;
    private final int switchThreshold;
    private final double[] floorDbm;
    private final boolean[] silent;
    /** Which radios were silent at the update before: one back from silence rejoins, but relays only a round on. */
    private final boolean[] wasSilent;
    private long epochSecond = Long.MIN_VALUE;

    public MeshNetwork(MeshPlan plan) {
        this(plan, RplRouting.SWITCH_THRESHOLD);
    }

    /** A network whose meters leave a usable parent only for one better by {@code switchThreshold} in rank. */
    MeshNetwork(MeshPlan plan, int switchThreshold) {
        this(plan, new RadioEnvironment(plan.nodes(), plan.village().frame()), new ArrayList<>(), switchThreshold);
    }

    private MeshNetwork(MeshPlan plan, RadioEnvironment environment, List<Silence> silences, int switchThreshold) {
        this.plan = plan;
        this.environment = environment;
        this.silences = silences;
        this.links = new LinkState(plan.seed(), plan.tables());
        this.switchThreshold = switchThreshold;
        this.routing = new RplRouting(plan.tables(), switchThreshold);
        this.floorDbm = new double[plan.meters() + 1];
        this.silent = new boolean[plan.meters() + 1];
        this.wasSilent = new boolean[plan.meters() + 1];
    }

    public MeshPlan plan() {
        return plan;
    }

    /** The interference schedule, which scenarios add to. */
    public RadioEnvironment environment() {
        return environment;
    }

    /** Makes a meter go quiet from {@code from} until {@code to}: it neither sends nor hears, as without power. */
    public void silence(String meterId, Instant from, Instant to) {
        int meter = plan.indexOf(meterId);
        if (meter < 0 || meter == plan.meters()) {
            throw new IllegalArgumentException("The mesh has no meter " + meterId + ".");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A meter must be silent for a while: " + from + " to " + to + ".");
        }
        silences.add(new Silence(meter, from.getEpochSecond(), to.getEpochSecond()));
    }

    /** Runs the mesh's quarter hour ending at {@code at}; each update must come later than the one before. */
    public void update(Instant at) {
        long second = at.getEpochSecond();
        if (second <= epochSecond) {
            throw new IllegalArgumentException("The mesh last updated at " + updatedAt() + " and cannot go back to "
                    + at + ".");
        }
        epochSecond = second;
        System.arraycopy(silent, 0, wasSilent, 0, silent.length);
        measure();
        int tick = tickOf(second);
        links.hear(tick, silent);
        routing.route(links, silent, wasSilent, tick);
    }

    /** When the mesh last updated, or null before its first update. */
    public Instant updatedAt() {
        return epochSecond == Long.MIN_VALUE ? null : Instant.ofEpochSecond(epochSecond);
    }

    /** The id of the meter's parent, or of its last parent while it has no route; null if it never had one. */
    public String parentId(int meter) {
        int slot = routing.lastParentSlot(meter);
        return slot == RplRouting.DETACHED ? null : plan.id(plan.tables().neighbour(slot));
    }

    /** What the meter receives of that parent, in dBm, or NaN if it never had one. */
    public double parentRssiDbm(int meter) {
        int slot = routing.lastParentSlot(meter);
        return slot == RplRouting.DETACHED ? Double.NaN : links.reverseDbm(slot);
    }

    /** The id of the meter's parent now, or null while it has no route. */
    public String routeParentId(int meter) {
        int slot = routing.parentSlot(meter);
        return slot == RplRouting.DETACHED ? null : plan.id(plan.tables().neighbour(slot));
    }

    /** The node index of the meter's parent now (the gateway's is {@code plan().meters()}), or -1 without a route. */
    public int parent(int meter) {
        int slot = routing.parentSlot(meter);
        return slot == RplRouting.DETACHED ? -1 : plan.tables().neighbour(slot);
    }

    /**
     * The chance that one frame the meter sends its parent now gets through and is acknowledged: both directions'
     * packet success, one over the link's ETX; 0 without a route.
     */
    public double parentSuccess(int meter) {
        int slot = routing.parentSlot(meter);
        return slot == RplRouting.DETACHED ? 0 : links.forwardPsr(slot) * links.reversePsr(slot);
    }

    /** The meter's hops to the gateway now, or -1 while it has no route. */
    public int hops(int meter) {
        return routing.hops(meter);
    }

    public MeshTopology topology() {
        return topology(false);
    }

    /**
     * The mesh as {@link #topology} gives it, but of each meter's links only the one to its parent: every route, and
     * the links in use, at a fraction of the cost, for a history of routes.
     */
    public MeshTopology routes() {
        return topology(true);
    }

    private MeshTopology topology(boolean inUseOnly) {
        if (epochSecond == Long.MIN_VALUE) {
            throw new IllegalStateException("The mesh has no topology before its first update.");
        }
        List<MeshTopology.Node> nodes = new ArrayList<>(plan.meters() + 1);
        List<MeshTopology.Link> edges = new ArrayList<>(inUseOnly ? plan.meters() : 0);
        for (int meter = 0; meter < plan.meters(); meter++) {
            nodes.add(meterNode(meter));
            addLinks(meter, edges, inUseOnly);
        }
        int gateway = plan.meters();
        nodes.add(new MeshTopology.Node(plan.gatewayId(), plan.position(gateway), 0, RplRouting.ROOT_RANK, null,
                List.of()));
        return new MeshTopology(updatedAt(), plan.gatewayId(), nodes, edges);
    }

    /** The state to resume from later: see {@link #resume}. */
    public Checkpoint checkpoint() {
        return new Checkpoint(epochSecond, links.copyLastHeard(), routing.copyState());
    }

    /** A network that carries on from {@code checkpoint}, taken of this one, with the same schedule as this one. */
    public MeshNetwork resume(Checkpoint checkpoint) {
        MeshNetwork resumed = new MeshNetwork(plan, environment, silences, switchThreshold);
        resumed.epochSecond = checkpoint.epochSecond;
        resumed.links.restoreLastHeard(checkpoint.lastHeardTick);
        resumed.routing.restoreState(checkpoint.routing);
        if (checkpoint.epochSecond != Long.MIN_VALUE) {
            resumed.measure();
        }
        return resumed;
    }

    private void measure() {
        environment.noiseFloors(epochSecond, floorDbm);
        Arrays.fill(silent, false);
        for (Silence silence : silences) {
            if (silence.from <= epochSecond && epochSecond < silence.to) {
                silent[silence.meter] = true;
            }
        }
        links.measure(epochSecond, floorDbm);
    }

    private MeshTopology.Node meterNode(int meter) {
        int slot = routing.parentSlot(meter);
        String parent = slot == RplRouting.DETACHED ? null : plan.id(plan.tables().neighbour(slot));
        return new MeshTopology.Node(plan.id(meter), plan.position(meter), routing.hops(meter),
                routing.rank(meter), parent, alternates(meter));
    }

    /** Usable neighbours of lower rank than the meter, other than its parent, by the rank they would give it. */
    private List<String> alternates(int meter) {
        if (routing.rank(meter) == RplRouting.DETACHED) {
            return List.of();
        }
        int tick = tickOf(epochSecond);
        List<int[]> offers = new ArrayList<>();
        int first = meter * NeighbourTables.CAPACITY;
        for (int slot = first; slot < first + plan.tables().degree(meter); slot++) {
            int other = plan.tables().neighbour(slot);
            int otherRank = routing.rank(other);
            if (slot != routing.parentSlot(meter) && otherRank != RplRouting.DETACHED
                    && otherRank < routing.rank(meter) && RplRouting.usable(slot, links, tick)) {
                offers.add(new int[] {otherRank + RplRouting.cost(slot, links), other});
            }
        }
        offers.sort(Comparator.<int[]>comparingInt(offer -> offer[0]).thenComparingInt(offer -> offer[1]));
        return offers.stream().limit(MAX_ALTERNATES).map(offer -> plan.id(offer[1])).toList();
    }

    private void addLinks(int meter, List<MeshTopology.Link> edges, boolean inUseOnly) {
        int tick = tickOf(epochSecond);
        int first = meter * NeighbourTables.CAPACITY;
        for (int slot = first; slot < first + plan.tables().degree(meter); slot++) {
            if (inUseOnly && slot != routing.parentSlot(meter)) {
                continue;
            }
            int heard = links.lastHeardTick(slot);
            long age = heard == LinkState.NEVER ? -1 : (tick - (long) heard) * TICK_SECONDS;
            edges.add(new MeshTopology.Link(plan.id(meter), plan.id(plan.tables().neighbour(slot)),
                    links.forwardDbm(slot), links.reverseDbm(slot), links.forwardPsr(slot), links.reversePsr(slot),
                    links.etx(slot), age, slot == routing.parentSlot(meter)));
        }
    }

    private static int tickOf(long epochSecond) {
        return (int) Math.floorDiv(epochSecond, TICK_SECONDS);
    }

    /** A meter's quiet time, in epoch seconds, from inclusive to exclusive. */
    private record Silence(int meter, long from, long to) {
    }

    /** What a network needs to carry on from where it was; opaque outside this package. */
    public static final class Checkpoint {

        private final long epochSecond;
        private final int[] lastHeardTick;
        private final int[][] routing;

        private Checkpoint(long epochSecond, int[] lastHeardTick, int[][] routing) {
            this.epochSecond = epochSecond;
            this.lastHeardTick = lastHeardTick;
            this.routing = routing;
        }

        /** When the network was at this checkpoint, or null if it had not updated yet. */
        public Instant at() {
            return epochSecond == Long.MIN_VALUE ? null : Instant.ofEpochSecond(epochSecond);
        }
    }
}
