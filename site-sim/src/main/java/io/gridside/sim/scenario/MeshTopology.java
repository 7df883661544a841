package io.gridside.sim.scenario;

import io.gridside.site.Meter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mesh as scenarios see it and act on it: the meters, whom each routes through now, and the radios' schedule of
 * silences and interference. The gateway answers it with its live mesh, whose routes change at every quarter-hour
 * update; the runner logs a meter that re-parented, and a meter with no route now is dark.
 */
public interface MeshTopology {

    /** The gateway's id: a meter whose parent it is routes straight to the gateway. */
    String gatewayId();

    /** Every meter's id, in meter order. */
    List<String> meterIds();

    /** The node {@code meterId} routes through now, another meter's id or the gateway's; null while it has none. */
    String parentOf(String meterId);

    /** The node {@code meterId} routes through now or, while it has no route, the last one it had; may be null. */
    String lastParentOf(String meterId);

    /** Makes a meter's radio quiet from {@code from} until {@code to}: it neither sends, hears nor relays. */
    void silence(String meterId, Instant from, Instant to);

    /**
     * Raises the noise floor by {@code riseDb} from {@code from} until {@code to} within a circle around the middle
     * of {@code meterIds}, so that links there degrade by their signal-to-noise ratio.
     *
     * @param radiusMetres how far the noise reaches from the middle, or null for just far enough to cover the meters
     * @return the ids of the meters inside the circle, in meter order
     */
    List<String> interfere(List<String> meterIds, Double radiusMetres, double riseDb, Instant from, Instant to);

    /**
     * A mesh whose routes never change, each meter's {@link Meter#parentId()}, and with no radios to silence or
     * interfere with: a failed repeater still takes its subtree with it, and interference reaches only the meters
     * it names. For checking a scenario against a site, and for small tests.
     */
    static MeshTopology fixed(String gatewayId, List<Meter> meters) {
        Map<String, String> parents = new HashMap<>();
        meters.forEach(meter -> parents.put(meter.meterId(), meter.parentId()));
        List<String> ids = meters.stream().map(Meter::meterId).toList();
        return new MeshTopology() {
            @Override
            public String gatewayId() {
                return gatewayId;
            }

            @Override
            public List<String> meterIds() {
                return ids;
            }

            @Override
            public String parentOf(String meterId) {
                return parents.get(meterId);
            }

            @Override
            public String lastParentOf(String meterId) {
                return parents.get(meterId);
            }

            @Override
            public void silence(String meterId, Instant from, Instant to) {
                // No radio to silence: MeterStates darkens the meter and its subtree by the fixed routes.
            }

            @Override
            public List<String> interfere(List<String> meterIds, Double radiusMetres, double riseDb, Instant from,
                    Instant to) {
                return ids.stream().filter(meterIds::contains).toList();
            }
        };
    }
}
