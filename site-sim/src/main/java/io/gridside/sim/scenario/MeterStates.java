package io.gridside.sim.scenario;

import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether each meter has power and a route to the gateway, and the events it logs when that changes. A meter
 * reaches the gateway when it has power, its radio works, and every meter on its route does too; a meter that
 * loses its route through no fault of its own carries the cause of the meter that broke the route.
 */
final class MeterStates {

    /** What a meter can do. */
    private enum State {
        /** It has power and its readings reach the gateway. */
        UP,
        /** It has power, but its readings do not reach the gateway. */
        DARK,
        /** It has no power. */
        OFF
    }

    private final MeshTopology topology;
    private final List<String> meterIds;
    private final Map<String, Integer> index = new HashMap<>();
    private final EventLog log;
    private final State[] states;
    /** What took each meter that is not up down, which its return carries too. */
    private final SiteEvent.Cause[] lossCause;

    MeterStates(MeshTopology topology, EventLog log) {
        this.topology = topology;
        this.meterIds = topology.meterIds();
        this.log = log;
        this.states = new State[meterIds.size()];
        this.lossCause = new SiteEvent.Cause[meterIds.size()];
        java.util.Arrays.fill(states, State.UP);
        for (int i = 0; i < meterIds.size(); i++) {
            index.put(meterIds.get(i), i);
        }
    }

    /** Whether the meter at {@code index} has power and a route to the gateway. */
    boolean up(int meter) {
        return states[meter] == State.UP;
    }

    /**
     * Works out every meter's state at {@code at} under the steps that last then, and logs the changes, in
     * meter order.
     */
    void update(Instant at, List<BoundStep> lasting) {
        int count = meterIds.size();
        SiteEvent.Cause[] cut = new SiteEvent.Cause[count];
        SiteEvent.Cause[] silenced = new SiteEvent.Cause[count];
        for (BoundStep step : lasting) {
            SiteEvent.Cause[] marks = step.effect == BoundStep.Effect.CUT ? cut
                    : step.effect == BoundStep.Effect.SILENCE ? silenced : null;
            for (int i = 0; marks != null && i < count; i++) {
                if (step.covers(i) && marks[i] == null) {
                    marks[i] = step.cause;
                }
            }
        }
        SiteEvent.Cause[] blocked = blockedRoutes(cut, silenced);
        for (int i = 0; i < count; i++) {
            State next = cut[i] != null ? State.OFF : blocked[i] == null ? State.UP : State.DARK;
            change(at, i, next, cut[i] != null ? cut[i] : blocked[i]);
        }
    }

    /**
     * Why each meter's route to the gateway is broken, or null where it is whole: the cause of the meter nearest
     * to it on its route, itself included, that has no power or a silent radio.
     */
    private SiteEvent.Cause[] blockedRoutes(SiteEvent.Cause[] cut, SiteEvent.Cause[] silenced) {
        int count = meterIds.size();
        SiteEvent.Cause[] blocked = new SiteEvent.Cause[count];
        boolean[] known = new boolean[count];
        int[] route = new int[count + 1];
        for (int i = 0; i < count; i++) {
            int length = 0;
            SiteEvent.Cause found = null;
            int node = i;
            while (node >= 0 && !known[node] && length <= count) {
                route[length++] = node;
                SiteEvent.Cause own = cut[node] != null ? cut[node] : silenced[node];
                if (own != null) {
                    found = own;
                    break;
                }
                node = parentIndex(node);
            }
            if (found == null && node >= 0 && known[node]) {
                found = blocked[node];
            }
            // Walking back down the route, a meter is blocked by the nearest fault above it, or by its own.
            for (int k = length - 1; k >= 0; k--) {
                int step = route[k];
                SiteEvent.Cause own = cut[step] != null ? cut[step] : silenced[step];
                found = own != null ? own : found;
                blocked[step] = found;
                known[step] = true;
            }
        }
        return blocked;
    }

    private int parentIndex(int meter) {
        Integer parent = index.get(topology.parentOf(meterIds.get(meter)));
        return parent == null ? -1 : parent;
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
