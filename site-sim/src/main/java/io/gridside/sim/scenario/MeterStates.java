package io.gridside.sim.scenario;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether each meter has power and a live route to the gateway, and the events it logs when that changes.
 *
 * <p>A meter reaches the gateway when it has power, its radio works, and it routes to the gateway through meters
 * that do too, by the mesh's routes as they stand. A route breaks at once when a meter on it loses power or its
 * radio; the mesh finds another at its next quarter-hour update, or leaves the meter without one. A meter dark
 * through no fault of its own carries the cause of the meter that broke its route: for a meter with no route, the
 * first meter without power or radio along the route it last had, else interference around it.
 *
 * <p>A meter whose power returns is rejoining until the mesh gives it a route again (see {@code MeshNetwork}): it
 * logs its power's return, and no loss of comms, since it never had them back.
 */
final class MeterStates {

    /** What a meter can do. */
    private enum State {
        /** It has power and its readings reach the gateway. */
        UP,
        /** It has power, but its readings do not reach the gateway. */
        DARK,
        /** It has no power. */
        OFF,
        /** Its power is back and its readings do not reach the gateway yet: its radio is rejoining the mesh. */
        REJOINING
    }

    /** How a meter's route stands, worked out once per update and meter. */
    private static final byte UNKNOWN = 0;
    private static final byte WALKING = 1;
    /** It routes to the gateway. */
    private static final byte ROUTED = 2;
    /** A meter on its route, itself included, lacks power or radio, or is still rejoining. */
    private static final byte BLOCKED = 3;
    /** It has no route, and the route it last had is whole: its own links failed it. */
    private static final byte LOOSE = 4;

    private final MeshTopology topology;
    private final List<String> meterIds;
    private final Map<String, Integer> index = new HashMap<>();
    private final EventLog log;
    private final State[] states;
    /** What took each meter that is not up down, which its return carries too. */
    private final SiteEvent.Cause[] lossCause;
    private final SiteEvent.Cause[] cut;
    private final SiteEvent.Cause[] silenced;
    private final SiteEvent.Cause[] interfered;
    private final byte[] route;
    private final SiteEvent.Cause[] routeCause;
    /** Whether a blocked route is blocked by a step that lasts, not by a meter still rejoining. */
    private final boolean[] routeLasting;
    private final int[] path;

    MeterStates(MeshTopology topology, EventLog log) {
        this.topology = topology;
        this.meterIds = topology.meterIds();
        this.log = log;
        int count = meterIds.size();
        this.states = new State[count];
        this.lossCause = new SiteEvent.Cause[count];
        this.cut = new SiteEvent.Cause[count];
        this.silenced = new SiteEvent.Cause[count];
        this.interfered = new SiteEvent.Cause[count];
        this.route = new byte[count];
        this.routeCause = new SiteEvent.Cause[count];
        this.routeLasting = new boolean[count];
        this.path = new int[count + 1];
        Arrays.fill(states, State.UP);
        for (int i = 0; i < count; i++) {
            index.put(meterIds.get(i), i);
        }
    }

    /** Whether the meter at {@code index} has power and a route to the gateway. */
    boolean up(int meter) {
        return states[meter] == State.UP;
    }

    /**
     * Works out every meter's state at {@code at} under the steps that last then and the mesh's routes now, and
     * logs the changes, in meter order.
     */
    void update(Instant at, List<BoundStep> lasting) {
        mark(lasting);
        Arrays.fill(route, UNKNOWN);
        for (int i = 0; i < states.length; i++) {
            resolve(i);
        }
        for (int i = 0; i < states.length; i++) {
            next(at, i);
        }
    }

    private void mark(List<BoundStep> lasting) {
        Arrays.fill(cut, null);
        Arrays.fill(silenced, null);
        Arrays.fill(interfered, null);
        for (BoundStep step : lasting) {
            SiteEvent.Cause[] marks = step.effect == BoundStep.Effect.CUT ? cut
                    : step.effect == BoundStep.Effect.SILENCE ? silenced
                    : step.step.kind() == StepKind.INTERFERENCE ? interfered : null;
            if (marks == null) {
                continue;
            }
            for (int i : step.meterIndexes) {
                if (marks[i] == null) {
                    marks[i] = step.cause;
                }
            }
        }
    }

    private void next(Instant at, int i) {
        if (cut[i] != null) {
            change(at, i, State.OFF, cut[i]);
        } else if (route[i] == ROUTED) {
            change(at, i, State.UP, null);
        } else if (route[i] == BLOCKED && routeLasting[i]) {
            change(at, i, State.DARK, routeCause[i]);
        } else if (recovering(i)) {
            change(at, i, State.REJOINING, lossCause[i]);
        } else if (route[i] == BLOCKED) {
            change(at, i, State.DARK, routeCause[i]);
        } else {
            SiteEvent.Cause cause = routeCause[i] != null ? routeCause[i] : interfered[i];
            change(at, i, State.DARK, cause != null || states[i] == State.UP ? cause : lossCause[i]);
        }
    }

    /** Whether the meter's power is back since it was cut, and it has not had a route since. */
    private boolean recovering(int meter) {
        return cut[meter] == null && (states[meter] == State.OFF || states[meter] == State.REJOINING);
    }

    /**
     * Works out how the meter's route stands: walks up its route, or the route it last had while it has none, to
     * the gateway or to a meter that settles it, then gives every meter on the way the same answer.
     */
    private void resolve(int meter) {
        int length = 0;
        int node = meter;
        while (node >= 0 && route[node] == UNKNOWN && length < path.length) {
            route[node] = WALKING;
            path[length++] = node;
            node = ownAnswer(node) ? -1 : nextUp(node);
        }
        byte answer = node >= 0 && route[node] != WALKING ? route[node] : LOOSE;
        SiteEvent.Cause cause = node >= 0 && route[node] != WALKING ? routeCause[node] : null;
        boolean lasting = node >= 0 && route[node] != WALKING && routeLasting[node];
        for (int k = length - 1; k >= 0; k--) {
            int step = path[k];
            if (route[step] != WALKING) {
                answer = route[step];
                cause = routeCause[step];
                lasting = routeLasting[step];
                continue;
            }
            if (answer == ROUTED && topology.parentOf(meterIds.get(step)) == null) {
                // Its last parent still routes: the meter lost its own links.
                answer = LOOSE;
                cause = interfered[step];
                lasting = false;
            } else if (answer == LOOSE && cause == null) {
                cause = interfered[step];
            }
            route[step] = answer;
            routeCause[step] = cause;
            routeLasting[step] = lasting;
        }
    }

    /** Settles the meter by itself when it can, and says whether it did. */
    private boolean ownAnswer(int meter) {
        SiteEvent.Cause own = cut[meter] != null ? cut[meter] : silenced[meter];
        if (own != null) {
            settle(meter, BLOCKED, own, true);
            return true;
        }
        String parent = topology.parentOf(meterIds.get(meter));
        if (parent != null && !index.containsKey(parent)) {
            settle(meter, ROUTED, null, false);
            return true;
        }
        if (parent == null && recovering(meter)) {
            settle(meter, BLOCKED, lossCause[meter], false);
            return true;
        }
        if (parent == null && !index.containsKey(topology.lastParentOf(meterIds.get(meter)))) {
            settle(meter, LOOSE, interfered[meter], false);
            return true;
        }
        return false;
    }

    /** The meter it routes through now or, with no route, last did. */
    private int nextUp(int meter) {
        String id = meterIds.get(meter);
        String parent = topology.parentOf(id);
        return index.get(parent != null ? parent : topology.lastParentOf(id));
    }

    private void settle(int meter, byte answer, SiteEvent.Cause cause, boolean lasting) {
        route[meter] = answer;
        routeCause[meter] = cause;
        routeLasting[meter] = lasting;
    }

    private void change(Instant at, int meter, State next, SiteEvent.Cause cause) {
        State previous = states[meter];
        if (previous == next) {
            return;
        }
        String id = meterIds.get(meter);
        if (next == State.OFF) {
            log.add(at, id, EventKind.POWER_LOSS, Map.of("lastGasp", String.valueOf(previous == State.UP)), cause);
        } else if (previous == State.OFF) {
            log.add(at, id, EventKind.POWER_RESTORE, Map.of(), lossCause[meter]);
        }
        if (next == State.DARK) {
            log.add(at, id, EventKind.COMMS_LOSS, Map.of(), cause);
        } else if (next == State.UP && previous == State.DARK) {
            log.add(at, id, EventKind.COMMS_RETURN, Map.of(), lossCause[meter]);
        }
        states[meter] = next;
        lossCause[meter] = next == State.UP ? null : cause;
    }
}
