package io.gridside.sim.wire;

import static io.gridside.sim.wire.WireIo.randomBytes;
import static io.gridside.sim.wire.WireIo.readFully;
import static io.gridside.sim.wire.WireIo.writeInBackground;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The line rate, latency and transmit buffer, measured on a virtual clock, where they are exact. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WirePacingTest {

    private static final long SECOND = 1_000_000_000L;
    /** One byte at 115200 baud 8N1: 10 bits, 86,805.6 ns, rounded up. */
    private static final long BYTE_AT_115200 = 86_806;

    @Test
    void carriesElevenThousandFiveHundredTwentyBytesInExactlyOneSecondAt115200Baud8N1() throws Exception {
        byte[] sent = randomBytes(11_520, 1);
        try (VirtualClock clock = VirtualClock.autoAdvancing();
                WireEmulator wire = WireEmulator.open(WireProfile.uart(115_200), clock)) {
            CompletableFuture<Void> writing = writeInBackground(wire.consoleEnd(), sent);

            byte[] received = readFully(wire.gatewayEnd(), sent.length);

            writing.get();
            assertThat(received).isEqualTo(sent);
            assertThat(clock.now()).isEqualTo(SECOND);
        }
    }

    @Test
    void addsTheLatencyOnceNotPerByte() throws Exception {
        WireProfile profile = WireProfile.uart(115_200).withLatency(Duration.ofMillis(50))
                .map(line -> line.withBufferBytes(11_520));
        try (VirtualClock clock = VirtualClock.autoAdvancing(); WireEmulator wire = WireEmulator.open(profile, clock)) {
            wire.gatewayEnd().output().write(randomBytes(11_520, 2));

            readFully(wire.consoleEnd(), 1);
            long firstByteAt = clock.now();
            readFully(wire.consoleEnd(), 11_519);

            assertThat(firstByteAt).isEqualTo(50_000_000 + BYTE_AT_115200);
            assertThat(clock.now()).isEqualTo(SECOND + 50_000_000);
        }
    }

    @Test
    void paysEachDirectionItsOwnRate() throws Exception {
        WireProfile profile = new WireProfile(LineProfile.uart(9_600), LineProfile.uart(115_200), 0, null);
        try (VirtualClock clock = VirtualClock.autoAdvancing(); WireEmulator wire = WireEmulator.open(profile, clock)) {
            wire.gatewayEnd().output().write(randomBytes(1_152, 3));
            readFully(wire.consoleEnd(), 1_152);
            long downAt = clock.now();

            wire.consoleEnd().output().write(randomBytes(960, 4));
            readFully(wire.gatewayEnd(), 960);

            assertThat(downAt).isEqualTo(SECOND / 10);
            assertThat(clock.now() - downAt).isEqualTo(SECOND);
        }
    }

    @Test
    void movesAMebibyteAt115200BaudInVirtualTimeOnly() throws Exception {
        byte[] sent = randomBytes(1 << 20, 5);
        try (VirtualClock clock = VirtualClock.autoAdvancing();
                WireEmulator wire = WireEmulator.open(WireProfile.uart(115_200), clock)) {
            CompletableFuture<Void> writing = writeInBackground(wire.gatewayEnd(), sent);

            byte[] received = readFully(wire.consoleEnd(), sent.length);

            writing.get();
            assertThat(received).isEqualTo(sent);
            // 1,048,576 bytes * 10 bits / 115,200 bit/s = 91.0222... s, to the nanosecond rounded up.
            assertThat(clock.now()).isEqualTo(91_022_222_223L);
        }
    }

    @Test
    void holdsTheWriterBackWhileItsTransmitBufferIsFull() throws Exception {
        WireProfile profile = WireProfile.uart(115_200).map(line -> line.withBufferBytes(4_096));
        try (VirtualClock clock = VirtualClock.manual(); WireEmulator wire = WireEmulator.open(profile, clock)) {
            CompletableFuture<Void> writing = writeInBackground(wire.consoleEnd(), new byte[4_097]);
            while (wire.stats(Direction.TO_GATEWAY).bytesSent() < 4_096) {
                Thread.onSpinWait();
            }

            assertThat(writing).isNotDone();
            assertThat(wire.stats(Direction.TO_GATEWAY).bytesSent()).isEqualTo(4_096);

            clock.advanceTo(BYTE_AT_115200);
            writing.get();
            assertThat(wire.stats(Direction.TO_GATEWAY).bytesSent()).isEqualTo(4_097);
        }
    }
}
