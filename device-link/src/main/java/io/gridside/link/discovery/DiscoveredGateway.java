package io.gridside.link.discovery;

import java.util.List;
import java.util.Objects;

/**
 * A gateway found on the LAN: where its link listens and what its advert says it is.
 *
 * @param advert the gateway's advert; unproven until its hello says the same
 * @param serviceName the DNS-SD instance name it advertised under
 * @param addresses the IPv4 addresses it advertised, as text; the first is the one to connect to
 * @param port the TCP port of its link
 */
public record DiscoveredGateway(GatewayAdvert advert, String serviceName, List<String> addresses, int port) {

    public DiscoveredGateway {
        Objects.requireNonNull(advert, "advert");
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("A discovered gateway needs at least one address.");
        }
    }

    /** The address to connect to. */
    public String host() {
        return addresses.get(0);
    }

    /** Where its link listens, as {@code HOST:PORT}. */
    public String endpoint() {
        return host() + ":" + port;
    }
}
