package io.gridside.sim;

import io.gridside.link.discovery.GatewayAdvert;
import io.gridside.link.discovery.GatewayAdvertiser;
import io.gridside.link.frame.Frame;
import io.gridside.link.server.GatewayLinks;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.Transport;
import io.gridside.link.transport.TransportKind;
import io.gridside.sim.pty.PseudoTerminal;
import io.gridside.sim.wire.SocketBridge;
import io.gridside.sim.wire.WireClock;
import io.gridside.sim.wire.WireEmulator;
import io.gridside.sim.wire.WireProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running simulated site: its gateway, the timer that moves it along its clock, its listeners on TCP and on
 * pseudo-terminals (how a gateway's USB port appears to a laptop), and its advert on a LAN. A loopback listener
 * may pass through an emulated wire, which imposes a line rate and line faults.
 */
public final class SimulatedSite implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSite.class);

    private final SimulatedGateway gateway;
    private final GatewayLinks links;
    private final SiteEndpoints endpoints = new SiteEndpoints();
    private final Map<String, PseudoTerminal> terminals = new ConcurrentHashMap<>();
    private final AtomicLong emulatedConnections = new AtomicLong();
    private final SiteTicker ticker;

    private SimulatedSite(SimulatedGateway gateway) {
        this.gateway = gateway;
        this.links = new GatewayLinks(gateway);
        this.ticker = SiteTicker.start("site-sim-ticker", gateway.simClock(), gateway::advance, "simulated site");
    }

    /**
     * Builds the site from {@code spec}, runs its history, and starts its clock. Its gateway trusts the demo
     * operator (see {@link DemoOperator}) and no other.
     */
    public static SimulatedSite start(SiteSpec spec, SimClock clock) {
        return start(new SimulatedGateway(spec, clock));
    }

    /**
     * Builds the site from {@code spec} to play {@code scenario} from the start of its history, runs its history,
     * and starts its clock.
     *
     * @throws io.gridside.sim.scenario.ScenarioException when the scenario names a meter or feeder the site does
     *     not have
     */
    public static SimulatedSite start(SiteSpec spec, SimClock clock, io.gridside.sim.scenario.Scenario scenario) {
        return start(new SimulatedGateway(spec, clock, scenario));
    }

    /**
     * Starts the clock of a site whose gateway is built already, with the trust and key of its choosing. On an
     * {@link SimClock#unthrottled} clock the site steps its clock itself, as fast as it can.
     */
    public static SimulatedSite start(SimulatedGateway gateway) {
        return new SimulatedSite(gateway);
    }

    public SimulatedGateway gateway() {
        return gateway;
    }

    /**
     * Listens for consoles on loopback.
     *
     * @param port the port, or 0 for any free one
     * @return where it listens
     */
    public InetSocketAddress listenTcp(int port) throws IOException {
        return listenTcp(InetAddress.getLoopbackAddress(), port);
    }

    /**
     * Listens for consoles on one address of this machine, such as a LAN interface's.
     *
     * @param address the address to listen on
     * @param port the port, or 0 for any free one
     * @return where it listens
     */
    public InetSocketAddress listenTcp(InetAddress address, int port) throws IOException {
        return endpoints.listen(address, port, "site-sim-tcp-", socket -> serve(TcpTransport.accepted(socket)));
    }

    /**
     * Listens for consoles on loopback and passes every connection through its own emulated wire on the real
     * clock. The n-th connection's faults are drawn from the profile's seed plus n - 1, so a console that
     * reconnects meets new faults, and a run that connects in the same way meets the same ones.
     *
     * @param port the port, or 0 for any free one
     * @return where it listens
     */
    public InetSocketAddress listenEmulatedTcp(int port, WireProfile profile) throws IOException {
        return endpoints.listen(InetAddress.getLoopbackAddress(), port, "site-sim-wire-tcp-", socket -> {
            long connection = emulatedConnections.getAndIncrement();
            WireEmulator wire = WireEmulator.open(profile.withSeed(profile.seed() + connection), WireClock.system(),
                    TransportKind.TCP);
            endpoints.add(wire);
            try {
                serve(wire.gatewayEnd());
                // Closing the wire ends the bridge too, so the wire is the one resource to close.
                SocketBridge.start(socket, wire.consoleEnd(), () -> endpoints.remove(wire));
            } catch (IOException e) {
                wire.close();
                socket.close();
                throw e;
            }
        });
    }

    /**
     * Serves the gateway at the far end of a new emulated wire, without a socket: the console opens its session
     * on the wire's {@link WireEmulator#consoleEnd()}. On a virtual clock this is how a test runs a slow line fast.
     */
    public WireEmulator serveThroughWire(WireProfile profile, WireClock clock) throws IOException {
        WireEmulator wire = WireEmulator.open(profile, clock);
        endpoints.add(wire);
        serve(wire.gatewayEnd(), () -> endpoints.remove(wire));
        return wire;
    }

    /**
     * Serves the link on a new pseudo-terminal, as a gateway's USB gadget would.
     *
     * @return the device path a console opens, such as {@code /dev/pts/3}
     */
    public String listenSerial() throws IOException {
        PseudoTerminal terminal = PseudoTerminal.open();
        endpoints.add(terminal);
        terminals.put(terminal.devicePath(), terminal);
        serve(new PseudoTerminalTransport(terminal));
        return terminal.devicePath();
    }

    /**
     * Takes away a pseudo-terminal that {@link #listenSerial()} made, as pulling a gateway's USB cable takes away
     * its serial device: a console that has it open sees its link drop. Serving again with {@link #listenSerial()}
     * is plugging the cable back in, and the device comes back under a new name.
     *
     * @param device the device path that {@link #listenSerial()} returned
     * @throws IllegalArgumentException if this site serves no such device
     */
    public void unplugSerial(String device) {
        PseudoTerminal terminal = terminals.remove(device);
        if (terminal == null) {
            throw new IllegalArgumentException("The simulated site serves no pseudo-terminal " + device + ".");
        }
        endpoints.remove(terminal);
        terminal.close();
        LOG.info("Unplugged the simulated gateway's serial device {}.", device);
    }

    /**
     * Advertises the gateway's TCP link on the LAN with DNS-SD, as a real gateway does, until the site closes.
     *
     * @param address the address of the interface to advertise on, where the link listens; not loopback
     * @param port the TCP port of the link on that address
     * @return the DNS-SD instance name the advert went out under
     */
    public String advertise(InetAddress address, int port) throws IOException {
        SiteLayout layout = gateway.layout();
        GatewayAdvert advert = new GatewayAdvert(layout.gatewayId(), layout.site().siteId(), layout.site().name(),
                List.of(Frame.VERSION), null);
        GatewayAdvertiser advertiser = GatewayAdvertiser.start(address, port, advert);
        endpoints.add(advertiser);
        return advertiser.serviceName();
    }

    private void serve(Transport transport) throws IOException {
        serve(transport, () -> { });
    }

    /**
     * Serves one console over {@code transport}, a new one or one resuming its session; {@code afterEnd} runs
     * once the console has gone.
     */
    private void serve(Transport transport, Runnable afterEnd) {
        links.serve(transport, afterEnd);
    }

    /**
     * Cuts every console's TCP connection, as a cable pulled out of a LAN switch would; the listeners stay up,
     * so consoles can connect again, and the gateway keeps each signed-in session for a while so that its
     * console can resume it. For training and for tests of how the console copes.
     */
    public void dropTcpSessions() {
        links.dropTransports(TransportKind.TCP);
    }

    /**
     * Ends every console's TCP session as a gateway restart would: a console cannot resume it, and must say hello
     * anew. For tests of how the console copes.
     */
    public void endTcpSessions() {
        links.endSessions(TransportKind.TCP);
    }

    /**
     * Stops listening on TCP, as a gateway whose LAN went down; sessions already open are not touched.
     * {@link #listenTcp(int)} with the same port listens again.
     */
    public void stopListeningTcp() throws IOException {
        endpoints.stopListening();
    }

    @Override
    public void close() {
        ticker.close();
        links.close();
        endpoints.close();
        terminals.clear();
        gateway.close();
    }
}
