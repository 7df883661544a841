package io.gridside.console.service;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.discovery.DiscoveredGateway;
import io.gridside.link.discovery.GatewayDiscovery;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Searches the LAN for gateways that advertise themselves; the connect screen and {@code gridside discover}. */
@FunctionalInterface
public interface GatewaySearch {

    /** Long enough for every gateway on a quiet LAN to answer, short enough to wait for. */
    Duration DEFAULT_TIME = Duration.ofSeconds(3);

    /**
     * Listens for {@code time}, or until cancelled, and returns the gateways whose adverts arrived. Blocks.
     *
     * @throws IOException when this machine has no network to search
     */
    List<DiscoveredGateway> search(Duration time, CancelSignal cancel) throws IOException;

    /** Searches every LAN interface of this machine. */
    static GatewaySearch onTheLan() {
        return GatewayDiscovery.onEveryInterface()::browse;
    }
}
