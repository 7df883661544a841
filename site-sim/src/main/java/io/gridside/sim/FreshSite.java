package io.gridside.sim;

import io.gridside.link.server.GatewayLinks;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.TransportKind;
import io.gridside.sim.pty.PseudoTerminal;
import io.gridside.site.Reading;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running factory-fresh gateway: the timer that moves it along its clock, and its listeners on loopback TCP and
 * on pseudo-terminals. The entry point of a new site, for training, for tests, and for replacing a failed gateway:
 *
 * <pre>
 * FreshGateway gateway = new FreshGateway(new SiteSpec(200, seed, 0, start), SimClock.manual(start));
 * try (FreshSite site = FreshSite.start(gateway)) {
 *     InetSocketAddress address = site.listenTcp(0);
 *     ...
 * }
 * </pre>
 */
public final class FreshSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FreshSite.class);
    /** How long an unthrottled site simulates before it pauses a moment for its consoles. */
    private static final Duration FLAT_OUT_SLICE = Duration.ofMillis(50);

    private final FreshGateway gateway;
    private final GatewayLinks links;
    private final ScheduledExecutorService ticker;
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    /** The TCP listeners, each with the thread that accepts on it. */
    private final Map<ServerSocket, Thread> listeners = new ConcurrentHashMap<>();

    private FreshSite(FreshGateway gateway) {
        this.gateway = gateway;
        this.links = new GatewayLinks(gateway);
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fresh-site-ticker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the clock of a fresh gateway. On an {@link SimClock#unthrottled} clock the site steps the clock itself,
     * a quarter hour at a time as fast as it can, so its meters join within moments.
     */
    public static FreshSite start(FreshGateway gateway) {
        FreshSite site = new FreshSite(gateway);
        if (gateway.simClock() instanceof SimClock.Unthrottled unthrottled) {
            site.ticker.scheduleWithFixedDelay(() -> site.runFlatOut(unthrottled), 1, 1, TimeUnit.MILLISECONDS);
        } else {
            site.ticker.scheduleWithFixedDelay(site::advanceQuietly, 200, 200, TimeUnit.MILLISECONDS);
        }
        return site;
    }

    public FreshGateway gateway() {
        return gateway;
    }

    private void runFlatOut(SimClock.Unthrottled clock) {
        long until = System.nanoTime() + FLAT_OUT_SLICE.toNanos();
        while (System.nanoTime() < until) {
            clock.step(Reading.INTERVAL);
            advanceQuietly();
        }
    }

    private void advanceQuietly() {
        try {
            gateway.advance();
        } catch (RuntimeException e) {
            LOG.error("The fresh site failed to advance its clock.", e);
        }
    }

    /**
     * Listens for consoles on loopback.
     *
     * @param port the port, or 0 for any free one
     * @return where it listens
     */
    public InetSocketAddress listenTcp(int port) throws IOException {
        ServerSocket server = new ServerSocket(port, 16, InetAddress.getLoopbackAddress());
        resources.add(server);
        Thread thread = new Thread(() -> acceptLoop(server), "fresh-site-tcp-" + server.getLocalPort());
        thread.setDaemon(true);
        listeners.put(server, thread);
        thread.start();
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * Stops listening on TCP and ends the sessions over it, as a gateway that died: its simulation runs on as the
     * site's meters, for a replacement to read ({@code ReplacementSite}).
     */
    public void dieOnTcp() throws IOException {
        for (Map.Entry<ServerSocket, Thread> listener : listeners.entrySet()) {
            listeners.remove(listener.getKey());
            resources.remove(listener.getKey());
            listener.getKey().close();
            try {
                // A socket closes fully only once its accepting thread has left accept().
                listener.getValue().join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while closing the TCP listeners.");
            }
        }
        links.endSessions(TransportKind.TCP);
    }

    private void acceptLoop(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                links.serve(TcpTransport.accepted(server.accept()), () -> { });
            } catch (SocketException e) {
                LOG.debug("The TCP listener closed.", e);
                return;
            } catch (IOException e) {
                LOG.warn("A console connection could not be accepted: {}", e.getMessage());
            }
        }
    }

    /**
     * Serves the link on a new pseudo-terminal, as a gateway's USB gadget would.
     *
     * @return the device path a console opens, such as {@code /dev/pts/3}
     */
    public String listenSerial() throws IOException {
        PseudoTerminal terminal = PseudoTerminal.open();
        resources.add(terminal);
        links.serve(new PseudoTerminalTransport(terminal), () -> { });
        return terminal.devicePath();
    }

    /**
     * Cuts every console's TCP connection, as a cable pulled out of a LAN switch would; the listeners stay up and
     * the gateway keeps each signed-in session a while, so that its console can resume it.
     */
    public void dropTcpSessions() {
        links.dropTransports(TransportKind.TCP);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        links.close();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("A fresh site's resource did not close cleanly.", e);
            }
        }
        resources.clear();
        gateway.close();
    }
}
