package io.gridside.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.wire.CellularProfile.Way;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cellular link as a TCP proxy on loopback: bytes carried unchanged, counted, and paced on a virtual clock. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CellularLinkTest {

    private static final long MS = 1_000_000L;

    /** A server on 127.0.0.1 that echoes every connection and counts what it read. */
    private static final class EchoServer implements AutoCloseable {

        private final ServerSocket socket;
        private final AtomicLong read = new AtomicLong();

        private EchoServer() throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            Thread thread = new Thread(this::serve, "echo-server");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    CompletableFuture.runAsync(() -> echo(connection));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void echo(Socket connection) {
            try (connection) {
                InputStream in = connection.getInputStream();
                OutputStream out = connection.getOutputStream();
                byte[] buffer = new byte[4096];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    read.addAndGet(n);
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // The link ended the connection: nothing more to echo.
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static byte[] randomBytes(int count, long seed) {
        byte[] bytes = new byte[count];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Socket connect(CellularLink link) throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), link.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Waits in real time for a condition the threads of the link bring about; fails the test if they never do. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the condition became true in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void carriesBytesUnchangedBothWaysAndCountsThemOnTheWire() throws Exception {
        byte[] sent = randomBytes(200_000, 1);
        try (EchoServer server = new EchoServer();
                CellularLink link = CellularLink.start(CellularProfile.unlimited(), WireClock.system(),
                        server.socket.getLocalPort());
                Socket client = connect(link)) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(client, sent));

            byte[] echoed = client.getInputStream().readNBytes(sent.length);

            writing.get(20, TimeUnit.SECONDS);
            assertThat(echoed).isEqualTo(sent);
            assertThat(link.counts(Way.UP)).isEqualTo(link.counts(Way.DOWN));
            assertThat(link.counts(Way.UP).payloadBytes()).isEqualTo(sent.length);
            assertThat(link.counts(Way.UP).wireBytes()).isEqualTo(sent.length);
            assertThat(link.connections()).isEqualTo(1);
        }
    }

    @Test
    void holdsTheBytesBackUntilTheLineRateAndTheDelayLetThemArrive() throws Exception {
        CellularProfile profile = CellularProfile.rural(3).withSegmentLoss(0);
        byte[] sent = randomBytes(32_000, 2);
        try (EchoServer server = new EchoServer();
                VirtualClock clock = VirtualClock.manual();
                CellularLink link = CellularLink.start(profile, clock, server.socket.getLocalPort());
                Socket client = connect(link)) {
            client.getOutputStream().write(sent);
            awaitTrue(() -> link.counts(Way.UP).payloadBytes() == sent.length);

            // 32,000 bytes at 256 kbit/s leave in one second and arrive 150 ms later: not a nanosecond sooner.
            clock.advanceTo(1_150 * MS - 1);
            awaitTrue(() -> server.read.get() >= sent.length - 1_400);
            assertThat(server.read.get()).isLessThan(sent.length);
            clock.advanceTo(1_150 * MS);
            awaitTrue(() -> server.read.get() == sent.length);

            // The echo comes down at 1 Mbit/s, 256 ms of line and the delay after its first byte went back.
            awaitTrue(() -> link.counts(Way.DOWN).payloadBytes() == sent.length);
            clock.advanceTo(1_150 * MS + 150 * MS + 256 * MS);
            byte[] echoed = client.getInputStream().readNBytes(sent.length);
            assertThat(echoed).isEqualTo(sent);
        }
    }

    @Test
    void countsEachLostSegmentTwiceWithTheSameLossesForTheSameSeed() throws Exception {
        CellularProfile lossy = CellularProfile.unlimited().withSegmentLoss(0.1).withSeed(11);
        long first = lostBytesThrough(lossy);
        long again = lostBytesThrough(lossy);
        long otherSeed = lostBytesThrough(lossy.withSeed(12));

        assertThat(first).isPositive().isEqualTo(again).isNotEqualTo(otherSeed);
    }

    private static long lostBytesThrough(CellularProfile profile) throws Exception {
        byte[] sent = randomBytes(140_000, 4);
        try (EchoServer server = new EchoServer();
                CellularLink link = CellularLink.start(profile, WireClock.system(), server.socket.getLocalPort());
                Socket client = connect(link)) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(client, sent));
            assertThat(client.getInputStream().readNBytes(sent.length)).isEqualTo(sent);
            writing.get(20, TimeUnit.SECONDS);
            CellularCounts up = link.counts(Way.UP);
            assertThat(up.segments()).isEqualTo(100);
            assertThat(up.wireBytes() - up.payloadBytes()).isEqualTo(1_400 * up.segmentsLost());
            return up.wireBytes() - up.payloadBytes();
        }
    }

    @Test
    void droppedConnectionsEndForTheClientAndNewOnesAreTaken() throws Exception {
        try (EchoServer server = new EchoServer();
                CellularLink link = CellularLink.start(CellularProfile.unlimited(), WireClock.system(),
                        server.socket.getLocalPort())) {
            Socket first = connect(link);
            first.getOutputStream().write(1);
            assertThat(first.getInputStream().read()).isEqualTo(1);

            link.dropConnections();

            assertThat(readOrEnd(first)).isEqualTo(-1);
            first.close();
            try (Socket second = connect(link)) {
                second.getOutputStream().write(2);
                assertThat(second.getInputStream().read()).isEqualTo(2);
            }
            assertThat(link.connections()).isEqualTo(2);
            assertThat(link.counts(Way.UP).payloadBytes()).isEqualTo(2);
        }
    }

    /** The next byte, or -1 at the end of the stream or when the peer reset the connection. */
    private static int readOrEnd(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void write(Socket socket, byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            for (int from = 0; from < bytes.length; from += 3_000) {
                out.write(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 3_000)));
            }
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
