package io.gridside.sim.firmware;

import static io.gridside.sim.firmware.CampaignFixture.NOW;
import static io.gridside.sim.firmware.CampaignFixture.VERSION;
import static io.gridside.sim.firmware.CampaignFixture.meters;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.DemoOperator;
import io.gridside.sim.GatewayResume;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.ScenarioParser;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Meter campaigns on a site that loses power and radios, and on a gateway that restarts mid-campaign. */
class MeterCampaignsSiteTest {

    private static final CampaignPolicy DEFAULTS = CampaignPolicy.defaults();
    private static final SiteSpec SPEC = new SiteSpec(80, 42, 0, NOW);
    /** The site's supply fails from 09:10 to 10:10, as the campaign starts. */
    private static final Scenario OUTAGE = ScenarioParser.parse("outage.json", """
            {"name": "outage", "days": 1, "steps": [
              {"at": "PT10M", "kind": "grid-power-loss", "duration": "PT1H"}
            ]}""");

    @TempDir
    Path directory;

    @Test
    void defersMetersWithoutSupplyAndCountsMetersWithoutRouteApartUntilTheyCanTakeTheImage() {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (SimulatedGateway gateway = new SimulatedGateway(SPEC, clock, OUTAGE)) {
            CampaignFixture site = new CampaignFixture(gateway, clock);
            List<String> canary = CampaignPlan.of(gateway.firmware().fleet(), CampaignFixture.meterImage(),
                    DEFAULTS).waves().get(0);
            String silent = canary.get(0);
            gateway.silenceRadio(silent, NOW, NOW.plus(Duration.ofHours(3)));
            site.start("outage", DEFAULTS);

            CampaignState dark = site.run("outage", 1);
            CampaignState passed = site.runUntil("outage",
                    state -> state.waves().get(0).status() != WaveStatus.UPDATING, 96);

            assertThat(meters(dark, MeterUpdateStatus.DEFERRED)).containsExactlyElementsOf(canary);
            assertThat(dark.meters()).filteredOn(meter -> meter.wave() == 0).allSatisfy(meter -> {
                assertThat(meter.attempts()).isZero();
                assertThat(meter.reason()).contains("no supply");
            });
            CampaignState waiting = site.states.stream()
                    .filter(state -> state.counts().get(MeterUpdateStatus.UNREACHABLE) > 0
                            && state.counts().get(MeterUpdateStatus.DEFERRED) == 0)
                    .findFirst().orElseThrow();
            assertThat(meters(waiting, MeterUpdateStatus.UNREACHABLE)).as("at " + waiting.updated()).contains(silent);
            assertThat(waiting.status()).isEqualTo(CampaignStatus.RUNNING);
            assertThat(update(waiting, silent).reason()).contains("no route");
            assertThat(update(waiting, silent).attempts()).as("waiting costs no attempt").isZero();
            assertThat(passed.waves().get(0).status()).isEqualTo(WaveStatus.SOAKING);
            assertThat(meters(passed, MeterUpdateStatus.CONFIRMED)).containsExactlyInAnyOrderElementsOf(canary);
            assertThat(update(passed, silent).attempts()).isEqualTo(1);
            assertThat(passed.updated()).as("the canary waited for its silent meter")
                    .isAfter(NOW.plus(Duration.ofHours(3)));
        }
    }

    @Test
    void aGatewayRestartedOnItsJournalGoesOnWithTheCampaignAsAnUninterruptedOneDoes() {
        SimClock.Manual clock = SimClock.manual(NOW);
        CampaignState stopped;
        List<String> confirmed;
        try (SimulatedGateway first = gateway(SPEC, clock, directory)) {
            CampaignFixture site = new CampaignFixture(first, clock);
            site.start("restart", DEFAULTS);
            stopped = site.runUntil("restart", state -> state.waves().get(2).status() == WaveStatus.UPDATING
                    && state.counts().get(MeterUpdateStatus.TRANSFERRING) > 0, 192);
            confirmed = meters(stopped, MeterUpdateStatus.CONFIRMED);
        }
        assertThat(stopped.counts().get(MeterUpdateStatus.INSTALLING) + stopped.counts()
                .get(MeterUpdateStatus.TRANSFERRING)).as("meters in flight at the stop").isPositive();

        GatewayResume.Resumed resumed = GatewayResume.resumed(directory, SPEC);
        SimClock.Manual restarted = SimClock.manual(resumed.clock());
        SimClock.Manual reference = SimClock.manual(NOW);
        try (SimulatedGateway second = gateway(resumed.spec(), restarted, directory);
                SimulatedGateway uninterrupted = new SimulatedGateway(SPEC, reference)) {
            CampaignFixture again = new CampaignFixture(second, restarted);
            CampaignFixture other = new CampaignFixture(uninterrupted, reference);
            assertThat(again.state("restart")).isEqualTo(stopped);
            for (String meterId : confirmed) {
                assertThat(again.fleetMeter(meterId).version()).as(meterId).isEqualTo(VERSION);
            }

            CampaignState done = again.runUntil("restart", state -> state.status().finished(), 192);
            other.start("restart", DEFAULTS);
            reference.advance(Duration.between(reference.now(), restarted.now()));
            uninterrupted.advance();

            assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
            assertThat(done).isEqualTo(other.state("restart"));
            assertThat(second.topologySnapshot(null).nodes()).extracting(node -> node.firmware())
                    .isEqualTo(uninterrupted.topologySnapshot(null).nodes().stream().map(node -> node.firmware())
                            .toList());
        }
    }

    private static SimulatedGateway gateway(SiteSpec spec, SimClock clock, Path journal) {
        return new SimulatedGateway(spec, clock, DemoOperator.trusted(), SimulatedGateway.identityKeyFor(spec),
                Scenario.NONE, journal);
    }

    private static CampaignState.MeterUpdate update(CampaignState state, String meterId) {
        return state.meters().stream().filter(meter -> meter.meterId().equals(meterId)).findFirst().orElseThrow();
    }
}
