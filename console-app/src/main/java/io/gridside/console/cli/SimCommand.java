package io.gridside.console.cli;

import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import java.net.InetSocketAddress;
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

    @Override
    public Integer call() throws Exception {
        SiteSpec spec = site.spec();
        SimulatedSite sim = SimulatedSite.start(spec, SimClock.scaled(spec.now(), site.speed));
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

    private void announce(String line) {
        command.commandLine().getOut().println(line);
        command.commandLine().getOut().flush();
    }
}
