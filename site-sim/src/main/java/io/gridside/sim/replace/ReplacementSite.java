package io.gridside.sim.replace;

import io.gridside.link.server.GatewayLinks;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.TransportKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link ReplacementGateway} served to consoles on loopback TCP, as a site's new gateway on its LAN. */
public final class ReplacementSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplacementSite.class);

    private final ReplacementGateway gateway;
    private final GatewayLinks links;
    private final ServerSocket server;

    private ReplacementSite(ReplacementGateway gateway, ServerSocket server) {
        this.gateway = gateway;
        this.links = new GatewayLinks(gateway);
        this.server = server;
    }

    /** Serves {@code gateway} on a free loopback port. */
    public static ReplacementSite listen(ReplacementGateway gateway) throws IOException {
        ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        ReplacementSite site = new ReplacementSite(gateway, server);
        Thread thread = new Thread(site::acceptLoop, "replacement-tcp-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
        return site;
    }

    public ReplacementGateway gateway() {
        return gateway;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Cuts every console's connection, as a dropped cable would; consoles may connect again. */
    public void dropSessions() {
        links.dropTransports(TransportKind.TCP);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                links.serve(TcpTransport.accepted(server.accept()), () -> { });
            } catch (SocketException e) {
                LOG.debug("The replacement gateway's listener closed.", e);
                return;
            } catch (IOException e) {
                LOG.warn("A console connection could not be accepted: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("The replacement gateway's listener did not close cleanly.", e);
        }
        links.close();
    }
}
