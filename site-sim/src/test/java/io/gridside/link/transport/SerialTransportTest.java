package io.gridside.link.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.sim.pty.PseudoTerminal;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SerialTransportTest {

    private static final int BAUD = 115_200;
    /**
     * Bounds a wait that ends within a read timeout (a tenth of a second) on any machine: far above it, so that only
     * a read that waits for data regardless of a close or an interrupt fails, however loaded the machine is.
     */
    private static final long PROMPT_MS = 10_000;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private PseudoTerminal gateway;

    @BeforeEach
    void openGateway() throws IOException {
        gateway = PseudoTerminal.open();
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
        executor.shutdownNow();
    }

    @Test
    void passesEveryByteValueBothWays() throws Exception {
        byte[] toGateway = everyByteValueThenNoise(64 * 1024, 1);
        byte[] toClient = everyByteValueThenNoise(64 * 1024, 2);

        try (SerialTransport client = SerialTransport.open(gateway.devicePath(), BAUD)) {
            Future<byte[]> gatewayReceived = executor.submit(() -> readExactly(gateway.input(), toGateway.length));
            Future<byte[]> clientReceived = executor.submit(() -> readExactly(client.input(), toClient.length));
            Future<?> clientSent = executor.submit(() -> writeAll(client.output(), toGateway));
            Future<?> gatewaySent = executor.submit(() -> writeAll(gateway.output(), toClient));

            clientSent.get(20, TimeUnit.SECONDS);
            gatewaySent.get(20, TimeUnit.SECONDS);
            assertThat(gatewayReceived.get(20, TimeUnit.SECONDS)).isEqualTo(toGateway);
            assertThat(clientReceived.get(20, TimeUnit.SECONDS)).isEqualTo(toClient);
        }
    }

    @Test
    void clientCanReconnectAfterClosingThePort() throws Exception {
        for (int session = 1; session <= 3; session++) {
            try (SerialTransport client = SerialTransport.open(gateway.devicePath(), BAUD)) {
                assertRoundTrip(client, "session " + session);
            }
        }
    }

    @Test
    void readWaitsThroughTimeoutsUntilDataArrives() throws Exception {
        try (SerialTransport client = SerialTransport.open(gateway.devicePath(), BAUD)) {
            Future<Integer> read = started(() -> client.input().read(), 600);
            assertThat(read).isNotDone();

            gateway.output().write(0x00);

            assertThat(read.get(PROMPT_MS, TimeUnit.MILLISECONDS)).isZero();
        }
    }

    @Test
    void readEndsWhenTransportClosed() throws Exception {
        SerialTransport client = SerialTransport.open(gateway.devicePath(), BAUD);
        Future<Integer> read = started(() -> client.input().read(new byte[16]), 300);
        assertThat(read).isNotDone();

        client.close();

        assertThat(read.get(PROMPT_MS, TimeUnit.MILLISECONDS)).isEqualTo(-1);
    }

    @Test
    void readEndsWhenPseudoTerminalClosed() throws Exception {
        try (SerialTransport client = SerialTransport.open(gateway.devicePath(), BAUD)) {
            Future<Integer> read = started(() -> client.input().read(new byte[16]), 300);
            assertThat(read).isNotDone();

            gateway.close();

            assertThatThrownBy(() -> read.get(PROMPT_MS, TimeUnit.MILLISECONDS))
                    .hasCauseInstanceOf(IOException.class)
                    .cause().hasMessageContaining(gateway.devicePath()).hasMessageContaining("disconnected");
        }
    }

    @Test
    void readEndsWhenTheReadingThreadIsInterrupted() throws Exception {
        try (SerialTransport client = SerialTransport.open(gateway.devicePath(), BAUD)) {
            Future<Integer> read = started(() -> client.input().read(), 300);

            executor.shutdownNow();

            assertThat(executor.awaitTermination(PROMPT_MS, TimeUnit.MILLISECONDS)).isTrue();
            assertThatThrownBy(read::get).hasCauseInstanceOf(InterruptedIOException.class);
        }
    }

    @Test
    void writeFailsOnceThePseudoTerminalIsGone() throws Exception {
        try (SerialTransport client = SerialTransport.open(gateway.devicePath(), BAUD)) {
            gateway.close();

            assertThatThrownBy(() -> client.output().write(new byte[] {1, 2, 3}))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(gateway.devicePath());
        }
    }

    @Test
    void gatewayOutputFromBeforeTheClientConnectedIsDiscarded() throws Exception {
        gateway.output().write("stale".getBytes(StandardCharsets.US_ASCII));

        try (SerialTransport client = SerialTransport.open(gateway.devicePath(), BAUD)) {
            assertRoundTrip(client, "fresh");
        }
    }

    @Test
    void openingMissingDeviceGivesClearError() {
        String missing = "/dev/ttyGridsideMissing9";

        assertThatThrownBy(() -> SerialTransport.open(missing, BAUD))
                .isInstanceOf(IOException.class)
                .hasMessage("The serial port " + missing + " does not exist or cannot be opened: no such device file.");
    }

    @Test
    void openingAFileThatIsNotATerminalGivesClearError(@TempDir Path directory) throws IOException {
        Path plainFile = Files.createFile(directory.resolve("not-a-port"));

        assertThatThrownBy(() -> SerialTransport.open(plainFile.toString(), BAUD))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("The serial port " + plainFile + " does not exist or cannot be opened: ")
                .hasMessageEndingWith(".");
    }

    @Test
    void closeIsIdempotentAndRefusesFurtherUse() throws IOException {
        SerialTransport client = SerialTransport.open(gateway.devicePath(), BAUD);
        OutputStream output = client.output();

        client.close();
        client.close();

        assertThatThrownBy(() -> output.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThatThrownBy(client::input).isInstanceOf(IOException.class);
    }

    @Test
    void describesItselfAsASerialTransport() throws IOException {
        try (SerialTransport client = SerialTransport.open(gateway.devicePath(), BAUD)) {
            assertThat(client.kind()).isEqualTo(TransportKind.SERIAL);
            assertThat(client.address()).isEqualTo(gateway.devicePath());
        }
    }

    @Test
    void listGivesEveryPortAPath() {
        assertThat(SerialTransport.list()).allSatisfy(port -> assertThat(port.path()).startsWith("/"));
    }

    /**
     * Runs {@code task} on the executor once it has begun, then lets it wait {@code settleMs} (through read timeouts):
     * a task still queued when the executor is shut down would never run, and its future never end.
     */
    private <T> Future<T> started(Callable<T> task, long settleMs) throws InterruptedException {
        CountDownLatch begun = new CountDownLatch(1);
        Future<T> future = executor.submit(() -> {
            begun.countDown();
            return task.call();
        });
        assertThat(begun.await(PROMPT_MS, TimeUnit.MILLISECONDS)).as("the task began").isTrue();
        Thread.sleep(settleMs);
        return future;
    }

    private void assertRoundTrip(SerialTransport client, String text) throws Exception {
        byte[] up = ("up " + text + "\r\n\u0000\u0011\u0013\u0003\u007f").getBytes(StandardCharsets.ISO_8859_1);
        byte[] down = ("down " + text + "\n\u00ff\u0013\u0011\r").getBytes(StandardCharsets.ISO_8859_1);

        client.output().write(up);
        assertThat(readExactly(gateway.input(), up.length)).isEqualTo(up);
        gateway.output().write(down);
        assertThat(readExactly(client.input(), down.length)).isEqualTo(down);
    }

    private static byte[] everyByteValueThenNoise(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        for (int value = 0; value < 256; value++) {
            data[value] = (byte) value;
        }
        return data;
    }

    private static Void writeAll(OutputStream output, byte[] data) throws IOException {
        int chunk = 1000;
        for (int offset = 0; offset < data.length; offset += chunk) {
            output.write(data, offset, Math.min(chunk, data.length - offset));
        }
        output.flush();
        return null;
    }

    private static byte[] readExactly(InputStream input, int length) throws IOException {
        byte[] data = new byte[length];
        int filled = 0;
        while (filled < length) {
            int read = input.read(data, filled, length - filled);
            if (read < 0) {
                throw new EOFException("The stream ended after " + filled + " of " + length + " bytes.");
            }
            filled += read;
        }
        return data;
    }
}
