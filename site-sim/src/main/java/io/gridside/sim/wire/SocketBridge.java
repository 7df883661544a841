package io.gridside.sim.wire;

import io.gridside.link.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries bytes both ways between a TCP socket and one end of a wire, one thread each way, until either side
 * ends; then it closes both, so each side sees the other go.
 */
public final class SocketBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SocketBridge.class);

    private final Socket socket;
    private final Transport end;
    private final Runnable onEnd;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SocketBridge(Socket socket, Transport end, Runnable onEnd) {
        this.socket = socket;
        this.end = end;
        this.onEnd = onEnd;
    }

    /**
     * Starts carrying bytes between {@code socket} and {@code end}.
     *
     * @param onEnd runs once when the bridge closes, whichever side ended it
     */
    public static SocketBridge start(Socket socket, Transport end, Runnable onEnd) throws IOException {
        socket.setTcpNoDelay(true);
        SocketBridge bridge = new SocketBridge(socket, end, onEnd);
        bridge.carry(socket.getInputStream(), end.output(), "in");
        bridge.carry(end.input(), socket.getOutputStream(), "out");
        return bridge;
    }

    private void carry(InputStream from, OutputStream to, String way) {
        Thread thread = new Thread(() -> copy(from, to), "wire-bridge-" + way + "-" + end.address());
        thread.setDaemon(true);
        thread.start();
    }

    private void copy(InputStream from, OutputStream to) {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.debug("The bridge between {} and {} ended: {}", socket.getRemoteSocketAddress(), end.address(),
                        e.getMessage());
            }
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("The bridged socket did not close cleanly.", e);
        }
        try {
            end.close();
        } catch (IOException e) {
            LOG.debug("The bridged end {} did not close cleanly.", end.address(), e);
        }
        onEnd.run();
    }
}
