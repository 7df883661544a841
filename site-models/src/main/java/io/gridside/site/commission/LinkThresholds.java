package io.gridside.site.commission;

import io.gridside.site.InvalidValueException;
import io.gridside.site.mesh.LinkQuality;

/**
 * The limits a meter's links are checked against on the commissioning day. A measure at or better than its pass
 * limit passes; one worse than its fail limit fails; between the two it needs attention. The defaults
 * ({@link #DEFAULTS}) keep a margin above the mesh view's own weak line (-94 dBm, ETX 2.5), because a link set up
 * today only grows weaker as trees grow and houses rise; docs/commissioning.md gives the figures and the reasons.
 *
 * @param passRssiDbm   the weakest signal, either way, that passes
 * @param failRssiDbm   signals weaker than this, either way, fail
 * @param passEtx       the highest ETX on the route to the gateway that passes
 * @param failEtx       an ETX above this fails
 * @param passRoutes    the fewest parents a meter can route through that passes
 * @param failRoutes    fewer parents than this fail
 * @param clusterMetres how far a repeater's cluster of weak meters reaches from the meter that gathers it
 */
public record LinkThresholds(double passRssiDbm, double failRssiDbm, double passEtx, double failEtx, int passRoutes,
        int failRoutes, double clusterMetres) {

    /**
     * The weakest signal the mesh radios hear at all ({@link LinkQuality#DEFAULTS}): a fail limit below it would pass
     * links that carry nothing, so it is refused. Set before the defaults, which are
     * checked against it.
     */
    public static final double RADIO_SENSITIVITY_DBM = LinkQuality.DEFAULTS.sensitivityDbm();

    /** The documented defaults: -90 and -100 dBm, ETX 2 and 4, two routes and one, clusters within 150 m. */
    public static final LinkThresholds DEFAULTS = new LinkThresholds(-90, -100, 2.0, 4.0, 2, 1, 150);

    public LinkThresholds {
        if (!(failRssiDbm <= passRssiDbm) || !(passRssiDbm <= 0)) {
            throw new InvalidValueException("thresholds.rssi", "The fail signal limit lies at or below the pass "
                    + "limit, both at most 0 dBm: pass " + passRssiDbm + ", fail " + failRssiDbm, passRssiDbm,
                    failRssiDbm);
        }
        if (failRssiDbm < RADIO_SENSITIVITY_DBM) {
            throw new InvalidValueException("thresholds.rssiRange", "The fail signal limit lies at or above the "
                    + "radio's sensitivity, " + Math.round(RADIO_SENSITIVITY_DBM) + " dBm, as a weaker link carries "
                    + "nothing: fail " + failRssiDbm, failRssiDbm, Math.round(RADIO_SENSITIVITY_DBM));
        }
        if (!(passEtx >= 1) || !(failEtx >= passEtx)) {
            throw new InvalidValueException("thresholds.etx", "ETX limits are at least 1, the fail limit at or above "
                    + "the pass limit: pass " + passEtx + ", fail " + failEtx, passEtx, failEtx);
        }
        if (failRoutes < 0 || passRoutes < failRoutes) {
            throw new InvalidValueException("thresholds.routes", "Route limits are at least 0, the pass limit at or "
                    + "above the fail limit: pass " + passRoutes + ", fail " + failRoutes, passRoutes, failRoutes);
        }
        if (!(clusterMetres > 0)) {
            throw new InvalidValueException("thresholds.cluster", "A cluster's distance is above 0 m: " + clusterMetres,
                    clusterMetres);
        }
    }
}
