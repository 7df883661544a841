package io.gridside.sim.rf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lasting part of a site's mesh: who stands where, what each radio is like, and whom each meter keeps in its
 * neighbour table with the lasting part of each link. Built once per site from the seed; immutable, so any number
 * of {@link MeshNetwork}s may run over it.
 */
public final class MeshPlan {

    private final long seed;
    private final VillageMap village;
    private final List<String> ids;
    private final Map<String, Integer> indexOf;
    private final RadioNodes nodes;
    private final NeighbourTables tables;

    private MeshPlan(long seed, VillageMap village, List<String> ids) {
        this.seed = seed;
        this.village = village;
        this.ids = List.copyOf(ids);
        this.indexOf = new HashMap<>();
        for (int node = 0; node < ids.size(); node++) {
            indexOf.put(ids.get(node), node);
        }
        this.nodes = new RadioNodes(seed, village);
        this.tables = new NeighbourTables(seed, nodes);
    }

    /**
     * @param meterIds the meters' ids, in the village's order
     * @param gatewayId the gateway's id, which must differ from every meter's
     */
    public static MeshPlan build(long seed, VillageMap village, List<String> meterIds, String gatewayId) {
        if (meterIds.size() != village.meters()) {
            throw new IllegalArgumentException("The village has " + village.meters() + " meters but "
                    + meterIds.size() + " ids were given.");
        }
        List<String> ids = new ArrayList<>(meterIds);
        ids.add(gatewayId);
        if (ids.stream().distinct().count() != ids.size()) {
            throw new IllegalArgumentException("Every meter and the gateway need an id of their own.");
        }
        return new MeshPlan(seed, village, ids);
    }

    /** The same mesh with its gateway at {@code origin}; the radios, standing as far apart as before, hear alike. */
    public MeshPlan movedTo(GeoPoint origin) {
        return new MeshPlan(seed, village.movedTo(origin), ids);
    }

    public VillageMap village() {
        return village;
    }

    public int meters() {
        return ids.size() - 1;
    }

    public String gatewayId() {
        return ids.get(ids.size() - 1);
    }

    /** The id of node {@code node}: a meter's number, or {@link #meters()} for the gateway. */
    public String id(int node) {
        return ids.get(node);
    }

    /** A meter's number (or the gateway's), or -1 for an id the site does not have. */
    public int indexOf(String id) {
        return indexOf.getOrDefault(id, -1);
    }

    GeoPoint position(int node) {
        return node == meters() ? village.gateway() : village.meter(node);
    }

    long seed() {
        return seed;
    }

    RadioNodes nodes() {
        return nodes;
    }

    NeighbourTables tables() {
        return tables;
    }
}
