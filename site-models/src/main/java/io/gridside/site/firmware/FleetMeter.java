package io.gridside.site.firmware;

import java.util.Objects;

/**
 * One meter as a campaign sees it: what hardware it is, what it runs, and how deep in the mesh it sits.
 *
 * @param securityCounter the security counter of the image it runs
 * @param hops the meter's hop depth from the gateway, or -1 while it has no route
 */
public record FleetMeter(String meterId, String hardwareId, String version, long securityCounter, int hops) {

    public FleetMeter {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(hardwareId, "hardwareId");
        Objects.requireNonNull(version, "version");
        if (hops < -1) {
            throw new IllegalArgumentException("hops is -1 (no route) or more, not " + hops);
        }
    }

    public boolean reachable() {
        return hops >= 0;
    }
}
