package io.gridside.console.service.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cable between the console and a simulated gateway on loopback that a test can pull: it relays each connection
 * to the gateway both ways, counts the bytes each way, and when armed cuts the connection (both sockets at once,
 * with what it holds lost) once so many more bytes have crossed it in one direction. A cut disarms it, so the next
 * connection passes whole.
 */
public final class CutWire implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress gateway;
    /** Bytes the console may still send, and the gateway, before the wire is cut. */
    private final AtomicLong up = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong down = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong upCount = new AtomicLong();
    private final AtomicLong downCount = new AtomicLong();
    private volatile Socket console;
    private volatile Socket toGateway;
    private volatile boolean cut;

    private CutWire(ServerSocket server, InetSocketAddress gateway) {
        this.server = server;
        this.gateway = gateway;
    }

    /** Starts relaying to {@code gateway} on a loopback port of its own. */
    public static CutWire to(InetSocketAddress gateway) throws IOException {
        ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        CutWire wire = new CutWire(server, gateway);
        Thread accepting = new Thread(wire::accept, "cut-wire");
        accepting.setDaemon(true);
        accepting.start();
        return wire;
    }

    /** Where the console connects. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** The address as {@code --tcp} takes it. */
    public String tcp() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Cuts the wire once the console has sent {@code bytes} more bytes through it. */
    public void cutAfterConsoleSends(long bytes) {
        cut = false;
        up.set(bytes);
    }

    /** Cuts the wire once the gateway has sent {@code bytes} more bytes through it. */
    public void cutAfterGatewaySends(long bytes) {
        cut = false;
        down.set(bytes);
    }

    /** Disarms the wire, cut or not, so that the next connection passes whole. */
    public void disarm() {
        up.set(Long.MAX_VALUE);
        down.set(Long.MAX_VALUE);
    }

    /** Cuts the wire now. */
    public void cutNow() throws IOException {
        pull();
    }

    /** Whether the wire was cut since it was last armed. */
    public boolean wasCut() {
        return cut;
    }

    /** Bytes the console sent through the wire, on every connection. */
    public long consoleBytes() {
        return upCount.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket from = server.accept();
                Socket to = new Socket(gateway.getAddress(), gateway.getPort());
                from.setTcpNoDelay(true);
                to.setTcpNoDelay(true);
                console = from;
                toGateway = to;
                relay(from, to, up, upCount, "cut-wire-up");
                relay(to, from, down, downCount, "cut-wire-down");
            } catch (IOException e) {
                // The server closed, or the gateway refused one connection: the console sees its own failure.
            }
        }
    }

    private void relay(Socket from, Socket to, AtomicLong budget, AtomicLong count, String name) {
        Thread thread = new Thread(() -> pump(from, to, budget, count), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(Socket from, Socket to, AtomicLong budget, AtomicLong count) {
        byte[] buffer = new byte[4096];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                long left = budget.getAndAdd(-read);
                int pass = (int) Math.max(0, Math.min(read, left));
                out.write(buffer, 0, pass);
                out.flush();
                count.addAndGet(pass);
                if (pass < read || left == read) {
                    pull();
                    return;
                }
            }
        } catch (IOException e) {
            // The other direction was cut or closed; closing both ends here finishes the cut.
        }
    }

    /** Pulls the cable: both sockets of the connection close at once, and the wire disarms. */
    private synchronized void pull() throws IOException {
        cut = true;
        up.set(Long.MAX_VALUE);
        down.set(Long.MAX_VALUE);
        for (Socket socket : new Socket[] {console, toGateway}) {
            if (socket != null && !socket.isClosed()) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pull();
    }
}
