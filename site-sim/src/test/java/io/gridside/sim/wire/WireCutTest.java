package io.gridside.sim.wire;

import static io.gridside.sim.wire.WireIo.inBackground;
import static io.gridside.sim.wire.WireIo.randomBytes;
import static io.gridside.sim.wire.WireIo.readFully;
import static io.gridside.sim.wire.WireIo.readToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.transport.Transport;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cuts and closed ends: how each end of the wire sees the other go. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WireCutTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void cutsBothEndsAtTheScheduledTime() throws Exception {
        WireProfile profile = WireProfile.uart(115_200).withCutAfter(Duration.ofSeconds(2));
        try (VirtualClock clock = VirtualClock.manual(); WireEmulator wire = WireEmulator.open(profile, clock)) {
            CompletableFuture<byte[]> console = inBackground(() -> readToEnd(wire.consoleEnd()));
            CompletableFuture<byte[]> gateway = inBackground(() -> readToEnd(wire.gatewayEnd()));
            clock.advanceTo(2 * SECOND - 1);
            assertThat(wire.isCut()).isFalse();

            clock.advanceTo(2 * SECOND);

            assertCut(console);
            assertCut(gateway);
            assertThat(wire.isCut()).isTrue();
            assertWriteFails(wire.consoleEnd());
            assertWriteFails(wire.gatewayEnd());
        }
    }

    @Test
    void losesWhatIsStillOnItsWayWhenCut() throws Exception {
        WireProfile profile = WireProfile.uart(115_200).withCutAfter(Duration.ofMillis(500))
                .map(line -> line.withBufferBytes(8_192));
        try (VirtualClock clock = VirtualClock.autoAdvancing();
                WireEmulator wire = WireEmulator.open(profile, clock)) {
            wire.gatewayEnd().output().write(randomBytes(8_192, 1));

            // Half a second carries 5,760 bytes; the 2,432 behind them are still on their way at the cut.
            byte[] arrived = readFully(wire.consoleEnd(), 5_760);

            assertThat(arrived).hasSize(5_760);
            assertThatThrownBy(() -> wire.consoleEnd().input().read()).isInstanceOf(EOFException.class);
            assertThat(clock.now()).isEqualTo(SECOND / 2);
        }
    }

    @Test
    void cutsAfterTheScheduledByteCountHavingDeliveredThoseBytes() throws Exception {
        WireProfile profile = WireProfile.unlimited().withToConsole(LineProfile.UNLIMITED.withCutAfterBytes(1_000));
        try (WireEmulator wire = WireEmulator.open(profile, WireClock.system())) {
            byte[] sent = randomBytes(3_000, 2);
            wire.gatewayEnd().output().write(sent);

            byte[] arrived = readFully(wire.consoleEnd(), 1_000);

            assertThat(arrived).isEqualTo(Arrays.copyOf(sent, 1_000));
            assertThatThrownBy(() -> wire.consoleEnd().input().read()).isInstanceOf(EOFException.class);
            assertThatThrownBy(() -> wire.gatewayEnd().input().read()).isInstanceOf(EOFException.class);
            assertWriteFails(wire.gatewayEnd());
        }
    }

    @Test
    void cutsOnDemandLikeAPulledCable() throws Exception {
        try (WireEmulator wire = WireEmulator.open(WireProfile.unlimited(), WireClock.system())) {
            CompletableFuture<byte[]> console = inBackground(() -> readToEnd(wire.consoleEnd()));

            wire.cut();

            assertCut(console);
            assertWriteFails(wire.consoleEnd());
        }
    }

    @Test
    void letsTheOtherEndReadWhatIsOnItsWayThenEndsItsStreamWhenOneEndCloses() throws Exception {
        try (VirtualClock clock = VirtualClock.autoAdvancing();
                WireEmulator wire = WireEmulator.open(WireProfile.uart(115_200), clock)) {
            byte[] sent = randomBytes(100, 3);
            wire.consoleEnd().output().write(sent);

            wire.consoleEnd().close();

            assertThat(readToEnd(wire.gatewayEnd())).isEqualTo(sent);
            assertThatThrownBy(() -> wire.gatewayEnd().output().write(1)).isInstanceOf(IOException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> wire.consoleEnd().input().read()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void unblocksItsOwnReaderWhenAnEndCloses() throws Exception {
        try (WireEmulator wire = WireEmulator.open(WireProfile.unlimited(), WireClock.system())) {
            CompletableFuture<byte[]> reading = inBackground(() -> readToEnd(wire.consoleEnd()));

            wire.consoleEnd().close();

            assertThatThrownBy(reading::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    private static void assertCut(CompletableFuture<byte[]> reading) {
        assertThatThrownBy(reading::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(EOFException.class).hasMessageContaining("cut");
    }

    private static void assertWriteFails(Transport end) {
        assertThatThrownBy(() -> end.output().write(new byte[] {1, 2, 3})).isInstanceOf(EOFException.class)
                .hasMessageContaining("cut");
    }
}
