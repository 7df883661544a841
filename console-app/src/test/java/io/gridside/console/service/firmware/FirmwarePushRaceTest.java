package io.gridside.console.service.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles push the same gateway image at once: the other one installs it while this one is about to, and this
 * push ends with the other's install, said as such or as the gateway's own answer, never as a damaged image.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirmwarePushRaceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:07:00Z");
    private static final FirmwareImage IMAGE = SampleFirmware.gatewayImage();

    @TempDir
    Path dir;

    private SimulatedSite site;
    private InetSocketAddress address;

    @BeforeEach
    void startSite() throws IOException {
        site = SimulatedSite.start(new SiteSpec(8, 5, 1, NOW), SimClock.manual(NOW));
        address = site.listenTcp(0);
        SampleFirmware.writeSamples(dir.resolve("images"));
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void anImageInstalledByAnotherSessionMeanwhileEndsThePushWithThatInstall() throws Exception {
        PushResult result;
        try (GatewayClient client = client(); SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            FirmwarePush push = new FirmwarePush(FirmwareTrust.load(dir.resolve("data")), store);
            result = push.pushGateway(client, dir.resolve("images").resolve(SampleFirmware.GATEWAY_FILE),
                    (phase, held, count, bytes) -> {
                        if (phase == PushPhase.INSTALLING) {
                            installElsewhere();
                        }
                    }, CancelSignal.NEVER);
        }

        assertThat(result.ending()).isIn(PushResult.Ending.BY_ANOTHER_SESSION, PushResult.Ending.INSTALLED);
        assertThat(result.outcome().confirmed()).isTrue();
        assertThat(result.outcome().version()).isEqualTo(SampleFirmware.GATEWAY_VERSION);
        if (result.ending() == PushResult.Ending.BY_ANOTHER_SESSION) {
            assertThat(result.shortcut()).isEqualTo("Installed by another session: gw-sim-2.5.0 runs, confirmed; "
                    + "this push installed nothing itself.");
        }
        assertThat(site.gateway().firmware().state().running().version()).isEqualTo(SampleFirmware.GATEWAY_VERSION);
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.firmware().installs()).singleElement().extracting(GatewayInstall::confirmed)
                    .isEqualTo(true);
        }
    }

    /** The other console's install, which reaches the gateway first. */
    private void installElsewhere() {
        try {
            site.gateway().firmware().install(IMAGE.manifest().imageSha256(), "T-0099");
        } catch (Exception e) {
            throw new AssertionError("the other session's install failed", e);
        }
    }

    private GatewayClient client() throws IOException {
        String siteId = site.gateway().profile().siteId();
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                Authentication.of(DemoOperator.supervisorFor(siteId, NOW), GatewayPins.inMemory())
                        .signingWith(DemoOperator.holderKey()), Duration.ofSeconds(10));
    }
}
