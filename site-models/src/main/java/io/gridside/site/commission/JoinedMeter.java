package io.gridside.site.commission;

import java.time.Instant;
import java.util.Objects;

/**
 * A meter that has joined the site's mesh and is not yet commissioned, as the gateway reports it: which meter, what
 * hardware, where, and how well it hears and is heard.
 *
 * @param meterId     the meter's serial, as printed on its label and its barcode
 * @param hardwareId  the meter's hardware revision, for example {@code mtr-r2}
 * @param phases      1 for a single-phase meter, 3 for a three-phase one
 * @param firmware    the version the meter runs, or null when the gateway has not heard it yet
 * @param latitude    where the meter reports itself, in degrees
 * @param longitude   where the meter reports itself, in degrees
 * @param upRssiDbm   signal strength of the meter heard by its parent, in dBm
 * @param downRssiDbm signal strength of the parent heard by the meter, in dBm
 * @param etx         expected transmissions per delivered packet on the route to the gateway (1 is perfect)
 * @param routes      how many parents the meter could route through (its parent and its alternates)
 * @param hops        hops from the meter to the gateway
 * @param joinedAt    when the meter joined the mesh
 */
public record JoinedMeter(String meterId, String hardwareId, int phases, String firmware, double latitude,
        double longitude, double upRssiDbm, double downRssiDbm, double etx, int routes, int hops, Instant joinedAt) {

    public JoinedMeter {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(hardwareId, "hardwareId");
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("A meter has 1 or 3 phases: " + phases);
        }
        if (!(etx >= 1)) {
            throw new IllegalArgumentException("ETX is at least 1: " + etx);
        }
        if (routes < 0 || hops < 1) {
            throw new IllegalArgumentException("A joined meter is at least one hop away and has routes >= 0");
        }
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
