package io.gridside.site.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignPlanTest {

    private static final FirmwareManifest IMAGE = FirmwareManifestTest.manifest(256 * 1024, 4096);

    private static List<FleetMeter> fleet(int meters) {
        List<FleetMeter> fleet = new ArrayList<>();
        for (int i = 0; i < meters; i++) {
            String hardware = i % 10 == 0 ? "mtr-r1" : i % 2 == 0 ? "mtr-r2" : "mtr-r3";
            String version = i % 7 == 0 ? "mtr-3.1.4" : "mtr-3.2.0";
            fleet.add(new FleetMeter(String.format("m%03d", i), hardware, version, version.equals("mtr-3.1.4") ? 5
                    : 6, i % 13 == 12 ? -1 : 1 + i % 4));
        }
        return fleet;
    }

    @Test
    void leavesOutOtherHardwareAndMetersOnTheImageOrNewer() {
        List<FleetMeter> fleet = new ArrayList<>(fleet(20));
        fleet.add(new FleetMeter("already", "mtr-r2", "mtr-3.3.0", 7, 1));
        fleet.add(new FleetMeter("newer", "mtr-r2", "mtr-4.0.0", 9, 1));
        CampaignPlan plan = CampaignPlan.of(fleet, IMAGE, CampaignPolicy.defaults());
        assertTrue(plan.excluded().get("m000").contains("does not run"));
        assertTrue(plan.excluded().get("already").contains("already"));
        assertTrue(plan.excluded().get("newer").contains("newer"));
        assertEquals(fleet.size(), plan.meterCount() + plan.excluded().size());
    }

    @Test
    void takesOneCanaryPerHardwareAndVersionThenGrowingWaves() {
        CampaignPlan plan = CampaignPlan.of(fleet(200), IMAGE, CampaignPolicy.defaults());
        // Groups: r2 and r3, each on 3.1.4 and 3.2.0.
        assertEquals(4, plan.waves().get(0).size());
        assertEquals(10, plan.waves().get(1).size());
        assertEquals(30, plan.waves().get(2).size());
        assertEquals(90, plan.waves().get(3).size());
        Set<String> seen = new HashSet<>();
        plan.waves().forEach(wave -> wave.forEach(id -> assertTrue(seen.add(id), id + " twice")));
    }

    @Test
    void putsShallowMetersInEarlyWavesAndMetersWithoutRouteLast() {
        List<FleetMeter> fleet = fleet(200);
        CampaignPlan plan = CampaignPlan.of(fleet, IMAGE, CampaignPolicy.defaults());
        List<String> lastWave = plan.waves().get(plan.waves().size() - 1);
        FleetMeter firstOfWaveOne = byId(fleet, plan.waves().get(1).get(0));
        assertEquals(1, firstOfWaveOne.hops());
        assertTrue(lastWave.stream().anyMatch(id -> byId(fleet, id).hops() == -1));
        for (String id : plan.waves().get(0)) {
            assertTrue(byId(fleet, id).reachable(), "canary " + id + " has a route");
        }
    }

    @Test
    void listsEachWaveDeepestFirst() {
        List<FleetMeter> fleet = fleet(200);
        CampaignPlan plan = CampaignPlan.of(fleet, IMAGE, CampaignPolicy.defaults());
        for (List<String> wave : plan.waves()) {
            int previous = Integer.MAX_VALUE;
            for (String id : wave) {
                int hops = byId(fleet, id).hops();
                int depth = hops < 0 ? Integer.MAX_VALUE - 1 : hops;
                assertFalse(hops >= 0 && depth > previous, "wave " + wave + " not deepest first");
                previous = hops < 0 ? previous : depth;
            }
        }
    }

    @Test
    void policyPausesAtTwoPercentAndConfirmsAtNinetyEight() {
        CampaignPolicy policy = CampaignPolicy.defaults();
        assertTrue(policy.pauses(1, 3));
        assertFalse(policy.pauses(1, 51));
        assertTrue(policy.pauses(1, 50));
        assertFalse(policy.pauses(0, 10));
        assertTrue(policy.confirms(98, 100));
        assertFalse(policy.confirms(97, 100));
    }

    private static FleetMeter byId(List<FleetMeter> fleet, String id) {
        return fleet.stream().filter(meter -> meter.meterId().equals(id)).findFirst().orElseThrow();
    }
}
