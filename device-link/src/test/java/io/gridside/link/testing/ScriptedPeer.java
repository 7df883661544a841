package io.gridside.link.testing;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.server.GatewayService;
import io.gridside.link.server.GatewaySession;
import io.gridside.link.transport.TcpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The far end of a link test: a server socket on 127.0.0.1 that accepts one connection and runs a script over
 * it on its own thread. The script is either raw (it reads and writes frames itself, to misbehave at will) or a
 * real {@link GatewaySession} in front of a fake service.
 */
public final class ScriptedPeer implements AutoCloseable {

    /** What the peer does with the connection it accepted. */
    @FunctionalInterface
    public interface Script {
        void run(Socket socket) throws Exception;
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final ServerSocket server;
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();
    private volatile Socket accepted;

    private ScriptedPeer(ServerSocket server) {
        this.server = server;
    }

    /** Listens on an ephemeral loopback port and runs {@code script} on the first connection. */
    public static ScriptedPeer start(Script script) throws IOException {
        ScriptedPeer peer = new ScriptedPeer(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
        Thread thread = new Thread(() -> peer.serve(script), "scripted-peer");
        thread.setDaemon(true);
        thread.start();
        return peer;
    }

    /** A peer that is a real gateway session over {@code service}, until the console goes away. */
    public static ScriptedPeer serving(GatewayService service) throws IOException {
        return start(socket -> {
            CountDownLatch ended = new CountDownLatch(1);
            GatewaySession session = new GatewaySession(service, TcpTransport.accepted(socket));
            session.start(ended::countDown);
            try {
                ended.await();
            } finally {
                session.close();
            }
        });
    }

    /** A script that reads everything and answers nothing, until the other end closes. */
    public static void drain(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        while (in.read(buffer) >= 0) {
            // Swallowed: a silent peer hears everything and says nothing.
        }
    }

    private void serve(Script script) {
        try (Socket socket = server.accept()) {
            accepted = socket;
            script.run(socket);
            outcome.complete(null);
        } catch (Throwable e) {
            outcome.completeExceptionally(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Opens the console's end of the link. */
    public TcpTransport connect() throws IOException {
        return TcpTransport.connect("127.0.0.1", port(), CONNECT_TIMEOUT_MILLIS);
    }

    /**
     * Opens a client session to the peer with a supervisor's credential that the fake gateway accepts, and no
     * key pinned yet, so the session pins the gateway's key.
     */
    public GatewayClient openClient(Duration timeout) throws IOException {
        return openClient(TestCredentials.signing(TestCredentials.keyedSupervisor(), GatewayPins.inMemory()), timeout);
    }

    public GatewayClient openClient(Authentication auth, Duration timeout) throws IOException {
        return GatewayClient.open(connect(), auth, timeout);
    }


    /** Opens a bare socket to the peer, for tests that play the console by hand. */
    public Socket connectSocket() throws IOException {
        Socket socket = new Socket();
        socket.connect(server.getLocalSocketAddress(), CONNECT_TIMEOUT_MILLIS);
        return socket;
    }

    /** Waits for the script to finish, and fails with whatever failed inside it. */
    public void awaitScript(Duration timeout) throws Exception {
        try {
            outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Whether the script has ended, by returning or failing. */
    public boolean scriptEnded() {
        return outcome.isDone();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket socket = accepted;
        if (socket != null) {
            socket.close();
        }
    }
}
