package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.console.service.PublishedPorts;
import io.gridside.link.auth.OperatorKey;
import io.gridside.link.auth.OperatorKeyFile;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.GatewayResume;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.cloud.CloudFaults;
import io.gridside.sim.cloud.CloudServer;
import io.gridside.sim.journal.JournalException;
import io.gridside.sim.mesh.GatewayIntake;
import io.gridside.site.cbor.ByteString;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside sim}: runs a simulated site until stopped, announcing each listener on its own line. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Runs a simulated site that consoles can connect to.",
            "Prints tcp=HOST:PORT, serial=DEVICE and advertised=NAME, one line each, as soon as it listens;",
            "with --cloud also cloud=URL, cloud-pin=PIN and cloud-issuer-pin=PIN."},
        subcommands = SimMonthCommand.class)
final class SimCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SimCommand.class);

    private static final int DEFAULT_TCP_PORT = 7700;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    SiteOptions site = new SiteOptions();

    @Option(names = "--tcp", paramLabel = "PORT", arity = "0..1", fallbackValue = "0",
            description = "Listen on TCP at PORT (0 or none: any free port).")
    Integer tcpPort;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Listen for TCP on this address of a LAN interface instead of loopback.")
    String bind;

    @Option(names = "--advertise",
            description = "Advertise the TCP link on the LAN with DNS-SD, as a gateway does; needs --bind.")
    boolean advertise;

    @Option(names = "--serial", description = {"Listen on a new pseudo-terminal, as a gateway's USB port does,",
        "and publish it so that consoles of this user list it among the serial ports."})
    boolean serial;

    @Option(names = "--trust-operator", paramLabel = "FILE",
            description = "Also accept credentials of this operator key file (public or private); repeatable.")
    List<Path> operatorKeys;

    @Option(names = "--no-demo-operator",
            description = "Do not accept the demo operator's credentials, as a real gateway never does.")
    boolean noDemoOperator;

    @Option(names = "--firmware-key", paramLabel = "FILE",
            description = {"Also trust this firmware key file (public or signing copy) to sign firmware, besides the",
                "demo firmware key, as a gateway given its maker's key does; repeatable."})
    List<Path> firmwareKeyFiles;

    @Option(names = "--flood-meter", paramLabel = "ID",
            description = {"Make meter ID raise tamper events in a loop from the start, as a faulty meter does;",
                "the gateway still serves every other meter's readings on time."})
    String floodMeter;

    @Option(names = "--flood-rate", paramLabel = "N", defaultValue = "72000",
            description = {"How many events a quarter hour the flooding meter raises (default: ${DEFAULT-VALUE},",
                "twice what the gateway's core serves)."})
    int floodRate;

    @Option(names = "--journal", paramLabel = "DIR",
            description = {"Keep the gateway's journal in DIR; started again on it, the gateway resumes where it",
                "stopped. Give the same --meters, --seed, --days, billing and scenario each time."})
    Path journal;

    @Option(names = "--gateway-key-seed", paramLabel = "HEX",
            description = "Present the identity key made from this seed (32 bytes, 64 hex digits) in place of the "
                + "site's own, as a replaced gateway of the same site does: consoles that pinned the site refuse it "
                + "until it is re-pinned. Also prints gateway-key=HEX, its public key, which 'credential replace-key "
                + "--new-key' takes.")
    String gatewayKeySeed;

    @Option(names = "--cloud", description = {"Also run a simulated cloud for this site on 127.0.0.1 (HTTPS, any free",
        "port), seeded with a few down items, that consoles can sync with."})
    boolean cloud;

    @Option(names = "--cloud-dir", paramLabel = "DIR",
            description = "Keep the simulated cloud's store in DIR (default: a new temporary folder).")
    Path cloudDir;

    @Option(names = "--cloud-faults", paramLabel = "SPEC",
            description = {"Make the simulated cloud fail on purpose, such as",
                "seed=7,drop-after=0.05,error503=0.1,slow=0.1,backup-every=50,restore-at=200 (docs/sync.md)."})
    String cloudFaults;

    @Option(names = "--fresh", description = {"Run a factory-fresh gateway instead: an identity key of its own and",
        "nothing else (no site, clock unset, billing off); its --meters join the mesh a few a minute and wait",
        "to be commissioned with gridside connect ... commission. Takes --meters, --seed, --speed, --tcp,",
        "--serial, --gateway-key-seed, --journal and --replace-gateway-after."})
    boolean fresh;

    @Option(names = "--replace-gateway-after", paramLabel = "MINUTES", description = {"Let the gateway die after",
        "MINUTES of simulated time and a factory-fresh one take its place on the same TCP address, to train",
        "gridside connect ... replace-gateway; prints replaced=HOST:PORT and replacement-key=HEX then. With",
        "--journal the new gateway keeps its own journal there: started again on it, the site's gateway is",
        "replaced at once and the replacement resumes its billing where it stopped. With --fresh the gateway",
        "dies MINUTES after go-live, as only a gateway that billed leaves a replica to restore from."})
    Integer replaceAfterMinutes;

    @Option(names = "--replace-gateway-on-input", description = {"With --replace-gateway-after, let the gateway",
        "die as soon as a line is read on standard input (Enter), if that comes first: the trainer, or a",
        "script, says when."})
    boolean replaceOnInput;

    @Override
    public Integer call() throws Exception {
        if (fresh) {
            return FreshSim.run(this);
        }
        InetAddress address = listenAddress();
        checkFloodRate();
        checkReplacement();
        checkCloudOptions();
        FirmwareKeys firmwareKeys = firmwareKeys();
        GatewayResume.Resumed resumed = resumed(site.spec(), Instant.now());
        SiteSpec spec = resumed.spec();
        SigningKey identityKey = identityKey(spec);
        SimClock clock = SimClock.scaled(resumed.clock(), site.speed);
        SimulatedGateway gateway = gateway(spec, clock, identityKey);
        gateway.firmware().update().trust(firmwareKeys);
        flood(gateway);
        if (gatewayKeySeed != null) {
            announce("gateway-key=" + identityKey.publicKey().hex());
        }
        SimulatedSite sim = SimulatedSite.start(gateway);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "site-sim-shutdown"));
        if (tcpPort != null || !serial || advertise) {
            InetSocketAddress listening = sim.listenTcp(address, tcpPort == null ? DEFAULT_TCP_PORT : tcpPort);
            announce("tcp=" + listening.getAddress().getHostAddress() + ":" + listening.getPort());
            if (advertise) {
                announce("advertised=" + sim.advertise(address, listening.getPort()));
            }
            if (replaceAfterMinutes != null) {
                GatewayDeath.schedule(sim, clock, clock.now().plus(Duration.ofMinutes(replaceAfterMinutes)),
                        listening, this::announce, journal, replaceOnInput ? System.in : null);
            }
        }
        if (serial) {
            String device = sim.listenSerial();
            publish(sim, device);
            announce("serial=" + device);
        }
        if (cloud) {
            CloudServer server = startCloud(gateway);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cloud-sim-shutdown"));
            announce("cloud=" + server.url());
            announce("cloud-pin=" + server.pin());
            announce("cloud-issuer-pin=" + server.issuerPin());
        }
        new CountDownLatch(1).await();
        return ExitCode.OK;
    }

    /**
     * The site and its clock's start: as asked, or as the journal kept in {@code --journal} left them. A gateway
     * resumed on its journal starts its clock at {@code realNow}, as its first start did, unless it had got further:
     * the quarter hours it was stopped are then read and billed at once, as by a gateway that was switched off.
     */
    GatewayResume.Resumed resumed(SiteSpec asked, Instant realNow) {
        if (journal == null) {
            return new GatewayResume.Resumed(asked, asked.now());
        }
        if (floodMeter != null) {
            // The flood is not among the commands a kept journal replays, so its history could not be rebuilt.
            throw new UsageException("--flood-meter cannot be used with --journal: a flood is not kept in the "
                    + "journal, so the gateway could not resume it; leave one of them out.");
        }
        try {
            return GatewayResume.resumed(journal, asked).notBefore(realNow);
        } catch (JournalException e) {
            throw new RefusedException(e.getMessage(), e, "SIM_JOURNAL_REFUSED");
        }
    }

    private SimulatedGateway gateway(SiteSpec spec, SimClock clock, SigningKey identityKey) throws IOException {
        try {
            return new SimulatedGateway(spec, clock, trusted(), identityKey, site.scenario(), journal);
        } catch (JournalException e) {
            throw new RefusedException(e.getMessage(), e, "SIM_JOURNAL_REFUSED");
        }
    }

    /** The simulated cloud of {@code --cloud}, trusting the operators the gateway trusts, seeded for its site. */
    CloudServer startCloud(SimulatedGateway gateway) throws IOException {
        CloudFaults faults = cloudFaults == null ? CloudFaults.none() : CloudFaults.parse(cloudFaults);
        Path dir = cloudDir == null ? Files.createTempDirectory("gridside-cloud") : cloudDir;
        return CloudServer.startDemo(CloudServer.builder(dir).faults(faults).trusted(trusted()), gateway.layout());
    }

    /** Tells consoles on this machine where the gateway is served, since port listings leave pseudo-terminals out. */
    private static void publish(SimulatedSite sim, String device) throws IOException {
        Closeable publication = PublishedPorts.in(AppDirs.forCurrentUser())
                .publish(device, sim.gateway().layout().gatewayId());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> withdraw(publication), "site-sim-withdraw"));
    }

    private static void withdraw(Closeable publication) {
        try {
            publication.close();
        } catch (IOException e) {
            LOG.warn("The published pseudo-terminal could not be withdrawn; consoles will ignore it.", e);
        }
    }

    private InetAddress listenAddress() {
        if (bind == null) {
            if (advertise) {
                throw new UsageException("--advertise needs --bind ADDRESS, the address of a LAN "
                        + "interface: loopback carries no multicast, so no console could hear the advert.");
            }
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind " + bind + " is not an address of this machine.", e);
        }
    }

    /** The site's own identity key, or the one of a replaced gateway when a seed is given. */
    SigningKey identityKey(SiteSpec spec) {
        if (gatewayKeySeed == null) {
            return SimulatedGateway.identityKeyFor(spec);
        }
        if (!gatewayKeySeed.strip().matches("[0-9a-fA-F]{64}")) {
            throw new UsageException("--gateway-key-seed takes 32 bytes as 64 hex digits, such as "
                    + "0101...01; '" + gatewayKeySeed + "' is not that.");
        }
        return SigningKey.fromSeed(ByteString.fromHex(gatewayKeySeed.strip()));
    }

    void checkCloudOptions() {
        if (!cloud && (cloudDir != null || cloudFaults != null)) {
            throw new UsageException("--cloud-dir and --cloud-faults go with --cloud; add --cloud.");
        }
        if (cloudFaults != null) {
            try {
                CloudFaults.parse(cloudFaults);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--cloud-faults " + cloudFaults + " is not a fault list: " + e.getMessage()
                        + ".", e);
            }
        }
    }

    void checkFloodRate() {
        if (floodRate < 1 || floodRate > 10 * GatewayIntake.SLOTS_PER_INTERVAL) {
            throw new UsageException("--flood-rate must be between 1 and " + 10 * GatewayIntake.SLOTS_PER_INTERVAL
                    + " events a quarter hour, was " + floodRate + ".");
        }
    }

    /** Starts the flood asked for, if any, before a console can connect. */
    void flood(SimulatedGateway gateway) {
        if (floodMeter == null) {
            return;
        }
        List<String> meters = gateway.layout().meters().stream().map(m -> m.meterId()).toList();
        if (!meters.contains(floodMeter)) {
            throw new UsageException("--flood-meter " + floodMeter + " is not a meter of this site, whose meters are "
                    + meters.get(0) + " to " + meters.get(meters.size() - 1) + ".");
        }
        gateway.flood(floodMeter, floodRate);
    }

    /** The firmware keys of {@code --firmware-key}, which the simulated gateway trusts besides the demo key. */
    FirmwareKeys firmwareKeys() {
        List<ByteString> keys = new ArrayList<>();
        for (Path file : firmwareKeyFiles == null ? List.<Path>of() : firmwareKeyFiles) {
            try {
                keys.add(FirmwareKeys.readPublicKey(file));
            } catch (IOException e) {
                throw new UsageException("--firmware-key " + file + " is not a firmware key file the gateway can "
                        + "read: " + e.getMessage(), e);
            }
        }
        return FirmwareKeys.of(keys);
    }

    /** The operator keys the simulated gateway accepts: the demo operator's unless told not to, and any given. */
    TrustedOperators trusted() throws IOException {
        List<OperatorKey> keys = new ArrayList<>();
        if (!noDemoOperator) {
            keys.add(DemoOperator.publicKey());
        }
        for (Path file : operatorKeys == null ? List.<Path>of() : operatorKeys) {
            keys.add(OperatorKeyFile.readPublic(file));
        }
        if (keys.isEmpty()) {
            throw new UsageException("With --no-demo-operator, give at least one --trust-operator FILE, "
                    + "or no credential can open the site.");
        }
        return TrustedOperators.of(keys);
    }

    /** A gateway can be replaced only where consoles reach it over TCP, after a positive time. */
    void checkReplacement() {
        if (replaceOnInput && (replaceAfterMinutes == null || fresh)) {
            throw new UsageException("--replace-gateway-on-input needs --replace-gateway-after, and works without "
                    + "--fresh only.");
        }
        if (replaceAfterMinutes == null) {
            return;
        }
        if (replaceAfterMinutes < 1) {
            throw new UsageException("--replace-gateway-after must be 1 minute or more, was " + replaceAfterMinutes
                    + ".");
        }
        if (tcpPort == null && serial && !advertise) {
            throw new UsageException("--replace-gateway-after needs --tcp: the new gateway takes the dead one's "
                    + "TCP address.");
        }
    }

    void announce(String line) {
        command.commandLine().getOut().println(line);
        command.commandLine().getOut().flush();
    }
}
