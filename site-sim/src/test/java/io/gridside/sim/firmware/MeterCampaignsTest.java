package io.gridside.sim.firmware;

import static io.gridside.sim.firmware.CampaignFixture.VERSION;
import static io.gridside.sim.firmware.CampaignFixture.meters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.message.ControlCampaign;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meter campaigns run by the simulated gateway on its own, on the virtual clock, on a clean site of 120 meters. */
class MeterCampaignsTest {

    private static final CampaignPolicy DEFAULTS = CampaignPolicy.defaults();
    /** Enough quarter hours for any campaign of these tests to end: two days. */
    private static final int LONG = 192;

    private SimulatedGateway gateway;
    private CampaignFixture site;
    private CampaignPlan plan;

    @BeforeEach
    void startSite() {
        SimClock.Manual clock = SimClock.manual(CampaignFixture.NOW);
        gateway = new SimulatedGateway(new SiteSpec(120, 42, 0, CampaignFixture.NOW), clock);
        site = new CampaignFixture(gateway, clock);
        plan = CampaignPlan.of(gateway.firmware().fleet(), CampaignFixture.meterImage(), DEFAULTS);
    }

    @AfterEach
    void stopSite() {
        gateway.close();
    }

    @Test
    void completesOnACleanSiteWithEveryEligibleMeterOnTheNewVersion() {
        Map<String, FleetMeter> before = fleet();
        site.start("clean", DEFAULTS);

        CampaignState done = site.runUntil("clean", state -> state.status().finished(), LONG);

        assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(done.reason()).contains(plan.meterCount() + " meters run " + VERSION);
        assertThat(plan.waves()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(done.waves()).extracting(CampaignState.Wave::status).containsOnly(WaveStatus.PASSED);
        assertThat(meters(done, MeterUpdateStatus.CONFIRMED)).hasSize(plan.meterCount())
                .containsExactlyElementsOf(plan.waves().stream().flatMap(List::stream).toList());
        Map<String, FleetMeter> after = fleet();
        Map<String, String> radios = gateway.topologySnapshot(null).nodes().stream()
                .collect(Collectors.toMap(TopologySnapshot.Node::id, TopologySnapshot.Node::firmware));
        for (String meterId : meters(done, MeterUpdateStatus.CONFIRMED)) {
            assertThat(before.get(meterId).version()).isNotEqualTo(VERSION);
            assertThat(after.get(meterId).version()).as(meterId).isEqualTo(VERSION);
            assertThat(after.get(meterId).securityCounter()).isEqualTo(7);
            assertThat(radios.get(meterId)).as("the radio facts of " + meterId).isEqualTo(VERSION);
        }
        for (String meterId : plan.excluded().keySet()) {
            assertThat(after.get(meterId).version()).as(meterId).isEqualTo(before.get(meterId).version());
            assertThat(after.get(meterId).hardwareId()).isEqualTo("mtr-r1");
        }
    }

    @Test
    void runsWavesInOrderAndNeverTransfersToMoreMetersThanItsConcurrency() {
        site.start("ordered", DEFAULTS);

        site.runUntil("ordered", state -> state.status().finished(), LONG);

        int most = 0;
        for (CampaignState state : site.states) {
            int transferring = state.counts().get(MeterUpdateStatus.TRANSFERRING);
            assertThat(transferring).as("transfers at " + state.updated()).isLessThanOrEqualTo(DEFAULTS.concurrency());
            most = Math.max(most, transferring);
            List<WaveStatus> waves = state.waves().stream().map(CampaignState.Wave::status).toList();
            int current = waves.indexOf(waves.stream().filter(status -> status != WaveStatus.PASSED).findFirst()
                    .orElse(WaveStatus.PASSED));
            if (current >= 0 && waves.get(current) != WaveStatus.PASSED) {
                assertThat(waves.subList(0, current)).allMatch(status -> status == WaveStatus.PASSED);
                assertThat(waves.subList(current + 1, waves.size())).allMatch(status -> status == WaveStatus.PENDING);
                state.meters().stream().filter(meter -> meter.wave() > current).forEach(meter ->
                        assertThat(meter.status()).as(meter.meterId()).isEqualTo(MeterUpdateStatus.PENDING));
            }
        }
        assertThat(most).as("the busiest quarter hour").isEqualTo(DEFAULTS.concurrency());
    }

    @Test
    void haltsAWaveAsSoonAsOneOfItsTenMetersFailsAfterItsThreeAttempts() {
        String failing = plan.waves().get(1).get(4);
        site.campaigns().plantFault(failing, MeterFault.REJECTS_IMAGE);
        site.start("halting", DEFAULTS);

        CampaignState halted = site.runUntil("halting", state -> state.status() != CampaignStatus.RUNNING, LONG);

        assertThat(halted.status()).isEqualTo(CampaignStatus.HALTED);
        assertThat(halted.waves().get(0).status()).isEqualTo(WaveStatus.PASSED);
        assertThat(halted.waves().get(1).status()).isEqualTo(WaveStatus.FAILED);
        assertThat(halted.reason()).contains("wave 1").contains("1 of its 10 meters failed").contains("2%")
                .contains(failing);
        CampaignState.MeterUpdate meter = update(halted, failing);
        assertThat(meter.status()).isEqualTo(MeterUpdateStatus.FAILED);
        assertThat(meter.attempts()).isEqualTo(DEFAULTS.attemptsPerMeter());
        assertThat(meter.reason()).contains("refused the image");
        assertThat(site.states).map(state -> update(state, failing).attempts()).containsSubsequence(1, 2, 3);
        assertThat(halted.meters()).filteredOn(other -> other.wave() > 1).extracting(CampaignState.MeterUpdate::status)
                .containsOnly(MeterUpdateStatus.PENDING);
        assertThat(site.fleetMeter(failing).version()).isNotEqualTo(VERSION);

        CampaignState stillHalted = site.run("halting", 8);

        assertThat(stillHalted.status()).isEqualTo(CampaignStatus.HALTED);
        assertThat(stillHalted.counts().get(MeterUpdateStatus.TRANSFERRING)).isZero();
    }

    @Test
    void aWaveWithFailuresUnderItsRulesPassesAndOneOverThemHalts() {
        CampaignPolicy oneBigWave = new CampaignPolicy(1, 1000, 3, 980, 20, 4, 1, 8);
        List<String> big = CampaignPlan.of(gateway.firmware().fleet(), CampaignFixture.meterImage(), oneBigWave)
                .waves().get(1);
        assertThat(big).as("2% of it is two and some").hasSizeBetween(101, 149);
        site.campaigns().plantFault(big.get(0), MeterFault.REJECTS_IMAGE);
        site.campaigns().plantFault(big.get(1), MeterFault.REJECTS_IMAGE);
        site.start("tolerant", oneBigWave);

        CampaignState passed = site.runUntil("tolerant", state -> state.status() != CampaignStatus.RUNNING, LONG);

        assertThat(passed.status()).as(passed.reason()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(passed.counts().get(MeterUpdateStatus.FAILED)).isEqualTo(2);
        assertThat(passed.reason()).contains("2 failed");

        SimClock.Manual clock = SimClock.manual(CampaignFixture.NOW);
        try (SimulatedGateway other = new SimulatedGateway(new SiteSpec(120, 42, 0, CampaignFixture.NOW), clock)) {
            CampaignFixture same = new CampaignFixture(other, clock);
            big.subList(0, 3).forEach(meterId -> same.campaigns().plantFault(meterId, MeterFault.REJECTS_IMAGE));
            same.start("strict", oneBigWave);

            CampaignState halted = same.runUntil("strict", state -> state.status() != CampaignStatus.RUNNING, LONG);

            assertThat(halted.status()).isEqualTo(CampaignStatus.HALTED);
            assertThat(halted.reason()).contains("wave 1").contains("3 of its " + big.size() + " meters failed");
        }
    }

    @Test
    void aMeterThatNeverRejoinsFailsAndHaltsTheCanary() {
        String lost = plan.waves().get(0).get(0);
        site.campaigns().plantFault(lost, MeterFault.NEVER_REJOINS);
        site.start("lost", DEFAULTS);

        CampaignState halted = site.runUntil("lost", state -> state.status() != CampaignStatus.RUNNING, LONG);

        assertThat(halted.status()).isEqualTo(CampaignStatus.HALTED);
        assertThat(halted.waves().get(0).status()).isEqualTo(WaveStatus.FAILED);
        assertThat(update(halted, lost).status()).isEqualTo(MeterUpdateStatus.FAILED);
        assertThat(update(halted, lost).attempts()).isEqualTo(1);
        assertThat(update(halted, lost).reason()).contains("did not rejoin the mesh");
        assertThat(halted.reason()).contains("wave 0").contains(lost);
        assertThat(site.states).as("it rebooted, then was awaited an hour")
                .filteredOn(state -> update(state, lost).status() == MeterUpdateStatus.INSTALLING)
                .hasSize(CampaignTicks.REJOIN_INTERVALS);
    }

    @Test
    void badReadingsInTheSoakHaltTheWaveAndAResumeAcceptsThem() {
        String noisy = plan.waves().get(0).get(1);
        site.campaigns().plantFault(noisy, MeterFault.BAD_READINGS);
        site.start("soak", DEFAULTS);

        CampaignState halted = site.runUntil("soak", state -> state.status() != CampaignStatus.RUNNING, LONG);

        assertThat(halted.status()).isEqualTo(CampaignStatus.HALTED);
        assertThat(halted.waves().get(0).status()).isEqualTo(WaveStatus.FAILED);
        assertThat(update(halted, noisy).status()).as("it runs the image").isEqualTo(MeterUpdateStatus.CONFIRMED);
        assertThat(halted.reason()).contains("read abnormally").contains(noisy);
        assertThat(halted.meters()).filteredOn(meter -> meter.wave() == 1).extracting(CampaignState.MeterUpdate::status)
                .containsOnly(MeterUpdateStatus.PENDING);

        assertThat(site.control("soak", ControlCampaign.Action.PAUSE)).as("pausing changes nothing").isEqualTo(halted);
        CampaignState resumed = site.control("soak", ControlCampaign.Action.RESUME);
        CampaignState done = site.runUntil("soak", state -> state.status() != CampaignStatus.RUNNING, LONG);

        assertThat(resumed.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(done.status()).as(done.reason()).isEqualTo(CampaignStatus.COMPLETED);
    }

    @Test
    void pauseStopsNewTransfersAndResumeGoesOnToTheEnd() {
        site.start("paused", DEFAULTS);
        site.runUntil("paused", state -> state.waves().get(1).status() == WaveStatus.UPDATING
                && state.counts().get(MeterUpdateStatus.TRANSFERRING) > 0, LONG);

        CampaignState paused = site.control("paused", ControlCampaign.Action.PAUSE);
        int pending = paused.counts().get(MeterUpdateStatus.PENDING);
        CampaignState later = site.run("paused", 8);

        assertThat(paused.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(later.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(later.counts().get(MeterUpdateStatus.PENDING)).as("no new transfer").isEqualTo(pending);
        assertThat(later.counts().get(MeterUpdateStatus.TRANSFERRING)).isZero();
        assertThat(later.counts().get(MeterUpdateStatus.INSTALLING)).as("the transfers under way ended").isZero();
        assertThat(later.waves().get(1).status()).isEqualTo(WaveStatus.UPDATING);
        assertThat(site.control("paused", ControlCampaign.Action.PAUSE)).as("pausing again changes nothing")
                .isEqualTo(later);

        site.control("paused", ControlCampaign.Action.RESUME);
        CampaignState done = site.runUntil("paused", state -> state.status().finished(), LONG);

        assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(done.counts().get(MeterUpdateStatus.CONFIRMED)).isEqualTo(plan.meterCount());
    }

    @Test
    void abortLeavesConfirmedMetersOnTheNewVersionAndTheRestOnWhatTheyRan() {
        Map<String, FleetMeter> before = fleet();
        site.start("aborted", DEFAULTS);
        site.runUntil("aborted", state -> state.waves().get(2).status() == WaveStatus.UPDATING
                && state.counts().get(MeterUpdateStatus.INSTALLING) > 0, LONG);

        CampaignState aborted = site.control("aborted", ControlCampaign.Action.ABORT);
        List<String> confirmed = meters(aborted, MeterUpdateStatus.CONFIRMED);
        List<String> rebooting = meters(aborted, MeterUpdateStatus.INSTALLING);
        CampaignState settled = site.run("aborted", CampaignTicks.REJOIN_INTERVALS + 1);

        assertThat(aborted.status()).isEqualTo(CampaignStatus.ABORTED);
        assertThat(aborted.reason()).contains(confirmed.size() + " meters keep " + VERSION);
        assertThat(meters(aborted, MeterUpdateStatus.NOT_UPDATED)).hasSize(plan.meterCount() - confirmed.size()
                - rebooting.size());
        assertThat(aborted.waves()).extracting(CampaignState.Wave::status).as("waves that had not passed stop")
                .startsWith(WaveStatus.PASSED, WaveStatus.PASSED, WaveStatus.ABORTED)
                .doesNotContain(WaveStatus.PENDING, WaveStatus.UPDATING, WaveStatus.SOAKING);
        assertThat(aborted.waves()).extracting(CampaignState.Wave::soakUntil).containsOnlyNulls();
        assertThat(settled.status()).isEqualTo(CampaignStatus.ABORTED);
        assertThat(settled.waves()).as("and stay stopped while rebooting meters settle")
                .isEqualTo(aborted.waves());
        assertThat(meters(settled, MeterUpdateStatus.CONFIRMED)).as("meters that were rebooting confirm")
                .containsAll(confirmed).containsAll(rebooting);
        Map<String, FleetMeter> after = fleet();
        for (CampaignState.MeterUpdate meter : settled.meters()) {
            String expected = meter.status() == MeterUpdateStatus.CONFIRMED ? VERSION
                    : before.get(meter.meterId()).version();
            assertThat(after.get(meter.meterId()).version()).as(meter.meterId()).isEqualTo(expected);
            assertThat(meter.version()).isEqualTo(expected);
        }
        assertThat(site.control("aborted", ControlCampaign.Action.ABORT)).isEqualTo(settled);
        assertThatThrownBy(() -> site.control("aborted", ControlCampaign.Action.RESUME))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("aborted");
        assertThat(site.start("next", DEFAULTS).status()).as("another may start now")
                .isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void startsOnceByIdAndRunsOneCampaignAtATime() {
        CampaignState first = site.start("once", DEFAULTS);
        site.run("once", 2);
        CampaignState now = site.state("once");

        assertThat(first.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(first.meters()).hasSize(plan.meterCount());
        assertThat(first.waves()).hasSize(plan.waves().size());
        assertThat(site.start("once", new CampaignPolicy(2, 5, 2, 1000, 10, 1, 1, 1))).isEqualTo(now);
        assertThatThrownBy(() -> site.start("other", DEFAULTS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("once");
        assertThatThrownBy(() -> site.state("unknown")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> site.control("unknown", ControlCampaign.Action.ABORT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(site.campaigns().currentId()).isEqualTo("once");
        assertThat(site.campaigns().campaign(null).campaign()).isEqualTo(now);
    }

    private Map<String, FleetMeter> fleet() {
        return gateway.firmware().fleet().stream().collect(Collectors.toMap(FleetMeter::meterId,
                Function.identity()));
    }

    private static CampaignState.MeterUpdate update(CampaignState state, String meterId) {
        return state.meters().stream().filter(meter -> meter.meterId().equals(meterId)).findFirst().orElseThrow();
    }
}
