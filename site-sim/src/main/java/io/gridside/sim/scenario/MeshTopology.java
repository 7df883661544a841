package io.gridside.sim.scenario;

import io.gridside.site.Meter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mesh as scenarios see it: the meters and whom each routes through now. A step that fails a repeater takes
 * its subtree with it by this relation, and a meter whose parent changes is logged as having re-parented, so a
 * mesh whose routes change over time only has to answer {@link #parentOf} with its current routes.
 */
public interface MeshTopology {

    /** The gateway's id: a meter whose parent it is routes straight to the gateway. */
    String gatewayId();

    /** Every meter's id, in meter order. */
    List<String> meterIds();

    /** The node {@code meterId} routes through now: another meter's id or the gateway's. */
    String parentOf(String meterId);

    /** A mesh whose routes never change: each meter's {@link Meter#parentId()}. */
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
        };
    }
}
