import io.gridside.sim.SiteGenerator;
import io.gridside.sim.SiteLayout;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.rf.MeshNetwork;
import io.gridside.sim.rf.MeshPlan;
import io.gridside.sim.rf.MeshTopology;
import io.gridside.sim.rf.VillageMap;
import io.gridside.sim.rf.VillagePlanner;
import io.gridside.site.Customer;
import io.gridside.site.Meter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Builds a 5,000-meter site's mesh and moves it through a simulated day, a quarter hour at a time. */
public final class RfBench {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final int METERS = 5_000;
    private static final int QUARTERS = 96;
    private static final int RUNS = 3;
    /** The limit: one quarter hour's update of the whole mesh within a tenth of a second. */
    private static final double LIMIT_UPDATE_MS = 100;

    private RfBench() {
    }

    public static void main(String[] args) {
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(METERS, 42, 0, START));
        List<Double> builds = new ArrayList<>();
        List<Double> updates = new ArrayList<>();
        List<Double> topologies = new ArrayList<>();
        int routed = 0;
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            MeshPlan plan = plan(layout);
            long t1 = System.nanoTime();
            MeshNetwork network = new MeshNetwork(plan);
            network.update(START);
            long t2 = System.nanoTime();
            for (int quarter = 1; quarter <= QUARTERS; quarter++) {
                network.update(START.plusSeconds(900L * quarter));
            }
            long t3 = System.nanoTime();
            MeshTopology topology = network.topology();
            long t4 = System.nanoTime();
            builds.add((t1 - t0) / 1e6);
            updates.add((t3 - t2) / 1e6 / QUARTERS);
            topologies.add((t4 - t3) / 1e6);
            routed = (int) topology.nodes().stream().filter(MeshTopology.Node::routed).count() - 1;
        }
        double update = median(updates);
        print("meters", METERS);
        print("routed_meters", routed);
        print("plan_build_ms", median(builds));
        print("topology_ms", median(topologies));
        print("update_ms", update);
        print("update_to_limit_ratio", update / LIMIT_UPDATE_MS);
    }

    /** The site's mesh plan built afresh from its customers, as the generator builds it. */
    private static MeshPlan plan(SiteLayout layout) {
        VillageMap village = VillagePlanner.plan(42, layout.customers().stream().map(Customer::category).toList());
        List<String> ids = layout.meters().stream().map(Meter::meterId).toList();
        return MeshPlan.build(42, village, ids, layout.gatewayId());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.3f",
                value));
    }
}
