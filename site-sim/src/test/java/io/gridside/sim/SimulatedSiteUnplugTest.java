package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.transport.SerialTransport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pulling the simulated gateway's USB cable and plugging it back in. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimulatedSiteUnplugTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    private SimulatedSite site;

    @BeforeEach
    void startSite() {
        site = SimulatedSite.start(new SiteSpec(5, 31, 1, NOW), SimClock.manual(NOW));
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private Authentication supervisor() {
        return Authentication.of(DemoOperator.supervisorFor(site.gateway().profile().siteId(), NOW),
                GatewayPins.inMemory());
    }

    @Test
    void unpluggingSuspendsTheConsolesSessionWhichResumesOnTheNewDevice() throws Exception {
        String first = site.listenSerial();
        try (GatewayClient client = GatewayClient.open(SerialTransport.open(first, 115_200), supervisor(),
                Duration.ofSeconds(10))) {
            client.setResumeWindow(Duration.ofMinutes(1));
            CompletableFuture<IOException> dropped = new CompletableFuture<>();
            client.onSuspended(dropped::complete);

            String second = site.listenSerial();
            site.unplugSerial(first);

            assertThat(dropped.get(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(second).isNotEqualTo(first);
            assertThat(client.resume(SerialTransport.open(second, 115_200))).isTrue();
            assertThat(client.transport().address()).isEqualTo(second);
            assertThat(client.meterStatus()).hasSize(site.gateway().meterStatus().size());
        }
    }

    @Test
    void aNewConsoleOnTheNewDeviceIsServedWhileTheUnpluggedSessionWaits() throws Exception {
        String first = site.listenSerial();
        try (GatewayClient client = GatewayClient.open(SerialTransport.open(first, 115_200), supervisor(),
                Duration.ofSeconds(10))) {
            client.setResumeWindow(Duration.ofMinutes(1));
            CompletableFuture<IOException> dropped = new CompletableFuture<>();
            client.onSuspended(dropped::complete);
            String second = site.listenSerial();
            site.unplugSerial(first);
            dropped.get(10, TimeUnit.SECONDS);

            try (GatewayClient again = GatewayClient.open(SerialTransport.open(second, 115_200), supervisor(),
                    Duration.ofSeconds(10))) {
                assertThat(again.hello().gatewayId()).isEqualTo(client.hello().gatewayId());
            }
        }
    }

    @Test
    void anUnpluggedDeviceCannotBeOpenedAgain() throws Exception {
        String device = site.listenSerial();
        site.unplugSerial(device);

        assertThatThrownBy(() -> GatewayClient.open(SerialTransport.open(device, 115_200), supervisor(),
                Duration.ofSeconds(2))).isInstanceOf(IOException.class).isNotInstanceOf(LinkException.class);
    }

    @Test
    void unpluggingADeviceItDoesNotServeIsAMistake() {
        assertThatThrownBy(() -> site.unplugSerial("/dev/pts/no-such"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/dev/pts/no-such");
    }
}
