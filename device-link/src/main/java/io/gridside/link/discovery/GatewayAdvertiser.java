package io.gridside.link.discovery;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Locale;
import java.util.Objects;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import javax.jmdns.impl.ServiceInfoImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advertises a gateway's TCP link on one network interface with DNS-SD, until closed.
 *
 * <p>The advert goes out on the interface that holds the given address only: a gateway with a LAN port and a
 * cellular modem must not announce itself on the cellular side. Loopback is refused because it carries no
 * multicast, so nothing could ever hear the advert there.
 */
public final class GatewayAdvertiser implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayAdvertiser.class);
    /** Probing that the names are free and announcing them takes about five seconds. */
    private static final long ANNOUNCE_WAIT_MS = 15_000;

    private final JmDNS responder;
    private final ServiceInfo service;

    private GatewayAdvertiser(JmDNS responder, ServiceInfo service) {
        this.responder = responder;
        this.service = service;
    }

    /**
     * Starts advertising, and returns once the advert is announced, so that browsers can see it from then on.
     * That takes a few seconds: multicast DNS first probes that the names it will answer for are free.
     *
     * @param address an address of this machine's interface to advertise on; not loopback
     * @param port the TCP port where the gateway's link listens on that address
     * @param advert what the gateway says of itself
     * @return the running advertiser
     * @throws IOException if no interface of this machine holds the address or multicast DNS cannot start on it
     */
    public static GatewayAdvertiser start(InetAddress address, int port, GatewayAdvert advert) throws IOException {
        Objects.requireNonNull(advert, "advert");
        requireMulticastInterface(address);
        ServiceInfo service = ServiceInfo.create(GatewayAdvert.SERVICE_TYPE, advert.instanceName(), port, 0, 0,
                advert.toTxt());
        JmDNS responder = JmDNS.create(address, hostName(advert));
        try {
            responder.registerService(service);
            awaitAnnounced(service);
        } catch (IOException | RuntimeException e) {
            responder.close();
            throw e;
        }
        LOG.info("Advertising gateway {} as '{}' on {} port {}.", advert.gatewayId(), service.getName(),
                address.getHostAddress(), port);
        return new GatewayAdvertiser(responder, service);
    }

    private static void requireMulticastInterface(InetAddress address) throws IOException {
        Objects.requireNonNull(address, "address");
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            throw new IOException("A gateway cannot be advertised on " + address.getHostAddress()
                    + ": give the address of a LAN interface, since loopback carries no multicast.");
        }
        NetworkInterface nic = NetworkInterface.getByInetAddress(address);
        if (nic == null) {
            throw new IOException("No network interface of this machine has the address "
                    + address.getHostAddress() + ".");
        }
        if (!nic.isUp() || !nic.supportsMulticast()) {
            throw new IOException("The network interface " + nic.getName() + " is down or carries no multicast, "
                    + "so a gateway cannot be advertised on it.");
        }
    }

    /**
     * Waits until the advert has been announced. JmDNS tells this only through its implementation class, which the
     * service it was given is; should a later JmDNS hand out another class, the advert is announced all the same,
     * only without this wait.
     */
    private static void awaitAnnounced(ServiceInfo service) throws IOException {
        if (service instanceof ServiceInfoImpl registered && !registered.waitForAnnounced(ANNOUNCE_WAIT_MS)) {
            throw new IOException("The advert '" + service.getName() + "' was not announced within "
                    + ANNOUNCE_WAIT_MS / 1000 + " s; multicast DNS may be blocked on this interface.");
        }
    }

    /** The host name the responder answers for: one per gateway, so two simulators on one machine differ. */
    private static String hostName(GatewayAdvert advert) {
        return "gridside-" + advert.gatewayId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** The instance name the advert went out under; DNS-SD may have added a number to keep it unique. */
    public String serviceName() {
        return service.getName();
    }

    /** Withdraws the advert, so browsers forget the gateway, and stops answering. */
    @Override
    public void close() throws IOException {
        responder.unregisterAllServices();
        responder.close();
        LOG.info("Stopped advertising '{}'.", service.getName());
    }
}
