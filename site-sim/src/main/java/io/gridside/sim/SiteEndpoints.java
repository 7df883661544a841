package io.gridside.sim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running site serves consoles on, closed with it: its TCP listeners, each with the thread that accepts
 * connections on it, and whatever else it opened for them (pseudo-terminals, emulated wires, adverts).
 */
final class SiteEndpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteEndpoints.class);

    /** What a site does with a console's new connection. */
    interface Acceptor {

        void accept(Socket socket) throws IOException;
    }

    private final Map<ServerSocket, Thread> listeners = new ConcurrentHashMap<>();
    private final List<AutoCloseable> others = new CopyOnWriteArrayList<>();

    /**
     * Listens on {@code address} and hands every connection to {@code acceptor}, on a thread of its own.
     *
     * @param port the port, or 0 for any free one
     * @param threadName the start of the accepting thread's name; the port ends it
     * @return where it listens
     */
    InetSocketAddress listen(InetAddress address, int port, String threadName, Acceptor acceptor)
            throws IOException {
        ServerSocket server = new ServerSocket(port, 16, address);
        Thread thread = new Thread(() -> acceptLoop(server, acceptor), threadName + server.getLocalPort());
        thread.setDaemon(true);
        listeners.put(server, thread);
        thread.start();
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private static void acceptLoop(ServerSocket server, Acceptor acceptor) {
        while (!server.isClosed()) {
            try {
                acceptor.accept(server.accept());
            } catch (SocketException e) {
                LOG.debug("The TCP listener closed.", e);
                return;
            } catch (IOException e) {
                LOG.warn("A console connection could not be accepted: {}", e.getMessage());
            }
        }
    }

    /**
     * Closes every listener and waits for its accepting thread, so that none takes a connection once this returns;
     * sessions already open are not touched. A port closed here can be listened on again.
     */
    void stopListening() throws IOException {
        for (Map.Entry<ServerSocket, Thread> listener : listeners.entrySet()) {
            listeners.remove(listener.getKey());
            listener.getKey().close();
            try {
                // A socket closes fully only once its accepting thread has left accept(); until then it may
                // still take a connection.
                listener.getValue().join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while closing the TCP listeners.");
            }
        }
    }

    /** Keeps {@code endpoint} to close with the site. */
    void add(AutoCloseable endpoint) {
        others.add(endpoint);
    }

    /** Forgets {@code endpoint}, closed already or closed by its caller. */
    void remove(AutoCloseable endpoint) {
        others.remove(endpoint);
    }

    /** Closes every listener, without waiting for its thread, and every other endpoint, as the site closes. */
    @Override
    public void close() {
        for (ServerSocket server : listeners.keySet()) {
            listeners.remove(server);
            closeQuietly(server);
        }
        for (AutoCloseable endpoint : others) {
            closeQuietly(endpoint);
        }
        others.clear();
    }

    private static void closeQuietly(AutoCloseable endpoint) {
        try {
            endpoint.close();
        } catch (Exception e) {
            LOG.debug("A simulated site's endpoint did not close cleanly.", e);
        }
    }
}
