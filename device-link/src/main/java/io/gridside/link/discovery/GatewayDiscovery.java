package io.gridside.link.discovery;

import io.gridside.link.client.CancelSignal;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browses the LAN for gateways' DNS-SD adverts for a bounded time, and returns those it found.
 *
 * <p>It listens on every interface that is up, carries multicast and has an IPv4 address (or on one chosen
 * address), since a technician's laptop may be on the gateway's LAN by cable or Wi-Fi. What it returns are adverts,
 * not proof: the console checks a gateway's identity in the hello when it connects.
 *
 * <p>IPv4 only, for now: site LANs are IPv4, and a gateway reachable only over IPv6 is not listed.
 */
public final class GatewayDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayDiscovery.class);
    private static final String BROWSER_HOST = "gridside-console";
    private static final long RESOLVE_WAIT_MS = 500;
    private static final long CANCEL_CHECK_MS = 100;

    private final List<InetAddress> addresses;

    private GatewayDiscovery(List<InetAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    /** Browses on every interface that can reach a LAN, as found when each browse starts. */
    public static GatewayDiscovery onEveryInterface() {
        return new GatewayDiscovery(List.of());
    }

    /** Browses on the interface that holds {@code address} only. */
    public static GatewayDiscovery on(InetAddress address) {
        return new GatewayDiscovery(List.of(Objects.requireNonNull(address, "address")));
    }

    /**
     * Listens for adverts for {@code duration}, or until {@code cancel} says stop, and returns the gateways found
     * so far, ordered by site name and gateway id. Blocks for the whole time.
     *
     * @throws IOException if there is no interface to browse on, or multicast DNS could start on none of them
     */
    public List<DiscoveredGateway> browse(Duration duration, CancelSignal cancel) throws IOException {
        List<InetAddress> where = addresses.isEmpty() ? lanAddresses() : addresses;
        if (where.isEmpty()) {
            throw new IOException("No network interface of this machine is up with an IPv4 address and multicast; "
                    + "join the gateway's network first.");
        }
        Map<String, DiscoveredGateway> found = new ConcurrentHashMap<>();
        List<JmDNS> browsers = startBrowsers(where, found);
        try {
            waitFor(duration, cancel);
        } finally {
            closeInBackground(browsers);
        }
        List<DiscoveredGateway> gateways = new ArrayList<>(found.values());
        gateways.sort(Comparator.comparing((DiscoveredGateway g) -> g.advert().siteName())
                .thenComparing(g -> g.advert().gatewayId()).thenComparing(DiscoveredGateway::endpoint));
        LOG.info("Browsing {} for {} found {} gateways.", where, duration, gateways.size());
        return gateways;
    }

    private static List<JmDNS> startBrowsers(List<InetAddress> where, Map<String, DiscoveredGateway> found)
            throws IOException {
        List<JmDNS> browsers = new ArrayList<>();
        IOException lastFailure = null;
        for (InetAddress address : where) {
            try {
                JmDNS browser = JmDNS.create(address, BROWSER_HOST);
                browser.addServiceListener(GatewayAdvert.SERVICE_TYPE, new Collector(browser, found));
                browsers.add(browser);
            } catch (IOException e) {
                LOG.warn("Multicast DNS could not start on {}: {}", address.getHostAddress(), e.getMessage());
                lastFailure = e;
            }
        }
        if (browsers.isEmpty()) {
            throw new IOException("The network could not be searched: " + lastFailure.getMessage(), lastFailure);
        }
        return browsers;
    }

    private static void waitFor(Duration duration, CancelSignal cancel) {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            while (!cancel.isCancelled()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                Thread.sleep(Math.min(left, CANCEL_CHECK_MS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes the browsers on a thread of their own: multicast DNS takes a second or two to shut down, which the
     * technician should not wait for once the answers are in.
     */
    private static void closeInBackground(List<JmDNS> browsers) {
        Thread closer = new Thread(() -> browsers.forEach(GatewayDiscovery::closeQuietly), "mdns-browser-close");
        closer.setDaemon(true);
        closer.start();
    }

    private static void closeQuietly(JmDNS browser) {
        try {
            browser.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("A multicast DNS browser did not close cleanly.", e);
        }
    }

    /** The IPv4 addresses of the interfaces that are up, carry multicast, and are neither loopback nor a tunnel. */
    static List<InetAddress> lanAddresses() throws SocketException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && nic.supportsMulticast() && !nic.isLoopback() && !nic.isPointToPoint()
                    && !nic.isVirtual()) {
                nic.inetAddresses().filter(Inet4Address.class::isInstance).forEach(found::add);
            }
        }
        return found;
    }

    /** Turns a resolved service into a discovered gateway, or empty when it is not a complete Gridside advert. */
    static Optional<DiscoveredGateway> read(ServiceInfo info) {
        List<String> addresses = Arrays.stream(info.getInet4Addresses()).map(InetAddress::getHostAddress).toList();
        if (addresses.isEmpty() || info.getPort() <= 0) {
            return Optional.empty();
        }
        return GatewayAdvert.fromTxt(info::getPropertyString)
                .map(advert -> new DiscoveredGateway(advert, info.getName(), addresses, info.getPort()));
    }

    /** Asks for each advertised service's details and keeps those that are complete gateway adverts. */
    private static final class Collector implements ServiceListener {

        private final JmDNS browser;
        private final Map<String, DiscoveredGateway> found;

        Collector(JmDNS browser, Map<String, DiscoveredGateway> found) {
            this.browser = browser;
            this.found = found;
        }

        @Override
        public void serviceAdded(ServiceEvent event) {
            browser.requestServiceInfo(event.getType(), event.getName(), RESOLVE_WAIT_MS);
        }

        @Override
        public void serviceRemoved(ServiceEvent event) {
            // A gateway that withdraws its advert during a short browse is still listed: it was there, and the
            // technician connecting to it learns at once whether it still is.
        }

        @Override
        public void serviceResolved(ServiceEvent event) {
            read(event.getInfo()).ifPresentOrElse(gateway -> {
                found.put(gateway.advert().gatewayId() + "@" + gateway.endpoint(), gateway);
                LOG.debug("Found gateway {} at {}.", gateway.advert().gatewayId(), gateway.endpoint());
            }, () -> LOG.debug("The service '{}' is not a complete gateway advert yet.", event.getName()));
        }
    }
}
