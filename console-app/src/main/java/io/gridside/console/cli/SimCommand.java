package io.gridside.console.cli;

import io.gridside.link.auth.OperatorKey;
import io.gridside.link.auth.OperatorKeyFile;
import io.gridside.link.auth.TrustedOperators;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside sim}: runs a simulated site until stopped, announcing each listener on its own line. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Runs a simulated site that consoles can connect to.",
            "Prints tcp=HOST:PORT and serial=DEVICE, one line per listener, as soon as it listens."})
final class SimCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    SiteOptions site = new SiteOptions();

    @Option(names = "--tcp", paramLabel = "PORT", arity = "0..1", fallbackValue = "0",
            description = "Listen on loopback TCP at PORT (0 or none: any free port).")
    Integer tcpPort;

    @Option(names = "--serial", description = "Listen on a new pseudo-terminal, as a gateway's USB port does.")
    boolean serial;

    @Option(names = "--trust-operator", paramLabel = "FILE",
            description = "Also accept credentials of this operator key file (public or private); repeatable.")
    List<Path> operatorKeys;

    @Option(names = "--no-demo-operator",
            description = "Do not accept the demo operator's credentials, as a real gateway never does.")
    boolean noDemoOperator;

    @Override
    public Integer call() throws Exception {
        SiteSpec spec = site.spec();
        SimulatedGateway gateway = new SimulatedGateway(spec, SimClock.scaled(spec.now(), site.speed), trusted(),
                SimulatedGateway.identityKeyFor(spec));
        SimulatedSite sim = SimulatedSite.start(gateway);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "site-sim-shutdown"));
        if (tcpPort != null || !serial) {
            InetSocketAddress address = sim.listenTcp(tcpPort == null ? 7700 : tcpPort);
            announce("tcp=" + address.getHostString() + ":" + address.getPort());
        }
        if (serial) {
            announce("serial=" + sim.listenSerial());
        }
        new CountDownLatch(1).await();
        return ExitCode.OK;
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

    private void announce(String line) {
        command.commandLine().getOut().println(line);
        command.commandLine().getOut().flush();
    }
}
