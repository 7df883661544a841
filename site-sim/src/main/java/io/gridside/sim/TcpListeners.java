package io.gridside.sim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running site's TCP listeners, each with the thread that accepts consoles' connections on it. */
final class TcpListeners implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpListeners.class);

    /** What a site does with a console's new connection. */
    interface Acceptor {

        void accept(Socket socket) throws IOException;
    }

    private final Map<ServerSocket, Thread> listeners = new ConcurrentHashMap<>();

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
    void stopAll() throws IOException {
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

    /** Closes every listener without waiting, as the site closes. */
    @Override
    public void close() {
        for (ServerSocket server : listeners.keySet()) {
            listeners.remove(server);
            try {
                server.close();
            } catch (IOException e) {
                LOG.debug("A TCP listener did not close cleanly.", e);
            }
        }
    }
}
