package io.gridside.sim;

import io.gridside.sim.rf.MeshPlan;
import io.gridside.sim.rf.MeshTimeline;
import io.gridside.sim.rf.VillageMap;
import io.gridside.sim.scenario.MeshTopology;
import io.gridside.site.Meter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's live mesh as scenarios see it and act on it: each meter's route as the mesh's last quarter-hour
 * update left it, and the mesh's own schedule of silent radios and interference, which scenario steps add to.
 */
final class ScenarioMesh implements MeshTopology {

    /** How far past its farthest meter interference reaches when its step gives no radius. */
    static final double MARGIN_METRES = 15;
    /** The least interference reaches when its step gives no radius: a noisy appliance's near neighbours. */
    static final double LEAST_RADIUS_METRES = 25;

    private final MeshTimeline mesh;
    private final MeshPlan plan;
    private final VillageMap village;
    private final List<String> meterIds;

    ScenarioMesh(MeshTimeline mesh, SiteLayout layout) {
        this.mesh = mesh;
        this.plan = layout.mesh();
        this.village = plan.village();
        this.meterIds = layout.meters().stream().map(Meter::meterId).toList();
    }

    @Override
    public String gatewayId() {
        return plan.gatewayId();
    }

    @Override
    public List<String> meterIds() {
        return meterIds;
    }

    @Override
    public String parentOf(String meterId) {
        return mesh.live().routeParentId(plan.indexOf(meterId));
    }

    @Override
    public String lastParentOf(String meterId) {
        return mesh.live().parentId(plan.indexOf(meterId));
    }

    @Override
    public void silence(String meterId, Instant from, Instant to) {
        mesh.silence(meterId, from, to);
    }

    /** The circle is centred on the meters' middle, in metres east and north of the gateway. */
    @Override
    public List<String> interfere(List<String> around, Double radiusMetres, double riseDb, Instant from,
            Instant to) {
        double east = 0;
        double north = 0;
        for (String id : around) {
            east += village.east(plan.indexOf(id));
            north += village.north(plan.indexOf(id));
        }
        east /= around.size();
        north /= around.size();
        double radius = radiusMetres != null ? radiusMetres : covering(around, east, north);
        mesh.interfere(village.frame().toGeo(east, north), radius, riseDb, from, to);
        List<String> inside = new ArrayList<>();
        for (int i = 0; i < meterIds.size(); i++) {
            if (Math.hypot(village.east(i) - east, village.north(i) - north) <= radius) {
                inside.add(meterIds.get(i));
            }
        }
        return inside;
    }

    private double covering(List<String> around, double east, double north) {
        double farthest = 0;
        for (String id : around) {
            int i = plan.indexOf(id);
            farthest = Math.max(farthest, Math.hypot(village.east(i) - east, village.north(i) - north));
        }
        return Math.max(LEAST_RADIUS_METRES, farthest + MARGIN_METRES);
    }
}
