package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.PublishedPorts;
import io.gridside.link.auth.SigningKey;
import io.gridside.sim.FreshGateway;
import io.gridside.sim.FreshSite;
import io.gridside.sim.SimClock;
import io.gridside.sim.SiteSpec;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gridside sim --fresh}: a factory-fresh simulated gateway, served until stopped, announcing its key and
 * each listener on its own line.
 */
final class FreshSim {

    private static final int DEFAULT_TCP_PORT = 7700;

    private FreshSim() {
    }

    static int run(SimCommand sim) throws IOException, InterruptedException {
        refuseSiteOptions(sim);
        SiteSpec asked = sim.site.spec();
        SiteSpec spec = new SiteSpec(asked.meters(), asked.seed(), 0, asked.now());
        SigningKey identityKey = sim.identityKey(spec);
        FreshGateway gateway = new FreshGateway(spec, SimClock.scaled(spec.now(), sim.site.speed), identityKey);
        FreshSite site = FreshSite.start(gateway);
        Runtime.getRuntime().addShutdownHook(new Thread(site::close, "fresh-sim-shutdown"));
        sim.announce("gateway-key=" + identityKey.publicKey().hex());
        if (sim.tcpPort != null || !sim.serial) {
            InetSocketAddress listening = site.listenTcp(sim.tcpPort == null ? DEFAULT_TCP_PORT : sim.tcpPort);
            sim.announce("tcp=" + listening.getAddress().getHostAddress() + ":" + listening.getPort());
        }
        if (sim.serial) {
            String device = site.listenSerial();
            Closeable publication = PublishedPorts.in(AppDirs.forCurrentUser()).publish(device,
                    gateway.profile().gatewayId());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(publication), "fresh-sim-withdraw"));
            sim.announce("serial=" + device);
        }
        new CountDownLatch(1).await();
        return ExitCode.OK;
    }

    /** A fresh gateway has no site, history, billing, scenario or cloud to give: asking for one is a mistake. */
    private static void refuseSiteOptions(SimCommand sim) {
        if (sim.journal != null || sim.cloud || sim.advertise || sim.bind != null || sim.floodMeter != null
                || sim.operatorKeys != null || sim.noDemoOperator || sim.firmwareKeyFiles != null) {
            throw new UsageException("--fresh starts a gateway with its key and nothing else: leave out --journal, "
                    + "--cloud, --advertise, --bind, --flood-meter, --trust-operator, --no-demo-operator and "
                    + "--firmware-key; it trusts the operator of the first commissioning pack it is given.");
        }
    }

    private static void closeQuietly(Closeable publication) {
        try {
            publication.close();
        } catch (IOException e) {
            // The console ignores a publication whose simulator has gone; nothing more to do on the way out.
        }
    }
}
