package io.gridside.console.service;

import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimulatedSite;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A simulated site on loopback TCP, a demo supervisor's client connected to it and a site database: what the pull
 * and audit tests start from. The client pins the gateway's key in memory, so no file outside the test is touched.
 */
record PulledSite(SimulatedSite site, GatewayClient client, SiteStore store) implements AutoCloseable {

    /** Listens for {@code site} on loopback, connects a supervisor valid at {@code now}, opens {@code database}. */
    static PulledSite connect(SimulatedSite site, Instant now, Path database) throws IOException {
        try {
            GatewayClient client = supervisor(site.listenTcp(0), site.gateway().profile().siteId(), now);
            return new PulledSite(site, client, SiteStore.open(database));
        } catch (IOException | RuntimeException e) {
            site.close();
            throw e;
        }
    }

    /** A demo supervisor's client, valid at {@code at}, of site {@code siteId}'s gateway at {@code address}. */
    static GatewayClient supervisor(InetSocketAddress address, String siteId, Instant at) throws IOException {
        return GatewayClient.open(TcpTransport.connect(address.getHostString(), address.getPort(), 2000),
                Authentication.of(DemoOperator.supervisorFor(siteId, at), GatewayPins.inMemory()),
                Duration.ofSeconds(10));
    }

    /** Pulls everything from {@code from} to {@code to} into the store, without progress or cancelling. */
    SitePull.Result pull(Instant from, Instant to) throws IOException {
        return SitePull.run(client, store, from, to, Progress.NONE, () -> false);
    }

    @Override
    public void close() {
        client.close();
        store.close();
        site.close();
    }
}
