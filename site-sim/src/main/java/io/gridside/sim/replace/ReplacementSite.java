package io.gridside.sim.replace;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.server.GatewayLinks;
import io.gridside.link.server.GatewayService;
import io.gridside.link.transport.TcpTransport;
import io.gridside.link.transport.TransportKind;
import io.gridside.sim.FreshGateway;
import io.gridside.sim.FreshSite;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        return listen(gateway, InetAddress.getLoopbackAddress(), 0);
    }

    /** Serves {@code gateway} on {@code address} and {@code port}, or any free port for 0. */
    public static ReplacementSite listen(ReplacementGateway gateway, InetAddress address, int port)
            throws IOException {
        ServerSocket server = new ServerSocket(port, 16, address);
        ReplacementSite site = new ReplacementSite(gateway, server);
        Thread thread = new Thread(site::acceptLoop, "replacement-tcp-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
        return site;
    }

    /**
     * Lets the gateway of {@code site} die, for training and tests: consoles can no longer reach it (its TCP
     * listener closes and its sessions end), while its simulation runs on as the site's meters. A factory-fresh
     * gateway for the site, which reads those meters, takes its place at {@code address} and {@code port}; the
     * mobile money customers pay from then on, which reached no gateway, the site's payment provider sends again to
     * the new one once it bills ({@link PaymentProvider}).
     *
     * @param clock the site's clock, which the new gateway keeps time by
     * @param gatewayId the new gateway's id, as its hello names it
     * @param identityKey the new gateway's identity key, which a supervisor re-pins the site to
     */
    public static ReplacementSite takeOver(SimulatedSite site, SimClock clock, String gatewayId,
            SigningKey identityKey, InetAddress address, int port) throws IOException {
        return takeOver(site, clock, gatewayId, identityKey, address, port, null);
    }

    /**
     * As {@link #takeOver(SimulatedSite, SimClock, String, SigningKey, InetAddress, int)}, with the new gateway
     * keeping its journal in {@code journal} ({@link ReplacementJournal}), or none for null: started again on the
     * journal of an earlier run beside the same site, it resumes that run's replacement where it stopped.
     */
    public static ReplacementSite takeOver(SimulatedSite site, SimClock clock, String gatewayId,
            SigningKey identityKey, InetAddress address, int port, Path journal) throws IOException {
        site.stopListeningTcp();
        site.endTcpSessions();
        return mountedFor(site.gateway(), clock, gatewayId, identityKey, address, port, journal);
    }

    /**
     * As {@link #takeOver(SimulatedSite, SimClock, String, SigningKey, InetAddress, int, Path)}, for a site
     * commissioned on a factory-fresh gateway: once live, it dies and a second factory-fresh one takes its place,
     * keeping time by the clock the first one's setup set (the site's).
     */
    public static ReplacementSite takeOver(FreshSite site, String gatewayId, SigningKey identityKey,
            InetAddress address, int port, Path journal) throws IOException {
        FreshGateway dead = site.gateway();
        if (dead.live() == null) {
            throw new IllegalStateException("A gateway is replaced from a replica of the site it billed; this one "
                    + "has not gone live.");
        }
        site.dieOnTcp();
        return mountedFor(dead, dead::clock, gatewayId, identityKey, address, port, journal);
    }

    /** The new gateway of the site whose gateway {@code dead} died, listening at {@code address} and {@code port}. */
    private static ReplacementSite mountedFor(GatewayService dead, SimClock clock, String gatewayId,
            SigningKey identityKey, InetAddress address, int port, Path journal) throws IOException {
        LOG.info("Gateway {} of site {} died; gateway {} takes its place.", dead.profile().gatewayId(),
                dead.profile().siteId(), gatewayId);
        String siteId = dead.profile().siteId();
        PaymentProvider payments = PaymentProvider.of(dead);
        ReplacementGateway gateway = journal == null
                ? new ReplacementGateway(siteId, gatewayId, identityKey, dead.trustedOperators(), clock,
                        MeterRegisters.of(dead), payments)
                : ReplacementGateway.journaled(siteId, gatewayId, identityKey, dead.trustedOperators(), clock,
                        MeterRegisters.of(dead), payments, journal);
        if (dead instanceof SimulatedGateway simulated) {
            gateway.measuresHealthBy(simulated::replacementHealth);
        }
        try {
            return listen(gateway, address, port);
        } catch (IOException e) {
            gateway.closeJournal();
            throw e;
        }
    }

    /**
     * The identity key of the box that replaces {@code dead}: its own, made from the dead gateway's key, which its
     * site's seed gives, so that the replacements of two sites prove themselves with different keys and one site's
     * replacement keeps its key across restarts.
     */
    public static SigningKey keyFor(GatewayService dead) {
        String label = "gridside replacement gateway identity " + dead.identityKey().publicKey().hex();
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
            return SigningKey.fromSeed(ByteString.of(seed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
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
        gateway.closeJournal();
    }
}
