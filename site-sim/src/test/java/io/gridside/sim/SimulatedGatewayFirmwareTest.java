package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.link.server.FirmwareService;
import io.gridside.sim.firmware.InstallStep;
import io.gridside.sim.firmware.PowerCutException;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.sim.scenario.Scenario;
import io.gridside.sim.scenario.ScenarioParser;
import io.gridside.site.TopologySnapshot;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The simulated gateway updates itself through its firmware service: the sample image taken, installed and run
 * from then on, across restarts on its journal directory, and a power cut or a dark site that it survives on the
 * image it ran.
 */
class SimulatedGatewayFirmwareTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(8, 5, 1, NOW);
    private static final FirmwareImage IMAGE = SampleFirmware.gatewayImage();
    private static final ByteString SHA = IMAGE.manifest().imageSha256();

    @TempDir
    Path directory;

    @Test
    void installsTheSampleImageAndRunsItInItsHelloAndMeshFromThenOn() throws Exception {
        try (SimulatedGateway gateway = gateway(SPEC, SimClock.manual(NOW), Scenario.NONE)) {
            assertThat(gateway.profile().firmware()).isEqualTo("gw-sim-2.4.1");
            FirmwareService service = gateway.firmware();
            send(service, 0, IMAGE.manifest().chunkCount());

            FirmwareInstalled installed = service.install(SHA, "supervisor");

            assertThat(installed.outcome().confirmed()).as(installed.outcome().reason()).isTrue();
            assertThat(installed.outcome().checks()).allMatch(FirmwareState.HealthCheck::passed);
            assertThat(gateway.profile().firmware()).isEqualTo("gw-sim-2.5.0");
            assertThat(gatewayNode(gateway).firmware()).isEqualTo("gw-sim-2.5.0");
        }

        try (SimulatedGateway second = restarted()) {
            assertThat(second.profile().firmware()).as("started again").isEqualTo("gw-sim-2.5.0");
            FirmwareState state = second.firmware().state();
            assertThat(state.running()).isEqualTo(new FirmwareState.Slot("B", "gw-sim-2.5.0", 8, true));
            assertThat(state.hardwareId()).isEqualTo("gw-sim-r1");
            assertThat(state.lastUpdate().confirmed()).isTrue();
        }
    }

    @Test
    void aTransferCutByARestartResumesWithTheChunksTheGatewayHeld() throws Exception {
        try (SimulatedGateway gateway = gateway(SPEC, SimClock.manual(NOW), Scenario.NONE)) {
            send(gateway.firmware(), 0, 40);
        }

        try (SimulatedGateway second = restarted()) {
            FirmwareOffered offered = second.firmware().offer(IMAGE.signedManifestBytes());
            assertThat(offered.heldCount()).isEqualTo(40);
            assertThat(offered.holds(39)).isTrue();
            assertThat(offered.holds(40)).isFalse();

            assertThat(send(second.firmware(), 40, IMAGE.manifest().chunkCount())).as("complete").isTrue();
            assertThat(second.firmware().state().staged()).singleElement()
                    .satisfies(staged -> assertThat(staged.imageSha256()).isEqualTo(SHA));
        }
    }

    @Test
    void aPowerCutDuringTheTrialBootLeavesAGatewayThatBootsItsOldImageAndSaysWhy() throws Exception {
        try (SimulatedGateway gateway = gateway(SPEC, SimClock.manual(NOW), Scenario.NONE)) {
            send(gateway.firmware(), 0, IMAGE.manifest().chunkCount());
            gateway.firmware().update().cutPowerAt(InstallStep.HEALTH_CHECKS);

            assertThatThrownBy(() -> gateway.firmware().install(SHA, "supervisor"))
                    .isInstanceOf(PowerCutException.class);
        }

        try (SimulatedGateway second = restarted()) {
            assertThat(second.profile().firmware()).isEqualTo("gw-sim-2.4.1");
            assertThat(gatewayNode(second).firmware()).isEqualTo("gw-sim-2.4.1");
            FirmwareState state = second.firmware().state();
            assertThat(state.lastUpdate().confirmed()).isFalse();
            assertThat(state.lastUpdate().reason()).startsWith("power was cut during the trial boot");
            assertThat(state.other()).isEqualTo(new FirmwareState.Slot("B", "gw-sim-2.5.0", 8, false));

            FirmwareInstalled again = second.firmware().install(SHA, "supervisor");
            assertThat(again.outcome().confirmed()).as("installed again once the power is back").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(InstallStep.class)
    void aGatewayWhosePowerIsCutAtAnyStepOfAnInstallBootsAndSaysWhatItRuns(InstallStep step) throws Exception {
        try (SimulatedGateway gateway = gateway(SPEC, SimClock.manual(NOW), Scenario.NONE)) {
            send(gateway.firmware(), 0, IMAGE.manifest().chunkCount());
            gateway.firmware().update().cutPowerAt(step);

            assertThatThrownBy(() -> gateway.firmware().install(SHA, "supervisor"))
                    .isInstanceOf(PowerCutException.class);
        }

        try (SimulatedGateway second = restarted()) {
            boolean confirmed = step == InstallStep.CONFIRMED;
            String runs = confirmed ? "gw-sim-2.5.0" : "gw-sim-2.4.1";
            assertThat(second.profile().firmware()).isEqualTo(runs);
            assertThat(gatewayNode(second).firmware()).isEqualTo(runs);
            FirmwareState.Outcome last = second.firmware().state().lastUpdate();
            assertThat(last.version()).isEqualTo("gw-sim-2.5.0");
            assertThat(last.confirmed()).isEqualTo(confirmed);
            assertThat(last.reason()).startsWith(switch (step) {
                case WRITING_SLOT -> "power was cut while the image was written";
                case TRIAL_MARKED, HEALTH_CHECKS -> "power was cut during the trial boot";
                case CONFIRMED -> "";
            });
        }
    }

    @Test
    void aSiteWithoutPowerFailsTheTrialBootAndTheGatewayReverts() throws Exception {
        Scenario dark = ScenarioParser.parse("dark", """
                {"name": "dark", "days": 2, "steps": [
                  {"at": "PT20H", "kind": "grid-power-loss", "duration": "PT6H"}
                ]}""");
        SimClock.Manual clock = SimClock.manual(NOW);
        try (SimulatedGateway gateway = gateway(SPEC, clock, dark)) {
            send(gateway.firmware(), 0, IMAGE.manifest().chunkCount());

            FirmwareInstalled installed = gateway.firmware().install(SHA, "supervisor");

            assertThat(installed.outcome().confirmed()).isFalse();
            assertThat(installed.outcome().reason()).matches("(mesh-radio|meter-read) failed: no meter.*");
            assertThat(gateway.profile().firmware()).isEqualTo("gw-sim-2.4.1");

            clock.advance(Duration.ofHours(6));
            assertThat(gateway.firmware().install(SHA, "supervisor").outcome().confirmed())
                    .as("installed once the power is back").isTrue();
        }
    }

    @Test
    void refusesAnImageForOtherHardwareThroughItsService() {
        FirmwareImage other = FirmwareImage.build(IMAGE.manifest().product(), List.of("gw-sim-r2"), "gw-sim-2.5.0", 8,
                4096, "For another gateway.", NOW, new byte[5000], SampleFirmware.key());
        try (SimulatedGateway gateway = gateway(SPEC, SimClock.manual(NOW), Scenario.NONE)) {
            assertThatThrownBy(() -> gateway.firmware().offer(other.signedManifestBytes()))
                    .isInstanceOfSatisfying(FirmwareRefusedException.class,
                            refused -> assertThat(refused.refusal().code()).isEqualTo("FIRMWARE_OTHER_HARDWARE"));
        }
    }

    /** Offers the sample image and sends chunks {@code from} to {@code to}; answers whether it is then whole. */
    private static boolean send(FirmwareService service, int from, int to) throws FirmwareRefusedException {
        service.offer(IMAGE.signedManifestBytes());
        boolean complete = false;
        for (int index = from; index < to; index++) {
            complete = service.take(new FirmwareChunk(SHA, index, ByteString.of(IMAGE.chunk(index)))).complete();
        }
        return complete;
    }

    private static TopologySnapshot.Node gatewayNode(SimulatedGateway gateway) {
        TopologySnapshot snapshot = gateway.topologySnapshot(null);
        return snapshot.nodes().stream().filter(node -> node.id().equals(snapshot.gatewayId())).findFirst()
                .orElseThrow();
    }

    private SimulatedGateway restarted() {
        GatewayResume.Resumed resumed = GatewayResume.resumed(directory, SPEC);
        return gateway(resumed.spec(), SimClock.manual(resumed.clock()), Scenario.NONE);
    }

    private SimulatedGateway gateway(SiteSpec spec, SimClock clock, Scenario scenario) {
        return new SimulatedGateway(spec, clock, DemoOperator.trusted(), SimulatedGateway.identityKeyFor(spec),
                scenario, directory);
    }
}
