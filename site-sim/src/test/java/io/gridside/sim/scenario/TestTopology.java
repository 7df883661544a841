package io.gridside.sim.scenario;

import io.gridside.site.Meter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small meshes for scenario tests. */
final class TestTopology {

    static final String GATEWAY = "GW-TEST";

    private TestTopology() {
    }

    /** Meters in pairs: odd-numbered meters route to the gateway, each even-numbered one through the one before. */
    static MeshTopology chain(int meters) {
        List<Meter> list = new ArrayList<>();
        for (int i = 0; i < meters; i++) {
            String parent = i % 2 == 0 ? GATEWAY : id(i - 1);
            list.add(new Meter(id(i), "SN" + i, String.format(Locale.ROOT, "C%05d", i + 1), parent, -70));
        }
        return MeshTopology.fixed(GATEWAY, list);
    }

    /** Feeders wired in meter order, one per 20 meters, one to six. */
    static Feeders feeders(int meters) {
        return Feeders.inMeterOrder(meters, Math.max(1, Math.min(6, meters / 20)));
    }

    static String id(int index) {
        return String.format(Locale.ROOT, "M%05d", index + 1);
    }
}
