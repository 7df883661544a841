package io.gridside.sim.wire;

import static io.gridside.sim.wire.WireIo.randomBytes;
import static io.gridside.sim.wire.WireIo.readFully;
import static io.gridside.sim.wire.WireIo.writeInBackground;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same pacing on the real clock: bytes never arrive early, and late wake-ups do not add up over seconds.
 * Real time, so it runs with the long tests.
 */
@Tag("long")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WireRealTimeTest {

    @Test
    void carriesFiveSecondsOfBytesAt115200BaudInFiveRealSeconds() throws Exception {
        byte[] sent = randomBytes(5 * 11_520, 1);
        try (WireEmulator wire = WireEmulator.open(WireProfile.uart(115_200), WireClock.system())) {
            long started = System.nanoTime();
            CompletableFuture<Void> writing = writeInBackground(wire.gatewayEnd(), sent);

            byte[] received = readFully(wire.consoleEnd(), sent.length);
            double seconds = (System.nanoTime() - started) / 1e9;

            writing.get();
            assertThat(received).isEqualTo(sent);
            assertThat(seconds).isBetween(5.0, 5.1);
        }
    }

    @Test
    void holdsEachByteBackByTheLatency() throws Exception {
        WireProfile profile = WireProfile.uart(115_200).withLatency(Duration.ofMillis(200));
        try (WireEmulator wire = WireEmulator.open(profile, WireClock.system())) {
            long started = System.nanoTime();
            wire.consoleEnd().output().write(randomBytes(1_152, 2));

            readFully(wire.gatewayEnd(), 1_152);
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(seconds).isBetween(0.3, 0.35);
        }
    }
}
