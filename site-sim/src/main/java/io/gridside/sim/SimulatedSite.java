package io.gridside.sim;

import io.gridside.link.server.GatewaySession;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.TransportKind;
import io.gridside.sim.pty.PseudoTerminal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running simulated site: its gateway, the timer that moves it along its clock, and its listeners on
 * loopback TCP and on a pseudo-terminal (how a gateway's USB port appears to a laptop).
 */
public final class SimulatedSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSite.class);

    private final SimulatedGateway gateway;
    private final ScheduledExecutorService ticker;
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private final List<GatewaySession> sessions = new CopyOnWriteArrayList<>();

    private SimulatedSite(SimulatedGateway gateway) {
        this.gateway = gateway;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "site-sim-ticker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Builds the site from {@code spec}, runs its history, and starts its clock. Its gateway trusts the demo
     * operator (see {@link DemoOperator}) and no other.
     */
    public static SimulatedSite start(SiteSpec spec, SimClock clock) {
        return start(new SimulatedGateway(spec, clock));
    }

    /** Starts the clock of a site whose gateway is built already, with the trust and key of its choosing. */
    public static SimulatedSite start(SimulatedGateway gateway) {
        SimulatedSite site = new SimulatedSite(gateway);
        site.ticker.scheduleWithFixedDelay(site::advanceQuietly, 200, 200, TimeUnit.MILLISECONDS);
        return site;
    }

    public SimulatedGateway gateway() {
        return gateway;
    }

    private void advanceQuietly() {
        try {
            gateway.advance();
        } catch (RuntimeException e) {
            LOG.error("The simulated site failed to advance its clock.", e);
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
        Thread acceptor = new Thread(() -> acceptLoop(server), "site-sim-tcp-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                serve(TcpTransport.accepted(socket));
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
        serve(new PseudoTerminalTransport(terminal));
        return terminal.devicePath();
    }

    private void serve(io.gridside.link.transport.Transport transport) throws IOException {
        GatewaySession session = new GatewaySession(gateway, transport);
        resources.add(session);
        sessions.add(session);
        session.start(() -> {
            resources.remove(session);
            sessions.remove(session);
        });
    }

    /**
     * Cuts every console's TCP session, as a cable pulled out of a LAN switch would; the listeners stay up,
     * so consoles can connect again. For training and for tests of how the console copes.
     */
    public void dropTcpSessions() {
        for (GatewaySession session : sessions) {
            if (session.transportKind() == TransportKind.TCP) {
                session.close();
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("A simulator resource did not close cleanly.", e);
            }
        }
        resources.clear();
    }
}
