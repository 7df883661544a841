package io.gridside.sim;

import io.gridside.sim.rf.MeshTimeline;
import io.gridside.sim.scenario.ScenarioRunner;

/**
 * The routes the gateway's relay commands travel: a meter is reachable while it has power and a route, and a
 * message crosses each hop of the route with the link's two-way packet success, tried twice by the link layer.
 */
final class MeshRoutes implements RelayCommands.Routes {

    /** How often the link layer tries each hop before the message is lost. */
    private static final int TRIES_PER_HOP = 2;

    private final MeshTimeline mesh;
    private final ScenarioRunner scenario;

    MeshRoutes(MeshTimeline mesh, ScenarioRunner scenario) {
        this.mesh = mesh;
        this.scenario = scenario;
    }

    @Override
    public boolean reachable(int meter) {
        return scenario.delivers(meter) && mesh.live().hops(meter) >= 0;
    }

    @Override
    public double oneWaySuccess(int meter) {
        int gateway = mesh.live().plan().meters();
        double success = 1;
        int node = meter;
        for (int hop = 0; node != gateway; hop++) {
            if (node < 0 || hop > gateway) {
                return 0;
            }
            success *= 1 - Math.pow(1 - mesh.live().parentSuccess(node), TRIES_PER_HOP);
            node = mesh.live().parent(node);
        }
        return success;
    }
}
