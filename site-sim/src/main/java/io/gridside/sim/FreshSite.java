package io.gridside.sim;

import io.gridside.link.server.GatewayLinks;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.TransportKind;
import io.gridside.sim.pty.PseudoTerminal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

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

    private final FreshGateway gateway;
    private final GatewayLinks links;
    private final SiteEndpoints endpoints = new SiteEndpoints();
    private final SiteTicker ticker;

    private FreshSite(FreshGateway gateway) {
        this.gateway = gateway;
        this.links = new GatewayLinks(gateway);
        this.ticker = SiteTicker.start("fresh-site-ticker", gateway.simClock(), gateway::advance, "fresh site");
    }

    /**
     * Starts the clock of a fresh gateway. On an {@link SimClock#unthrottled} clock the site steps the clock itself,
     * a quarter hour at a time as fast as it can, so its meters join within moments.
     */
    public static FreshSite start(FreshGateway gateway) {
        return new FreshSite(gateway);
    }

    public FreshGateway gateway() {
        return gateway;
    }

    /**
     * Listens for consoles on loopback.
     *
     * @param port the port, or 0 for any free one
     * @return where it listens
     */
    public InetSocketAddress listenTcp(int port) throws IOException {
        return endpoints.listen(InetAddress.getLoopbackAddress(), port, "fresh-site-tcp-",
                socket -> links.serve(TcpTransport.accepted(socket), () -> { }));
    }

    /**
     * Stops listening on TCP and ends the sessions over it, as a gateway that died: its simulation runs on as the
     * site's meters, for a replacement to read ({@code ReplacementSite}).
     */
    public void dieOnTcp() throws IOException {
        endpoints.stopListening();
        links.endSessions(TransportKind.TCP);
    }

    /**
     * Serves the link on a new pseudo-terminal, as a gateway's USB gadget would.
     *
     * @return the device path a console opens, such as {@code /dev/pts/3}
     */
    public String listenSerial() throws IOException {
        PseudoTerminal terminal = PseudoTerminal.open();
        endpoints.add(terminal);
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
        ticker.close();
        links.close();
        endpoints.close();
        gateway.close();
    }
}
