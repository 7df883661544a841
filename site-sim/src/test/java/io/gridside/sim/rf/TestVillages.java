package io.gridside.sim.rf;

import io.gridside.site.CustomerCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small villages for the mesh's tests, with the mix of customers a site generator gives. */
final class TestVillages {

    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    static final String GATEWAY = "GW-TEST";

    private TestVillages() {
    }

    static List<CustomerCategory> categories(long seed, int meters) {
        List<CustomerCategory> categories = new ArrayList<>(meters);
        for (int i = 0; i < meters; i++) {
            if (i % 40 == 7) {
                categories.add(CustomerCategory.MILL);
            } else {
                categories.add(Draw.unit(seed, 77, i, 0) < 0.13 ? CustomerCategory.SHOP : CustomerCategory.HOUSEHOLD);
            }
        }
        return categories;
    }

    static MeshPlan plan(long seed, int meters) {
        VillageMap village = VillagePlanner.plan(seed, categories(seed, meters));
        List<String> ids = new ArrayList<>(meters);
        for (int i = 0; i < meters; i++) {
            ids.add(String.format("M%05d", i + 1));
        }
        return MeshPlan.build(seed, village, ids, GATEWAY);
    }

    /** A network that has run its first quarter hour. */
    static MeshNetwork started(MeshPlan plan) {
        MeshNetwork network = new MeshNetwork(plan);
        network.update(START);
        return network;
    }

    static Instant quarter(int quarters) {
        return START.plusSeconds(900L * quarters);
    }
}
