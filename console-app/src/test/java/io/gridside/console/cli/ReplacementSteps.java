package io.gridside.console.cli;

import io.gridside.console.service.Progress;
import io.gridside.console.service.SitePull;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The steps the command-line tests of a replaced gateway share: a supervisor pulls the site into a database, the
 * old gateway dies to consoles while its meters run on, and a factory-fresh GW-NEW001 that reads those meters
 * takes over.
 */
final class ReplacementSteps {

    private ReplacementSteps() {
    }

    /**
     * Pulls the site of {@code old} into the database at {@code database} in a session of its own, as a supervisor
     * whose credential is valid at {@code now}.
     */
    static void pull(CommandSite old, String database, Instant from, Instant now) throws IOException {
        String siteId = old.site().gateway().profile().siteId();
        String[] address = old.tcp().split(":");
        try (SiteStore store = SiteStore.open(Path.of(database));
                GatewayClient client = GatewayClient.open(
                        TcpTransport.connect(address[0], Integer.parseInt(address[1]), 2000),
                        Authentication.of(DemoOperator.supervisorFor(siteId, now), GatewayPins.inMemory()),
                        Duration.ofSeconds(10))) {
            SitePull.run(client, store, from, now, Progress.NONE, () -> false);
        }
    }

    /**
     * Lets the gateway of {@code old} run on for {@code runsOn}, then die to consoles (it stops listening and ends
     * their sessions, while its meters run on), and stay dead for {@code deadFor}.
     */
    static void die(CommandSite old, SimClock.Manual clock, Duration runsOn, Duration deadFor) throws IOException {
        clock.advance(runsOn);
        old.site().stopListeningTcp();
        old.site().endTcpSessions();
        clock.advance(deadFor);
    }

    /**
     * A factory-fresh GW-NEW001 for the site of {@code old} that reads its meters, keyed from {@code seed}.
     *
     * @param seed one byte in hex, such as {@code 5a}, repeated into the key's seed
     */
    static ReplacementGateway newGateway(CommandSite old, SimClock clock, String seed) {
        return newGateway(old, clock, seed, MeterRegisters.of(old.site().gateway()));
    }

    /** A factory-fresh GW-NEW001 for the site of {@code old} that reads the meters as {@code meters} answers. */
    static ReplacementGateway newGateway(CommandSite old, SimClock clock, String seed, MeterRegisters meters) {
        return new ReplacementGateway(old.site().gateway().profile().siteId(), "GW-NEW001", key(seed),
                DemoOperator.trusted(), clock, meters);
    }

    /**
     * A factory-fresh GW-NEW001 as {@link #newGateway(CommandSite, SimClock, String)} makes, that keeps its journal
     * in {@code journal}: started again on it, it resumes what it holds.
     */
    static ReplacementGateway journaledGateway(CommandSite old, SimClock clock, String seed, Path journal) {
        return ReplacementGateway.journaled(old.site().gateway().profile().siteId(), "GW-NEW001", key(seed),
                DemoOperator.trusted(), clock, MeterRegisters.of(old.site().gateway()), journal);
    }

    /** A factory-fresh GW-OTHER1 set up for the site {@code siteId}, not the site of {@code old}. */
    static ReplacementGateway gatewayOfSite(CommandSite old, SimClock clock, String siteId) {
        return new ReplacementGateway(siteId, "GW-OTHER1", key("6b"), DemoOperator.trusted(), clock,
                MeterRegisters.of(old.site().gateway()));
    }

    private static SigningKey key(String seed) {
        return SigningKey.fromSeed(ByteString.fromHex(seed.repeat(32)));
    }

    /**
     * Runs {@code replace-gateway} on the database at {@code database} against the gateway at {@code tcp} as
     * {@code credential}, its payments said complete, with {@code options} after it.
     */
    static CommandRun replaceGateway(String tcp, String credential, String database, String... options) {
        return run(new String[] {"connect", "--tcp", tcp, "--credential", credential, "replace-gateway", "--site",
            database, "--payments-complete"}, options);
    }

    /** Runs {@code audit} on the database at {@code database} against the gateway at {@code tcp} as a credential. */
    static CommandRun audit(String tcp, String credential, String database, String... options) {
        return run(new String[] {"connect", "--tcp", tcp, "--credential", credential, "audit", "--site", database},
                options);
    }

    private static CommandRun run(String[] command, String... options) {
        String[] all = new String[command.length + options.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(options, 0, all, command.length, options.length);
        return CommandRun.of(all);
    }

    /** Where {@code replacement} listens, as {@code --tcp} takes it. */
    static String tcp(ReplacementSite replacement) {
        return replacement.address().getHostString() + ":" + replacement.address().getPort();
    }
}
