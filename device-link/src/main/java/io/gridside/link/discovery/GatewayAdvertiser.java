package io.gridside.link.discovery;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Locale;
import java.util.Objects;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
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

    private final JmDNS responder;
    private final ServiceInfo service;

    private GatewayAdvertiser(JmDNS responder, ServiceInfo service) {
        this.responder = responder;
        this.service = service;
    }

    /**
     * Starts advertising.
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
