package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.PublishedPorts;
import io.gridside.link.auth.SigningKey;
import io.gridside.sim.FreshGateway;
import io.gridside.sim.FreshJournal;
import io.gridside.sim.FreshSite;
import io.gridside.sim.SimClock;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.journal.JournalException;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gridside sim --fresh}: a factory-fresh simulated gateway, served until stopped, announcing its key and
 * each listener on its own line; with {@code --journal DIR} it keeps what it was given there across restarts, and
 * with {@code --replace-gateway-after MINUTES} it dies that long after go-live and a second one takes its place.
 */
final class FreshSim {

    private static final int DEFAULT_TCP_PORT = 7700;

    private FreshSim() {
    }

    static int run(SimCommand sim) throws IOException, InterruptedException {
        refuseSiteOptions(sim);
        SiteSpec asked = sim.site.spec();
        SiteSpec spec = new SiteSpec(asked.meters(), asked.seed(), 0, asked.now());
        SigningKey identityKey = sim.gatewayKeySeed == null ? FreshGateway.identityKeyFor(spec)
                : sim.identityKey(spec);
        FreshGateway gateway = start(sim, spec, identityKey);
        FreshSite site = FreshSite.start(gateway);
        Runtime.getRuntime().addShutdownHook(new Thread(site::close, "fresh-sim-shutdown"));
        sim.announce("gateway-key=" + identityKey.publicKey().hex());
        if (sim.tcpPort != null || !sim.serial) {
            InetSocketAddress listening = site.listenTcp(sim.tcpPort == null ? DEFAULT_TCP_PORT : sim.tcpPort);
            sim.announce("tcp=" + listening.getAddress().getHostAddress() + ":" + listening.getPort());
            if (sim.replaceAfterMinutes != null) {
                GatewayDeath.scheduleFresh(site, Duration.ofMinutes(sim.replaceAfterMinutes), listening,
                        sim::announce, sim.journal);
            }
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

    /**
     * The fresh gateway, which with {@code --journal} keeps its commissioning steps there and, started again on
     * them, resumes its setup, customers and go-live; its clock goes on from the wall clock, as a real gateway's
     * runs on its battery through a power cut, or from the furthest time it had reached when a fast clock ran
     * ahead of the wall clock.
     */
    private static FreshGateway start(SimCommand sim, SiteSpec spec, SigningKey identityKey) {
        if (sim.journal == null) {
            return new FreshGateway(spec, SimClock.scaled(spec.now(), sim.site.speed), identityKey);
        }
        try {
            FreshJournal.Resumed resumed = FreshJournal.resumed(sim.journal, spec).notBefore(Instant.now());
            return new FreshGateway(resumed.spec(), SimClock.scaled(resumed.clockStart(), sim.site.speed),
                    identityKey, sim.journal);
        } catch (JournalException e) {
            throw new RefusedException(e.getMessage(), e, "SIM_JOURNAL_REFUSED");
        }
    }

    /** A fresh gateway has no site, history, billing, scenario or cloud to give: asking for one is a mistake. */
    private static void refuseSiteOptions(SimCommand sim) {
        if (sim.cloud || sim.advertise || sim.bind != null || sim.floodMeter != null
                || sim.operatorKeys != null || sim.noDemoOperator || sim.firmwareKeyFiles != null) {
            throw new UsageException("--fresh starts a gateway with its key and nothing else: leave out --cloud, "
                    + "--advertise, --bind, --flood-meter, --trust-operator, --no-demo-operator and --firmware-key; "
                    + "it trusts the operator of the first commissioning pack it is given.");
        }
        sim.checkReplacement();
    }

    private static void closeQuietly(Closeable publication) {
        try {
            publication.close();
        } catch (IOException e) {
            // The console ignores a publication whose simulator has gone; nothing more to do on the way out.
        }
    }
}
