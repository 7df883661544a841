package io.gridside.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.MeterUpdateStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The campaign's rules tick by tick on a site whose routes, supply and readings the test sets. */
class CampaignTicksTest {

    private static final Instant START = Instant.parse("2026-06-03T09:00:00Z");
    /** One wave of four after a canary, two transfers at once, no soak. */
    private static final CampaignPolicy POLICY = new CampaignPolicy(1, 10, 3, 980, 20, 0, 2, 2);

    private final FakeSite site = new FakeSite();
    private final Map<String, MeterFault> faults = new HashMap<>();
    private Instant clock = START;

    @Test
    void aDeepMeterTakesTwoQuarterHoursOfTransferAndAShallowOneOne() {
        site.meter("M1", 1);
        site.meter("M5", 5);
        site.versions.put("M5", "mtr-3.1.4");
        CampaignRun run = start();

        List<MeterUpdateStatus> shallow = new ArrayList<>();
        List<MeterUpdateStatus> deep = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tick(run);
            shallow.add(status(run, "M1"));
            deep.add(status(run, "M5"));
        }

        assertThat(run.waves).as("a canary of both versions").hasSize(1);
        assertThat(shallow).containsExactly(MeterUpdateStatus.TRANSFERRING, MeterUpdateStatus.INSTALLING,
                MeterUpdateStatus.CONFIRMED, MeterUpdateStatus.CONFIRMED);
        assertThat(deep).containsExactly(MeterUpdateStatus.TRANSFERRING, MeterUpdateStatus.TRANSFERRING,
                MeterUpdateStatus.INSTALLING, MeterUpdateStatus.CONFIRMED);
        assertThat(site.versions).containsEntry("M1", CampaignFixture.VERSION)
                .containsEntry("M5", CampaignFixture.VERSION);
        assertThat(run.status.name()).isEqualTo("COMPLETED");
    }

    @Test
    void aMeterThatLosesItsRouteInTransferSpendsAnAttemptAndIsSetAsideAfterTheLast() {
        site.meter("M1", 1);
        site.meter("M2", 2);
        CampaignRun run = start();
        tick(run);
        tick(run);
        tick(run);
        assertThat(status(run, "M2")).as("the canary passed").isEqualTo(MeterUpdateStatus.TRANSFERRING);

        site.hops.put("M2", -1);
        tick(run);
        MeterUpdateStatus afterFirst = status(run, "M2");
        int attemptsAfterFirst = run.state().meters().get(1).attempts();
        site.hops.put("M2", 2);
        tick(run);
        site.hops.put("M2", -1);
        tick(run);

        assertThat(afterFirst).as("tried again at once, without a route").isEqualTo(MeterUpdateStatus.UNREACHABLE);
        assertThat(attemptsAfterFirst).isEqualTo(1);
        CampaignState.MeterUpdate meter = run.state().meters().get(1);
        assertThat(meter.status()).isEqualTo(MeterUpdateStatus.FAILED);
        assertThat(meter.attempts()).isEqualTo(2);
        assertThat(meter.reason()).contains("lost its route").contains("last of 2 attempts");
        assertThat(run.status.name()).isEqualTo("HALTED");
    }

    private CampaignRun start() {
        CampaignPlan plan = CampaignPlan.of(site.fleet(), CampaignFixture.meterImage(), POLICY);
        return CampaignRun.planned("c", CampaignFixture.meterImage(), POLICY, plan, site.fleet(), START);
    }

    private void tick(CampaignRun run) {
        clock = clock.plus(Duration.ofMinutes(15));
        CampaignTicks.tick(run, site, faults, clock);
    }

    private static MeterUpdateStatus status(CampaignRun run, String meterId) {
        return run.meters.stream().filter(meter -> meter.meterId.equals(meterId)).findFirst().orElseThrow().status;
    }

    /** A site of meters of the second revision on 3.2.0, every one supplied and heard, at the hops the test sets. */
    private static final class FakeSite implements FirmwareSite {
        final Map<String, Integer> hops = new LinkedHashMap<>();
        final Map<String, String> versions = new HashMap<>();
        final Set<String> unsupplied = new HashSet<>();

        void meter(String meterId, int depth) {
            hops.put(meterId, depth);
        }

        @Override
        public Path directory() {
            return Path.of("unused");
        }

        @Override
        public Instant clock() {
            return START;
        }

        @Override
        public String gatewayHardware() {
            return "gw-sim-r1";
        }

        @Override
        public List<FleetMeter> fleet() {
            return hops.entrySet().stream().map(entry -> new FleetMeter(entry.getKey(), "mtr-r2",
                    versions.getOrDefault(entry.getKey(), "mtr-3.2.0"), 6, entry.getValue())).toList();
        }

        @Override
        public boolean meshRadioUp() {
            return true;
        }

        @Override
        public boolean meterReadWorks() {
            return true;
        }

        @Override
        public boolean deliveredLastInterval(String meterId) {
            return hops.get(meterId) >= 0 && !unsupplied.contains(meterId);
        }

        @Override
        public boolean supplied(String meterId) {
            return !unsupplied.contains(meterId);
        }

        @Override
        public void meterRuns(String meterId, String version, long securityCounter) {
            versions.put(meterId, version);
        }
    }
}
