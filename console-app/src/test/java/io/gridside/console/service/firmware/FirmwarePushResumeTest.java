package io.gridside.console.service.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.message.FirmwareState;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A gateway push over a cable pulled at chosen and at seeded random points (during the offer, after some chunks,
 * before the gateway heard the install, after it installed but before its answer came), each time followed by a
 * console restart (a new session, new services and the site database opened again) that pushes again: the push
 * sends only the chunks the gateway lacks, and ends with the gateway running the image whose SHA-256 is the
 * sample's, its install kept once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirmwarePushResumeTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:07:00Z");
    private static final FirmwareImage IMAGE = SampleFirmware.gatewayImage();
    private static final int CHUNKS = IMAGE.manifest().chunkCount();

    @TempDir
    Path dir;

    private SimulatedSite site;
    private CutWire wire;
    private final GatewayPins pins = GatewayPins.inMemory();
    private Path image;

    @BeforeEach
    void startSite() throws IOException {
        site = SimulatedSite.start(new SiteSpec(8, 5, 1, NOW), SimClock.manual(NOW));
        wire = CutWire.to(site.listenTcp(0));
        SampleFirmware.writeSamples(dir.resolve("images"));
        image = dir.resolve("images").resolve(SampleFirmware.GATEWAY_FILE);
    }

    @AfterEach
    void stopSite() throws IOException {
        wire.close();
        site.close();
    }

    /** One run of the console: a new session through the wire, new services, the site database opened again. */
    private PushResult push(PushProgress progress) throws Exception {
        try (GatewayClient client = client(wire.address()); SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            FirmwarePush push = new FirmwarePush(FirmwareTrust.load(dir.resolve("data")), store);
            return push.pushGateway(client, image, progress, CancelSignal.NEVER);
        }
    }

    private GatewayClient client(InetSocketAddress address) throws IOException {
        String siteId = site.gateway().profile().siteId();
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                Authentication.of(DemoOperator.supervisorFor(siteId, NOW), pins)
                        .signingWith(DemoOperator.holderKey()), Duration.ofSeconds(10));
    }

    private FirmwareState gatewayState() throws Exception {
        return site.gateway().firmware().state();
    }

    private int heldOnTheGateway() throws Exception {
        return gatewayState().staged().stream().filter(s -> s.imageSha256().equals(IMAGE.manifest().imageSha256()))
                .mapToInt(FirmwareState.Staged::held).findFirst().orElse(0);
    }

    /** Pushes again after the cut and checks that it finished right, resuming from {@code held} chunks. */
    private void pushesAgainAndFinishes(int held) throws Exception {
        List<Integer> offered = new ArrayList<>();
        PushResult result = push((phase, now, count, bytes) -> {
            if (phase == PushPhase.OFFERING) {
                offered.add(now);
            }
        });

        assertThat(result.imageSha256()).isEqualTo(IMAGE.manifest().imageSha256());
        assertThat(result.alreadyHeld()).isEqualTo(held);
        assertThat(result.sent()).isEqualTo(CHUNKS - held);
        assertThat(offered).containsExactly(held);
        assertThat(result.outcome().confirmed()).as(result.outcome().reason()).isTrue();
        assertThat(gatewayState().running().version()).isEqualTo(SampleFirmware.GATEWAY_VERSION);
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.firmware().installs()).extracting(GatewayInstall::version, GatewayInstall::confirmed)
                    .as("kept once").containsExactly(org.assertj.core.groups.Tuple.tuple("gw-sim-2.5.0", true));
        }
    }

    @Test
    void aPushCutDuringTheOfferSendsTheWholeImageAgain() throws Exception {
        assertThatThrownBy(() -> push((phase, held, count, bytes) -> {
            if (phase == PushPhase.CHECKING) {
                // The gateway's state is asked next (a few dozen bytes), then the offer, which is kilobytes long.
                wire.cutAfterConsoleSends(300);
            }
        })).isInstanceOf(LinkException.class);
        assertThat(wire.wasCut()).isTrue();
        assertThat(gatewayState().staged()).as("the offer never arrived whole").isEmpty();

        pushesAgainAndFinishes(0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 17, 41})
    void aPushCutAfterSomeChunksSendsOnlyTheChunksTheGatewayLacks(long seed) throws Exception {
        // The cable is pulled once the gateway has said it holds a few chunks: a cut counted in bytes sent can land
        // while the gateway, on a busy machine, has read none of what crossed, and the pull loses what it holds.
        int heldAtCut = 1 + new Random(seed).nextInt(8);
        assertThatThrownBy(() -> push((phase, held, count, bytes) -> {
            if (phase == PushPhase.SENDING && held >= heldAtCut && !wire.wasCut()) {
                try {
                    wire.cutNow();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        })).isInstanceOf(LinkException.class);
        assertThat(wire.wasCut()).isTrue();

        List<Integer> offered = new ArrayList<>();
        PushResult result = push((phase, now, count, bytes) -> {
            if (phase == PushPhase.OFFERING) {
                offered.add(now);
            }
        });

        assertThat(offered).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.INTEGER)
                .as("the chunks held before the cut, and any on their way").isBetween(heldAtCut, CHUNKS);
        int held = offered.get(0);
        assertThat(result.alreadyHeld()).isEqualTo(held);
        assertThat(result.sent()).as("only what the gateway lacked").isEqualTo(CHUNKS - held);
        assertThat(result.imageSha256()).isEqualTo(IMAGE.manifest().imageSha256());
        assertThat(result.outcome().confirmed()).as(result.outcome().reason()).isTrue();
        assertThat(gatewayState().running().version()).isEqualTo(SampleFirmware.GATEWAY_VERSION);
    }

    @Test
    void anInstallCutBeforeTheGatewayHeardItInstallsWhenPushedAgain() throws Exception {
        assertThatThrownBy(() -> push((phase, held, count, bytes) -> {
            if (phase == PushPhase.INSTALLING) {
                wire.cutAfterConsoleSends(12);
            }
        })).isInstanceOf(LinkException.class);
        assertThat(gatewayState().running().version()).as("not installed").isEqualTo("gw-sim-2.4.1");
        assertThat(heldOnTheGateway()).isEqualTo(CHUNKS);

        pushesAgainAndFinishes(CHUNKS);
    }

    @Test
    void anInstallWhoseAnswerWasLostIsReportedFromTheGatewaysOwnRecord() throws Exception {
        assertThatThrownBy(() -> push((phase, held, count, bytes) -> {
            if (phase == PushPhase.INSTALLING) {
                // The answer carries the outcome and every health check's detail: well over 100 bytes.
                wire.cutAfterGatewaySends(100);
            }
        })).isInstanceOf(LinkException.class);
        assertThat(gatewayState().running().version()).as("installed all the same").isEqualTo("gw-sim-2.5.0");

        List<PushPhase> phases = new ArrayList<>();
        PushResult again = push((phase, held, count, bytes) -> phases.add(phase));

        assertThat(again.sent()).isZero();
        assertThat(again.outcome().confirmed()).isTrue();
        assertThat(again.imageSha256()).isEqualTo(IMAGE.manifest().imageSha256());
        assertThat(phases).as("nothing offered, sent or installed again").doesNotContain(PushPhase.OFFERING,
                PushPhase.SENDING, PushPhase.INSTALLING);
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.firmware().installs()).singleElement().satisfies(install -> {
                assertThat(install.version()).isEqualTo("gw-sim-2.5.0");
                assertThat(install.confirmed()).isTrue();
                assertThat(install.checks()).isNotEmpty().allMatch(GatewayInstall.Check::passed);
            });
        }
    }
}
