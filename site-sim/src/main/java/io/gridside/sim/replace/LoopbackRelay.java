package io.gridside.sim.replace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One loopback address whose connections are relayed to whichever gateway the test points it at: the same address
 * a technician typed, with another gateway behind it from one session to the next, as when a dead gateway's
 * replacement, or another box, is plugged in where it was.
 */
public final class LoopbackRelay implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile InetSocketAddress target;

    private LoopbackRelay(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** A relay on a free loopback port to {@code target}, until pointed elsewhere. */
    public static LoopbackRelay to(InetSocketAddress target) throws IOException {
        LoopbackRelay relay = new LoopbackRelay(new ServerSocket(0, 16, InetAddress.getLoopbackAddress()), target);
        Thread accepting = new Thread(relay::accept, "loopback-relay-" + relay.server.getLocalPort());
        accepting.setDaemon(true);
        accepting.start();
        return relay;
    }

    /** Relays the connections made from now on to {@code next}. */
    public void pointAt(InetSocketAddress next) {
        target = next;
    }

    /** The relay's address as a technician types it. */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket console = server.accept();
                Socket gateway = new Socket(target.getAddress(), target.getPort());
                sockets.add(console);
                sockets.add(gateway);
                pipe(console, gateway);
                pipe(gateway, console);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // The other side closed: the relayed connection ends.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "loopback-relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed already.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(LoopbackRelay::closeQuietly);
    }
}
