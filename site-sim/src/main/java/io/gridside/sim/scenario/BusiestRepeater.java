package io.gridside.sim.scenario;

import java.util.List;
import java.util.Map;

/** Finds the meter with the most meters routing through it, by the mesh's routes as they stand now. */
final class BusiestRepeater {

    private BusiestRepeater() {
    }

    /**
     * The index of the meter with the most meters routing through it now, the first in meter order of those tied;
     * -1 when no meter relays for another.
     */
    static int of(MeshTopology topology, Map<String, Integer> index) {
        List<String> meterIds = topology.meterIds();
        int[] parent = new int[meterIds.size()];
        for (int i = 0; i < parent.length; i++) {
            Integer at = index.get(topology.parentOf(meterIds.get(i)));
            parent[i] = at == null ? -1 : at;
        }
        int[] descendants = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            int node = parent[i];
            for (int hops = 0; node >= 0 && hops < parent.length; hops++) {
                descendants[node]++;
                node = parent[node];
            }
        }
        int best = 0;
        for (int i = 1; i < descendants.length; i++) {
            best = descendants[i] > descendants[best] ? i : best;
        }
        return descendants.length == 0 || descendants[best] == 0 ? -1 : best;
    }
}
