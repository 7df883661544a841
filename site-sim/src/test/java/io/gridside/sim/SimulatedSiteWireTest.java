package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.client.LinkException;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.wire.Direction;
import io.gridside.sim.wire.LineProfile;
import io.gridside.sim.wire.VirtualClock;
import io.gridside.sim.wire.WireEmulator;
import io.gridside.sim.wire.WireProfile;
import io.gridside.site.Reading;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console's client against the simulated site through an emulated wire, on a virtual clock. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedSiteWireTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final int METERS = 25;
    /** Real time: a virtual second passes in a few milliseconds, so this is generous. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final WireProfile UART = WireProfile.uart(115_200);

    private static SimulatedSite site;

    @BeforeAll
    static void startSite() {
        site = SimulatedSite.start(new SiteSpec(METERS, 21, 2, NOW), SimClock.manual(NOW));
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void pullsExactlyTheGatewaysDataThroughACleanUartOnTheVirtualClock() throws IOException {
        try (VirtualClock clock = VirtualClock.autoAdvancing();
                WireEmulator wire = site.serveThroughWire(UART, clock);
                GatewayClient client = GatewayClient.open(wire.consoleEnd(), demoSupervisor(), TIMEOUT)) {
            var statuses = client.meterStatus();
            List<Reading> readings = new ArrayList<>();
            client.readings(Instant.EPOCH, NOW, (batch, received, total) -> readings.addAll(batch),
                    CancelSignal.NEVER);

            assertThat(statuses).isEqualTo(site.gateway().meterStatus());
            assertThat(readings).isEqualTo(site.gateway().readings(Instant.EPOCH, NOW));
            assertThat(client.stats().framesDropped()).isZero();
            assertThat(client.stats().framesMissed()).isZero();
            // The line cannot have carried the gateway's bytes faster than 11,520 a second.
            long bytes = wire.stats(Direction.TO_CONSOLE).bytesDelivered();
            assertThat(bytes).isGreaterThan(METERS * 2 * 96 * 50L);
            assertThat(clock.now()).isGreaterThanOrEqualTo(bytes * 1_000_000_000L / 11_520);
        }
    }

    @Test
    void pullsExactlyTheGatewaysDataThroughAUartThatCorruptsOneByteInTenThousand() throws IOException {
        // One byte in ten thousand spoils about one frame of 1 KiB in ten; each is resent until it arrives.
        WireProfile noisy = UART.withToConsole(LineProfile.uart(115_200).withCorruption(1e-4)).withSeed(1);
        try (VirtualClock clock = VirtualClock.autoAdvancing();
                WireEmulator wire = site.serveThroughWire(noisy, clock);
                GatewayClient client = GatewayClient.open(wire.consoleEnd(), demoSupervisor(), TIMEOUT)) {
            List<Reading> readings = new ArrayList<>();
            client.readings(Instant.EPOCH, NOW, (batch, received, total) -> readings.addAll(batch),
                    CancelSignal.NEVER);

            assertThat(readings).isEqualTo(site.gateway().readings(Instant.EPOCH, NOW));
            assertThat(client.stats().framesDropped()).isPositive();
            assertThat(wire.stats(Direction.TO_CONSOLE).bytesCorrupted()).isPositive();
        }
    }

    @Test
    void endsThePullAsClosedWhenTheWireIsCutAndTheSessionIsNotResumedInTime() throws IOException {
        WireProfile cut = UART.withToConsole(LineProfile.uart(115_200).withCutAfterBytes(20_000));
        try (VirtualClock clock = VirtualClock.autoAdvancing();
                WireEmulator wire = site.serveThroughWire(cut, clock);
                GatewayClient client = GatewayClient.open(wire.consoleEnd(), demoSupervisor(), TIMEOUT)) {
            client.setResumeWindow(Duration.ofMillis(300));
            LinkException failure = catchThrowableOfType(LinkException.class,
                    () -> client.readings(Instant.EPOCH, NOW, (batch, received, total) -> { }, CancelSignal.NEVER));

            assertThat(failure.code()).isEqualTo(LinkException.Code.CLOSED);
            assertThat(client.isOpen()).isFalse();
            assertThat(wire.isCut()).isTrue();
        }
    }

    @Test
    void pullCutMidwayIsResumedOverANewWireAndArrivesWholeWithoutBeingAskedForAgain() throws Exception {
        WireProfile cut = UART.withToConsole(LineProfile.uart(115_200).withCutAfterBytes(20_000));
        CompletableFuture<Boolean> resumed = new CompletableFuture<>();
        try (VirtualClock clock = VirtualClock.autoAdvancing();
                WireEmulator wire = site.serveThroughWire(cut, clock);
                GatewayClient client = GatewayClient.open(wire.consoleEnd(), demoSupervisor(), TIMEOUT)) {
            client.setResumeWindow(Duration.ofMinutes(1));
            client.onSuspended(cause -> CompletableFuture.runAsync(() -> {
                try {
                    resumed.complete(client.resume(site.serveThroughWire(UART, clock).consoleEnd()));
                } catch (IOException e) {
                    resumed.completeExceptionally(e);
                }
            }));
            List<Reading> readings = new ArrayList<>();
            long count = client.readings(Instant.EPOCH, NOW, (batch, received, total) -> readings.addAll(batch),
                    CancelSignal.NEVER);

            assertThat(wire.isCut()).isTrue();
            assertThat(resumed.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(readings).hasSize((int) count).isEqualTo(site.gateway().readings(Instant.EPOCH, NOW));
            assertThat(client.meterStatus()).isEqualTo(site.gateway().meterStatus());
        }
    }

    @Test
    void servesConsolesOverLoopbackTcpThroughAnEmulatedWire() throws IOException {
        InetSocketAddress address = site.listenEmulatedTcp(0, WireProfile.uart(921_600));

        for (int connection = 0; connection < 2; connection++) {
            try (GatewayClient client = GatewayClient.open(
                    TcpTransport.connect(address.getHostString(), address.getPort(), 2000), demoSupervisor(),
                    TIMEOUT)) {
                assertThat(client.meterStatus()).isEqualTo(site.gateway().meterStatus());
                assertThat(client.ping()).isPositive();
            }
        }
    }

    /** The demo operator's supervisor for this site, as the demo paths of the console sign in. */
    private static Authentication demoSupervisor() {
        return Authentication.of(DemoOperator.supervisorFor("site-21", NOW), GatewayPins.inMemory());
    }
}
